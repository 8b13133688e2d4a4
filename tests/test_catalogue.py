"""Tests for scripts/build_catalogue.py and the catalogue files it ships in src/newsgraph/data/."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from newsgraph import dictionaries

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "build_catalogue.py"
DATA_OUT = REPO / "src" / "newsgraph" / "data"
SHARED = Path(os.environ.get("NEWSGRAPH_DATA", REPO.parent / "shared" / "data"))
needs_shared = pytest.mark.skipif(
    not (SHARED / "reference" / "cameo" / "CAMEO.2.0.txt").is_file(),
    reason=f"reference data not found at {SHARED} (set NEWSGRAPH_DATA)")


def _load_script():
    spec = importlib.util.spec_from_file_location("build_catalogue", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


bc = _load_script()


# ----------------------------------------------------------------- parsing helpers

@pytest.mark.parametrize("text,expected", [
    ("IGOUNO", {"code": "IGOUNO", "start": None, "end": None, "dated": False}),
    ("EGYGOV 811007-820102", {"code": "EGYGOV", "start": "1981-10-07", "end": "1982-01-02", "dated": True}),
    ("EGYGOV > 140608", {"code": "EGYGOV", "start": "2014-06-08", "end": None, "dated": True}),
    ("IMGMUSISI >20130408", {"code": "IMGMUSISI", "start": "2013-04-08", "end": None, "dated": True}),
    ("IRQ <20030320", {"code": "IRQ", "start": None, "end": "2003-03-20", "dated": True}),
    ("DEUELI 19120101-730801", {"code": "DEUELI", "start": "1912-01-01", "end": "1973-08-01", "dated": True}),
    ("---", {"code": None, "start": None, "end": None, "dated": False}),
    ("~GOV", {"code": "GOV", "start": None, "end": None, "dated": False}),
])
def test_parse_code(text, expected):
    rec = bc.parse_code(text)
    assert {k: rec[k] for k in expected} == expected


def test_parse_code_bad_date_flagged():
    assert bc.parse_code("KORGOVBUS 2004017-20061201")["bad_date"] is True


@pytest.mark.parametrize("raw,main,acr", [
    ("DEMOCRATIC_FRONT_FOR_THE_LIBERATION_OF_PALESTINE_(DFLP)_", "DEMOCRATIC FRONT FOR THE LIBERATION OF PALESTINE", ["DFLP"]),
    ("+ISLAMIC_STATE_OF_IRAQ_AND_SYRIA_", "ISLAMIC STATE OF IRAQ AND SYRIA", []),
    ("DIRECT_ACTION_(GREECE)_", "DIRECT ACTION", []),
    ("+ABU_ABDULLAH AL-RASHID AL-BAGHDADI_", "ABU ABDULLAH AL-RASHID AL-BAGHDADI", []),
])
def test_split_raw_pattern(raw, main, acr):
    m, a, _ = bc.split_raw_pattern(raw)
    assert (m, a) == (main, acr)


@pytest.mark.parametrize("text,acr,expected", [
    ("DEMOCRATIC FRONT FOR THE LIBERATION OF PALESTINE", set(), "Democratic Front for the Liberation of Palestine"),
    ("AL-QAEDA IN IRAQ", set(), "al-Qaeda in Iraq"),
    ("ABU BAKR AL-BAGHDADI", set(), "Abu Bakr al-Baghdadi"),
    ("DA'ESH", set(), "Da'esh"),
    ("US", set(), "US"),
    ("IDF", set(), "IDF"),
    ("U.S. STATE DEPARTMENT", set(), "U.S. State Department"),
    ("ISIS", {"ISIS"}, "ISIS"),
    ("MCCLATCHY", set(), "McClatchy"),
    ("UN_Secy_Gen".replace("_", " "), set(), "UN Secy Gen"),
])
def test_natural_case(text, acr, expected):
    assert bc.natural_case(text, acr) == expected


def test_parse_actor_file_shared_codes_and_roles():
    lines = [
        "EGYPT_  [EGY]",
        "+EGYPTIAN ",
        "HOSNI_MUBARAK_  # CountryInfo.txt",
        "+MUBARAK_",
        "\t[EGYGOV 811014-110211]\t",
        "\t[EGYELI]",
        "UN_ [IGOUNO]",
        "U.N._",
        "UN_SECRETARY_GENERAL",
        "+UNSG",
        "\t[IGOUNO]",
        "+TAIOAN_ +TAWIAN_",
    ]
    ents = bc.parse_actor_file(lines, "x.txt", country_file=True)
    raws = [e["raw"] for e in ents]
    assert raws == ["EGYPT_", "HOSNI_MUBARAK_", "UN_", "U.N._", "UN_SECRETARY_GENERAL"]
    assert ents[0]["synonyms"] == ["+EGYPTIAN"]
    assert [c["code"] for c in ents[1]["codes"]] == ["EGYGOV", "EGYELI"]
    assert bc.choose_code(ents[1]["codes"]) == "EGYELI"  # undated fallback after the dated role ended
    assert [c["code"] for c in ents[3]["codes"]] == ["IGOUNO"]  # U.N. shares the next block
    assert ents[4]["synonyms"] == ["+UNSG", "+TAIOAN_", "+TAWIAN_"]


def test_choose_code_prefers_open_ended_role():
    codes = [bc.parse_code(x) for x in ("EGYMIL 770101-120812", "EGYGOV > 140608", "EGYELI")]
    assert bc.choose_code(codes) == "EGYGOV"


@pytest.mark.parametrize("line,expected", [
    ("ARMY [~MIL]", [("army", "MIL")]),
    ("BORDER_GUARDS {} [~COP]", [("border guard", "COP")]),
    ("POLICE!PERSON!  [~COP]", [("policeman", "COP"), ("policewoman", "COP"), ("policeperson", "COP")]),
    ("FOREIGN_!MINIST! [~GOV]", [("foreign minister", "GOV"), ("foreign ministry", "GOV")]),
    ("AMERICAN_GOVERNMENT [IGO~]", [("american government", "IGO")]),
    ("!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON", []),
    ("# comment [~MIL]", []),
])
def test_parse_agent_line(line, expected):
    macros = {"PERSON": ["MAN", "WOMAN", "PERSON"], "MINIST": ["MINISTER", "MINISTRY"]}
    assert bc.parse_agent_line(line, macros) == expected


def test_read_macros_keeps_singulars():
    assert bc.read_macros(["!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON"]) == {"PERSON": ["MAN", "WOMAN", "PERSON"]}


@pytest.mark.parametrize("line,expected", [
    ("- * (TO)                                              [042:043]     # RUSH",
     {"before": [], "after": [{"prep": "to", "words": []}], "code": "042", "raw_code": "042:043", "line": 7, "verb": "rush"}),
    ("- &MILITARY *                                         [154]         # RUSH",
     {"before": ["&MILITARY"], "after": [], "code": "154", "line": 7, "verb": "rush"}),
    ("- * (TO {BANNED PARTIES}) $                           [1722]        # ADD",
     {"before": [], "after": [{"prep": "to", "words": ["banned parties"]}, "$"], "code": "1722", "line": 7, "verb": "add"}),
    ("- * (BY NATO)                                         [---]         # DESTROY",
     {"before": [], "after": [{"prep": "by", "words": ["nato"]}], "code": None, "line": 7, "verb": "destroy"}),
    ("- * SANCTIONS [163]", {"before": [], "after": ["sanctions"], "code": "163", "line": 7}),
])
def test_parse_verb_pattern(line, expected):
    assert dictionaries.parse_verb_pattern(line, 7) == expected


@pytest.mark.parametrize("line,expected", [
    ("SPEED {SPEEDING SPEEDS SPED }", {"lemma": "speed", "forms": ["speeding", "speeds", "sped"], "phrasal": False, "code": None}),
    ("+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]",
     {"lemma": "ask for", "forms": ["asked for", "asking for", "asks for"], "phrasal": True, "code": "020"}),
    ("ADD  # OY 14 Mar 2006", {"lemma": "add", "forms": [], "phrasal": False, "code": None}),
])
def test_parse_member(line, expected):
    rec = dictionaries.parse_member(line)
    assert {k: rec[k] for k in expected} == expected


VALIDATION_STYLE = """\
&TIETYPES
+MILITARY
+ECONOMIC

--- ABANDON  [345]  ---
ABANDON    # pas 15 Jul 2003
- * &TIETYPES TIES [902]

&ACCORDSYN  # a synset between families, with a synset inside
+&TIETYPES
+CLOSER

--- ACCORD  [---] ---
ACCORD
- INCHING &ACCORDSYN *  [083]
"""


def test_verb_dictionary_reads_synsets_between_families():
    parsed = dictionaries.verb_dictionary(VALIDATION_STYLE.splitlines(), "test.txt")
    assert parsed["synsets"] == {"TIETYPES": ["military", "economic"], "ACCORDSYN": ["&TIETYPES", "closer"]}
    assert set(parsed["verbs"]) == {"abandon", "accord"}  # "+CLOSER" is not a phrasal verb of ABANDON
    assert parsed["verbs"]["abandon"]["code"] == "345"
    assert parsed["verbs"]["accord"]["code"] is None
    assert [p["code"] for p in parsed["families"]["ACCORD"]["patterns"]] == ["083"]


def test_verb_lexicon_expands_nested_synsets():
    from newsgraph.events import VerbLexicon

    lexicon = VerbLexicon(dictionaries.verb_dictionary(VALIDATION_STYLE.splitlines(), "test.txt"))
    assert lexicon.synsets["ACCORDSYN"] == {"military", "economic", "closer"}


@pytest.mark.parametrize("line,expected", [
    ("0311: AGREE,  ,   economic # Express intent", ("0311", {"type": "AGREE", "mode": None, "context": "economic"})),
    ("035: AGREE,  ,      # Express intent to yield", ("035", {"type": "AGREE", "mode": None, "context": None})),
    ("204: ASSAULT, unconventional, cbrn # Use WMD", ("204", {"type": "ASSAULT", "mode": "unconventional", "context": "cbrn"})),
    ("# comment", None),
])
def test_parse_plover_line(line, expected):
    assert bc.parse_plover_line(line) == expected


def test_parse_codefile_line():
    assert bc.parse_codefile_line("LABEL: 190= Use conventional military force") == ("190", "Use conventional military force", False)
    assert bc.parse_codefile_line("LABELi: 0214= Appeal for intelligence") == ("0214", "Appeal for intelligence", True)
    assert bc.parse_codefile_line("//02: APPEAL") is None


def test_missing_data_dir_fails_clearly(tmp_path, capsys):
    rc = bc.main(["--data", str(tmp_path), "--out", str(tmp_path / "out")])
    assert rc == 2
    err = capsys.readouterr().err
    assert "Phoenix.Countries.actors.txt" in err and "missing" in err
    assert not (tmp_path / "out").exists()


@needs_shared
def test_build_is_deterministic_and_matches_shipped(tmp_path):
    assert bc.main(["--data", str(SHARED), "--out", str(tmp_path)]) == 0
    for name in ("actors.jsonl", "agents.jsonl", "verbs.json", "cameo.json", "lexicons.json"):
        assert (tmp_path / name).read_bytes() == (DATA_OUT / name).read_bytes(), name


# ----------------------------------------------------------------- shipped files

def _actors():
    return [json.loads(line) for line in (DATA_OUT / "actors.jsonl").read_text(encoding="utf-8").splitlines()]


def _by_pattern(actors, pattern):
    return [a for a in actors if pattern in a["patterns"]]


def test_actor_schema():
    actors = _actors()
    assert len(actors) > 5000
    for a in actors:
        assert set(a) >= {"name", "code", "kind", "country", "patterns", "case_sensitive", "source"}
        assert a["kind"] in {"country", "organization", "person", "group", "outlet"}
        assert a["patterns"] and set(a["case_sensitive"]) <= set(a["patterns"]) | set(a.get("places", ()))
        assert all(len(p.replace(".", "")) >= 2 for p in a["patterns"])
        srcs = a["source"] if isinstance(a["source"], list) else [a["source"]]
        assert all(":" in s for s in srcs)


@pytest.mark.parametrize(
    "country, name, place",
    [("Egypt", "Egyptian", "Alexandria"), ("Sudan", "Sudanese", "Port Sudan"), ("Afghanistan", "Islamic Republic of Afghanistan", "Kabul")],
)
def test_country_names_and_places_are_kept_apart(country, name, place):
    (entry,) = [a for a in _actors() if a["name"] == country and a["kind"] == "country"]
    assert name in entry["patterns"]
    assert place in entry["places"] and place not in entry["patterns"]


def test_islamic_state_names_resolve_to_one_entry():
    actors = _actors()
    ents = {id(a): a for p in ("ISIL", "ISIS", "Daesh", "Da'esh", "Islamic State") for a in _by_pattern(actors, p)}
    assert len(ents) == 1
    (isis,) = ents.values()
    assert isis["code"] == "IMGMUSISI" and isis["kind"] == "group"
    assert {"ISIS", "ISIL"} <= set(isis["case_sensitive"])
    assert "IS" not in isis["patterns"]


def test_egypt_has_demonym():
    (egy,) = [a for a in _by_pattern(_actors(), "Egyptian") if a["kind"] == "country"]
    assert egy["code"] == "EGY" and egy["name"] == "Egypt" and egy["country"] == "EGY"


@pytest.mark.parametrize("pattern,code,kind", [
    ("Hamas", "PSEREBHMS", "group"),
    ("Reuters", "MED", "outlet"),
    ("MENL", "MED", "outlet"),
    ("Middle East Newsline", "MED", "outlet"),
    ("Ma'an", "PSEMED", "outlet"),
    ("PA", "PSEGOV", "organization"),
    ("IDF", "ISRMIL", "organization"),
    ("U.S.", "USA", "country"),
    ("American", "USA", "country"),
    ("British", "GBR", "country"),
    ("Mahmoud Abbas", "PSEGOV", "person"),
])
def test_known_actors(pattern, code, kind):
    hits = _by_pattern(_actors(), pattern)
    assert any(a["code"] == code and a["kind"] == kind for a in hits), hits[:3]


def test_acronyms_are_case_sensitive():
    actors = _actors()
    for p in ("US", "PA", "MENL", "AP", "UN"):
        assert any(p in a["case_sensitive"] for a in _by_pattern(actors, p)), p
    assert not _by_pattern(actors, "us")


def test_person_roles_dated():
    (sisi,) = [a for a in _actors() if a["name"] == "Abdel Fattah el Sisi"]
    assert sisi["kind"] == "person" and sisi["code"] == "EGYGOV"
    assert any(r["start"] == "2014-06-08" and r["end"] is None for r in sisi["roles"])


def test_agents():
    agents = {}
    for line in (DATA_OUT / "agents.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert rec["pattern"] == rec["pattern"].lower() and "~" not in rec["code"]
        agents[rec["pattern"]] = rec
    assert agents["army"]["code"] == "MIL"
    assert agents["intelligence community"]["code"] == "SPY"
    assert agents["smuggler"]["code"] == "CRM"
    assert agents["militant"]["code"] in {"REB", "UAF"}
    assert "policeman" in agents and "policemen" not in agents


def test_verbs():
    v = json.loads((DATA_OUT / "verbs.json").read_text(encoding="utf-8"))
    assert {"synsets", "verbs", "phrasal", "families", "source"} <= set(v)
    destroy = v["verbs"]["destroy"]
    assert destroy["family"] == "DESTROY" and destroy["code"] == "190"
    fam = v["families"]["DESTROY"]
    assert any(p["code"] == "1712" for p in fam["patterns"])
    assert any(p["code"] is None for p in fam["patterns"])  # "---" blocking pattern kept
    assert "sped" in v["verbs"]["speed"]["forms"]
    assert v["phrasal"]["ask for"]["code"] == "020"
    assert "proposal" in v["synsets"]["PROPOSAL"]
    assert all(k == k.lower() for k in v["verbs"])


def test_cameo():
    c = json.loads((DATA_OUT / "cameo.json").read_text(encoding="utf-8"))
    rec = c["codes"]["190"]
    assert rec["name"] == "Use conventional military force"
    assert rec["goldstein"] == -10.0
    assert rec["plover"]["type"] == "ASSAULT"
    assert "ASSAULT" in c["plover_types"] and "AGREE" in c["plover_types"]
    assert c["codes"]["018"]["name"] == "Make empathetic comment"


def test_lexicons():
    lex = json.loads((DATA_OUT / "lexicons.json").read_text(encoding="utf-8"))
    rv = lex["reporting_verbs"]
    assert "say" in rv and "accuse" in rv and "said" not in rv
    assert "claim" in lex["hedges"] or "apparently" in lex["hedges"]
    assert "know" in lex["factives"] or "realize" in lex["factives"]
    assert lex["veridicality"]["know"]["positive"] > lex["veridicality"]["claim"]["positive"]
    assert lex["sources"]["ggt"]["count"] > 100


def test_total_size_small():
    # catalogues (actors 4.6 MB, verbs 1 MB), models (the event judge and its type model
    # 0.36 MB) and the hand judgments (offsets and notes only, about 0.8 MB) stay under 8 MB
    size = sum(p.stat().st_size for p in DATA_OUT.iterdir() if p.is_file())
    assert size < 8e6
