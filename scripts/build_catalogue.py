#!/usr/bin/env python3
"""Build newsgraph's packaged catalogue files from third-party reference data.

Reads the PETRARCH/Phoenix actor, agent and verb dictionaries, the CAMEO code
list, the Goldstein table, the CAMEO->PLOVER table and several lexicons from a
data directory (default ``../shared/data`` relative to the repository root,
overridable with ``--data DIR`` or ``NEWSGRAPH_DATA``) and writes compact,
sorted, provenance-carrying catalogue files into ``src/newsgraph/data/``:

    actors.jsonl  agents.jsonl  verbs.json  cameo.json  lexicons.json  PROVENANCE.md

Curated additions live in ``scripts/curated/{actors,agents,verbs,plover}.tsv``.

Usage:  python scripts/build_catalogue.py [--data DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
import time
import zipfile
from collections import defaultdict
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))  # run from a checkout without installing

# The PETRARCH dictionary parsers live in the package, shared with the evaluation.
from newsgraph.dictionaries import (  # noqa: E402
    JUNK,
    add_pattern,
    choose_code,
    initials,
    is_acronym_token,
    lemma,
    natural_case,
    parse_actor_file,
    parse_agent_line,
    parse_code,  # noqa: F401 (re-exported: tests and callers use bc.parse_code)
    parse_date,  # noqa: F401
    phrase_lemma,  # noqa: F401
    read_macros,
    split_raw_pattern,
    strip_comment,
    verb_dictionary,
)
from newsgraph.words.dictionaries import NON_AGENT_HEADS  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "src" / "newsgraph" / "data"
CURATED = Path(__file__).resolve().parent / "curated"
HAND_WRITTEN = "## Hand judgments and the event judge"

# Input files, relative to the data directory.
F_COUNTRIES = "reference/cameo/Phoenix.Countries.actors.txt"
F_INTERNATIONAL = "reference/cameo/Phoenix.International.actors.txt"
F_MILNONSTATE = "reference/cameo/Phoenix.MilNonState.actors.txt"
F_AGENTS = "reference/cameo/Phoenix.agents.txt"
F_PLOVER_AGENTS = "reference/plover/PLOVER_agents.txt"
F_VERBS = "reference/cameo/CAMEO.2.0.txt"
F_GOLDSTEIN = "reference/cameo/CAMEO.goldsteinscale.txt"
F_CODEFILE = "reference/cameo/CAMEO_codefile.txt"
F_PLOVER = "reference/plover/CAMEO2PLOVER-2021.txt"
F_COUNTRYNAMES = "reference/cameo/countrynames.txt"
LEX = "reference/lexicons/"
F_GGT = LEX + "ggt_quote_verb_list.txt"
F_TEXTACY = LEX + "textacy/reporting_verbs_en.derived.txt"
RC = LEX + "recasens2013-bias-lexicons/"
F_REPORT = RC + "report_verbs.txt"
F_HEDGES = RC + "hedges_hyland2005.txt"
F_BIAS = RC + "bias-lexicon.txt"
F_FACTIVES = RC + "factives_hooper1975.txt"
F_ASSERTIVES = RC + "assertives_hooper1975.txt"
F_IMPLICATIVES = RC + "implicatives_karttunen1971.txt"
F_MEGA = LEX + "megaattitude-mega-veridicality/mega-veridicality-v2.1-normalized.tsv"
F_MEGA_ZIP = LEX + "megaattitude-mega-veridicality/mega-veridicality-v2.1.zip"

REQUIRED = [F_COUNTRYNAMES, F_COUNTRIES, F_INTERNATIONAL, F_MILNONSTATE, F_AGENTS, F_PLOVER_AGENTS, F_VERBS,
            F_GOLDSTEIN, F_CODEFILE, F_PLOVER, F_GGT, F_TEXTACY, F_REPORT, F_HEDGES, F_BIAS,
            F_FACTIVES, F_ASSERTIVES, F_IMPLICATIVES, F_MEGA]

PERSON_CUTOFF = date(2005, 1, 1)  # --person-cutoff; 1995 gives ~6.9 MB in all
VERIDICALITY_FRAMES = ("NP Ved that S",)


class CatalogueError(Exception):
    """Raised for a missing or malformed input."""


# --------------------------------------------------------------------------- utilities

def read_lines(path: Path) -> list[str]:
    if not path.is_file():
        raise CatalogueError(f"missing input file: {path}")
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


# --------------------------------------------------------------------------- actor files

ORG_WORDS = set("""
army forces force ministry department council committee party court government parliament
congress senate agency bureau office police guard guards military navy air bank university
commission service services house assembly front movement brigade brigades organization
organisation authority regime knesset mossad association union federation institute
corporation company group network fund program programme centre center foundation league
alliance coalition command corps battalion battalions regiment division unit units militia
embassy administration cabinet board secretariat tribunal mission society church
council's intelligence security directorate press news radio television agency's club
""".split())


def person_is_recent(codes: list[dict]) -> bool:
    dated = [c for c in codes if c["dated"] and c["code"]]
    if not dated:
        return True  # no dated roles: a deliberately added current actor (e.g. Snowden)
    for c in dated:
        if c["end"] is None and not c["bad_date"]:
            return True
        if c["end"] and c["end"] >= PERSON_CUTOFF.isoformat():
            return True
    return False


def classify(entry: dict, code: str | None, fname: str) -> str:
    words = set(entry["raw"].lower().replace("_", " ").replace("-", " ").split())
    all_words = set(words)
    for s in entry["synonyms"]:
        all_words |= set(s.lower().lstrip("+").replace("_", " ").replace("-", " ").split())
    dated = any(c["dated"] for c in entry["codes"])
    c = code or ""
    if entry.get("is_country"):
        return "country"
    if c.endswith("MED") and c[:3] in ("MED",) or c == "MED" or (len(c) == 6 and c.endswith("MED") and not dated and words & {"news", "press", "times", "post", "tv", "radio"}):
        return "outlet"
    if fname.startswith("Phoenix.MilNonState"):
        return "person" if dated and not (words & ORG_WORDS) and len(words) <= 4 and _looks_personal(entry) else "group"
    if c.startswith("IMG") or any(x in c[3:] for x in ("REB", "INS", "UAF")) and not dated:
        return "group"
    if words & ORG_WORDS:
        return "organization"
    if "CountryInfo" in entry["comment"] or dated:
        return "person"
    if all_words & ORG_WORDS or len(words) == 1 or len(words) > 5:
        return "organization"
    return "person"


def _looks_personal(entry: dict) -> bool:
    return not entry["raw"].upper().startswith(("AL-", "THE_"))


def build_phoenix_actors(data: Path, stats: dict) -> list[dict]:
    files = [(F_COUNTRIES, True), (F_INTERNATIONAL, False), (F_MILNONSTATE, False)]
    raw_entries = []
    for rel, is_c in files:
        fname = Path(rel).name
        raw_entries.extend(parse_actor_file(read_lines(data / rel), fname, country_file=is_c))
    country_codes = read_iso3(data)
    actors = []
    dropped = defaultdict(int)
    section = None
    for e in raw_entries:
        code = choose_code(e["codes"])
        if e["source"] == Path(F_COUNTRIES).name:
            if code and code[:3] in country_codes and (len(code) == 3 or e.get("is_country")) \
                    and "CountryInfo" not in e["comment"]:
                e["is_country"] = True
                section = code[:3]
            e["section"] = section
        if code is None:
            dropped["no code"] += 1
            continue
        fname = e["source"]
        if fname.startswith("Phoenix.International") and code.startswith("MNC"):
            dropped["MNC company"] += 1
            continue
        kind = classify(e, code, fname)
        if kind == "person" and not person_is_recent(e["codes"]):
            dropped[f"person with all roles ended before {PERSON_CUTOFF.isoformat()}"] += 1
            continue
        rec = make_actor(e, code, kind, country_codes, dropped)
        if rec is None:
            dropped["no usable pattern"] += 1
            continue
        actors.append(rec)
    stats["actors_dropped"] = dict(sorted(dropped.items()))
    return actors


def make_actor(e: dict, code: str, kind: str, country_codes: set[str], dropped) -> dict | None:
    raws = [e["raw"]] + e["synonyms"]
    mains, acrs = [], []
    for r in raws:
        main, acr, _quals = split_raw_pattern(r)
        if main:
            mains.append(main)
        acrs.extend(acr)
    ent_inits = set()
    for m in mains:
        ws = m.split()
        if len(ws) >= 2:
            ent_inits.add(initials(ws))
    acronyms = {a.replace(".", "").upper() for a in acrs} | {
        w for m in mains for w in [m] if " " not in m and is_acronym_token(m, ent_inits)}
    patterns, case_sensitive = [], []
    for m in mains + acrs:
        if JUNK.search(m) or len(m) > 80:
            dropped["junk pattern"] += 1
            continue
        nat = natural_case(m, acronyms)
        if " " not in nat and nat.replace(".", "").upper() in acronyms:
            nat = nat.upper() if "." not in nat else nat
        add_pattern(nat, patterns, case_sensitive, dropped)
    if not patterns:
        return None
    name = patterns[0]
    country = code[:3] if code[:3] in country_codes else None
    if country is None and kind in ("person", "organization", "group", "outlet") and e.get("section") \
            and e["source"].startswith("Phoenix.Countries"):
        country = e["section"]
    rec = {"name": name, "code": code, "kind": kind, "country": country, "patterns": patterns,
           "case_sensitive": case_sensitive, "source": f"{e['source']}:{e['line']}"}
    if any(c["dated"] for c in e["codes"]):
        roles = [c for c in e["codes"] if not (kind == "person" and c["end"] and c["end"] < PERSON_CUTOFF.isoformat())]
        rec["roles"] = [{"code": c["code"], "start": c["start"], "end": c["end"]} for c in roles]
    return rec


def read_iso3(data: Path) -> set[str]:
    """ISO3 codes from countrynames.txt (ICEWS name -> ISO3 -> COW), plus Palestine/Kosovo."""
    codes = {"PSE", "XKX", "KSV"}
    for line in read_lines(data / F_COUNTRYNAMES):
        cols = line.split("\t")
        if len(cols) >= 2 and re.fullmatch(r"[A-Z]{3}", cols[1].strip()):
            codes.add(cols[1].strip())
    return codes


# --------------------------------------------------------------------------- curated actors

def read_curated_actors(path: Path) -> list[dict]:
    out = []
    for n, line in enumerate(read_lines(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "name":
            continue
        cols += [""] * (7 - len(cols))
        name, code, kind, country, pats, cs, _note = (c.strip() for c in cols[:7])
        if kind not in {"country", "organization", "person", "group", "outlet"}:
            raise CatalogueError(f"{path.name}:{n}: bad kind {kind!r}")
        patterns, case_sensitive = [], []
        cs_set = {x.strip() for x in cs.split("|") if x.strip()}
        # the name is display-only: list it among the patterns if it should match
        for p in [x.strip() for x in pats.split("|") if x.strip()] or [name]:
            if p in patterns:
                continue
            patterns.append(p)
        case_sensitive = [p for p in patterns if p in cs_set]
        for p in cs_set - set(patterns):
            patterns.append(p)
            case_sensitive.append(p)
        row = {"name": name, "code": code, "kind": kind, "country": country or None,
               "patterns": patterns, "case_sensitive": case_sensitive,
               "source": f"curated:{path.name}:{n}"}
        if kind == "country":
            row["curated_patterns"] = list(patterns)
        out.append(row)
    return out


def merge_curated(phoenix: list[dict], curated: list[dict], stats: dict) -> list[dict]:
    """Curated entries win: a Phoenix entry sharing a pattern (case-insensitively) with a curated
    entry of the same code is merged into it (patterns unioned, sources listed); with a different
    code, the shared patterns are removed from the Phoenix entry (dropped if none are left)."""
    by_pat: dict[str, int] = {}
    for i, c in enumerate(curated):
        for p in c["patterns"]:
            by_pat.setdefault(p.lower(), i)
    merged = removed = emptied = 0
    out = []
    for ph in phoenix:
        hits = sorted({by_pat[p.lower()] for p in ph["patterns"] if p.lower() in by_pat})
        same = [i for i in hits if curated[i]["code"] == ph["code"]]
        if same:
            cur = curated[same[0]]
            for p in ph["patterns"]:
                if p.lower() in by_pat and by_pat[p.lower()] != same[0]:
                    continue
                cs = p in ph["case_sensitive"]
                if any(x.lower() == p.lower() for x in cur["patterns"]):
                    continue
                cur["patterns"].append(p)
                if cs:
                    cur["case_sensitive"].append(p)
            srcs = cur["source"] if isinstance(cur["source"], list) else [cur["source"]]
            cur["source"] = srcs + [ph["source"]]
            if "roles" in ph and "roles" not in cur:
                cur["roles"] = ph["roles"]
            merged += 1
            continue
        if hits:
            keep = [p for p in ph["patterns"] if p.lower() not in by_pat]
            removed += len(ph["patterns"]) - len(keep)
            if not keep:
                emptied += 1
                continue
            ph = dict(ph, patterns=keep, case_sensitive=[p for p in ph["case_sensitive"] if p in keep])
            if ph["name"] not in keep:
                ph["name"] = keep[0]
        out.append(ph)
    stats["curated_merged_phoenix_entries"] = merged
    stats["curated_removed_phoenix_patterns"] = removed
    stats["curated_emptied_phoenix_entries"] = emptied
    return curated + out


def build_actors(data: Path, stats: dict) -> list[dict]:
    phoenix = build_phoenix_actors(data, stats)
    curated = read_curated_actors(CURATED / "actors.tsv")
    actors = merge_curated(phoenix, curated, stats)
    for a in actors:
        a["patterns"] = sorted(dict.fromkeys(a["patterns"]), key=lambda p: (p != a["name"], p.lower(), p))
        a["case_sensitive"] = sorted(set(a["case_sensitive"]) & set(a["patterns"]))
    for a in actors:
        if a["kind"] == "country":
            split_places(a)
    actors.sort(key=lambda a: (a["kind"], a["name"].lower(), a["code"], str(a["source"])))
    return actors


STATE_WORDS = re.compile(r"\b(republic|kingdom|emirates?|federation|sultanate|principality|commonwealth|confederation|union of)\b")


def split_places(entry: dict) -> None:
    """Phoenix lists a country's cities and regions (Kabul, Gaza, Sinai) as its synonyms, so that
    events there code to the country. For newsgraph a place is where an event happens, not who
    acts: keep names and demonyms ("Egypt", "Egyptian", "Islamic Republic of Afghanistan") as
    patterns and move the rest to ``places``. A pattern is a name when it shares its first four
    letters with the country name or contains it; curated country patterns always count as names.
    """
    name = entry["name"].lower()
    stem = name[:4]
    curated = set(entry.get("curated_patterns", ()))
    names, places = [], []
    acronyms = {p for p in entry.get("case_sensitive", ()) if p.replace(".", "").isupper()}
    for pattern in entry["patterns"]:
        bare = pattern[4:] if pattern.lower().startswith("the ") else pattern
        low = bare.lower()
        # "Egyptian", "Egypte", "Arab Republic of Egypt", "the US" are names; "Port Sudan" is a city.
        if pattern in curated or bare in acronyms or low[:4] == stem or re.search(rf"\bof (the )?{re.escape(name)}\b", low) or STATE_WORDS.search(low):
            names.append(pattern)
        else:
            places.append(pattern)
    entry["patterns"] = names
    entry["places"] = places
    entry["case_sensitive"] = [p for p in entry["case_sensitive"] if p in names or p in places]
    entry.pop("curated_patterns", None)


# --------------------------------------------------------------------------- agents

def build_agents(data: Path, stats: dict) -> list[dict]:
    seen: dict[str, dict] = {}
    skipped = defaultdict(int)
    for rel in (F_AGENTS, F_PLOVER_AGENTS):
        lines = read_lines(data / rel)
        macros = read_macros(lines)
        fname = Path(rel).name
        for n, line in enumerate(lines, 1):
            for pat, code in parse_agent_line(line, macros):
                if re.search(r"\d", pat) or pat.split()[-1] in NON_AGENT_HEADS:
                    skipped["non-agent (weapon/vehicle/place/model number)"] += 1
                    continue
                if len(pat) < 2:
                    continue
                if pat in seen:
                    if seen[pat]["code"] != code:
                        skipped["conflicting duplicate (first kept)"] += 1
                    continue
                seen[pat] = {"pattern": pat, "code": code, "source": f"{fname}:{n}"}
    for n, line in enumerate(read_lines(CURATED / "agents.tsv"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "pattern":
            continue
        pat, code = cols[0].strip().lower(), cols[1].strip()
        if pat in seen:
            skipped["curated already present"] += 1
            continue
        seen[pat] = {"pattern": pat, "code": code, "source": f"curated:agents.tsv:{n}"}
    stats["agents_skipped"] = dict(sorted(skipped.items()))
    return [seen[k] for k in sorted(seen)]


# --------------------------------------------------------------------------- verbs

def build_verbs(data: Path, stats: dict) -> dict:
    parsed = verb_dictionary(read_lines(data / F_VERBS), Path(F_VERBS).name)
    verbs, phrasal, families = parsed["verbs"], parsed["phrasal"], parsed["families"]
    add_curated_verbs(verbs, phrasal, families, CURATED / "verbs.tsv", stats)
    for d in (verbs, phrasal):
        for ent in d.values():
            ent["patterns"].sort(key=lambda p: (p["line"] or 0, p.get("source", "")))
    stats.update(parsed["stats"])
    synsets = parsed["synsets"]
    return {"synsets": {k: synsets[k] for k in sorted(synsets)},
            "verbs": {k: verbs[k] for k in sorted(verbs)},
            "phrasal": {k: phrasal[k] for k in sorted(phrasal)},
            "families": {k: families[k] for k in sorted(families)},
            "null_code_families": parsed["null_code_families"],
            "source": parsed["source"]}


def add_curated_verbs(verbs: dict, phrasal: dict, families: dict, path: Path, stats: dict) -> None:
    """Object patterns (and verbs) that CAMEO.2.0.txt lacks, from ``scripts/curated/verbs.tsv``.

    ``after`` holds space-separated words; ``prep:word`` is a prepositional group, ``*`` any word.
    A row with an empty ``after`` sets the verb's default code. A ``lemma`` of two words
    ("round up") is a phrasal verb: the lexicon looks those up before the verb alone, so a row
    for the verb ("round", ``after`` "up") never reaches a phrasal entry the dictionary lists
    without a code.
    """
    added = replaced = 0
    for n, line in enumerate(read_lines(path), 1):
        cols = line.rstrip("\n").split("\t")
        if not line.strip() or line.startswith("#") or cols[0] == "lemma":
            continue
        cols += [""] * (4 - len(cols))
        lemma_, after, code, _note = (c.strip() for c in cols[:4])
        source = f"curated:{path.name}:{n}"
        book = phrasal if " " in lemma_ else verbs
        family_name = book.get(lemma_, {}).get("family") or f"CURATED_{lemma_.upper().replace(' ', '_')}"
        family = families.setdefault(family_name, {"code": None, "members": [lemma_], "patterns": [], "line": None})
        entry = book.setdefault(lemma_, {"family": family_name, "code": None, "forms": [], "patterns": [], "line": None, "source": source})
        if not after:
            entry["code"] = code or None
            if family_name.startswith("CURATED_"):
                family["code"] = code or None
            added += 1
            continue
        items: list = []
        for word in after.split():
            if ":" in word:
                prep, obj = word.split(":", 1)
                items.append({"prep": prep, "words": [] if obj == "*" else [obj]})
            else:
                items.append(word)
        pattern = {"before": [], "after": items, "code": code or None, "line": None, "verb": lemma_, "source": source}
        # The curated row is the correction: the dictionary's pattern with the same words for
        # this verb would tie with it ("declare winner" 051), so it goes.
        for patterns in (entry["patterns"], family["patterns"]):
            same = [q for q in patterns if not q.get("source") and not q["before"] and q["after"] == items and q.get("verb") in (lemma_, None)]
            for q in same:
                patterns.remove(q)
            replaced += len(same)
        entry["patterns"].append(pattern)
        family["patterns"].append(pattern)
        added += 1
    stats["curated_verb_rows"] = added
    stats["curated_verb_patterns_replaced"] = replaced


# --------------------------------------------------------------------------- CAMEO codes

def parse_codefile_line(line: str) -> tuple[str, str, bool] | None:
    m = re.match(r"^LABEL(i?):\s*(\d+)\s*=\s*(.+?)\s*$", line)
    if not m:
        return None
    return m.group(2), m.group(3), m.group(1) == "i"


def parse_plover_line(line: str) -> tuple[str, dict] | None:
    """``0311: AGREE,  ,   economic # ...`` -> ("0311", {"type","mode","context"})."""
    body = strip_comment(line).strip()
    m = re.match(r"^(\d{2,4}):\s*(.*)$", body)
    if not m:
        return None
    parts = [re.sub(r"\s+", " ", p).strip() for p in m.group(2).split(",")]
    parts += [""] * (3 - len(parts))
    if len(parts) > 3:
        parts = parts[:2] + [", ".join(p for p in parts[2:] if p)]
    typ, mode, ctx = (p or None for p in parts[:3])
    return m.group(1), {"type": typ, "mode": mode, "context": ctx}


def read_curated_plover(path: Path) -> dict[str, dict]:
    """CAMEO code -> PLOVER type/mode/context where the PLOVER manual's own text overrides
    CAMEO2PLOVER-2021, each row with the passage that justifies it (``note``) and its
    provenance (``curated:plover.tsv:N``)."""
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for n, row in enumerate(rows, start=2):
        out[row["code"].strip()] = {
            "type": row["type"].strip() or None, "mode": row["mode"].strip() or None,
            "context": row["context"].strip() or None, "source": f"curated:{path.name}:{n}",
        }
    return out


def build_cameo(data: Path, stats: dict) -> dict:
    names, variants = {}, defaultdict(list)
    for line in read_lines(data / F_CODEFILE):
        r = parse_codefile_line(line)
        if not r:
            continue
        code, name, is_i = r
        if is_i:
            variants[code].append(name)
        else:
            names[code] = name  # later LABEL lines correct earlier typos (018)
    gold = {}
    for line in read_lines(data / F_GOLDSTEIN)[1:]:
        parts = line.split()
        if len(parts) == 2:
            gold[parts[0]] = float(parts[1])
    plover = {}
    for line in read_lines(data / F_PLOVER):
        r = parse_plover_line(line)
        if r and r[1]["type"] and re.fullmatch(r"\d{3,4}", r[0]):
            plover[r[0]] = r[1]
    curated = read_curated_plover(CURATED / "plover.tsv")
    for code, row in curated.items():
        plover[code] = {"type": row["type"], "mode": row["mode"], "context": row["context"]}
    codes = {}
    inherited = 0
    for code in sorted(set(names) | set(gold) | set(plover)):
        rec = {"name": names.get(code), "goldstein": gold.get(code)}
        if code in variants:
            rec["icews_names"] = variants[code]
        if rec["goldstein"] is None and len(code) == 4 and code[:3] in gold:
            rec["goldstein"] = gold[code[:3]]
            rec["goldstein_inherited"] = True
            inherited += 1
        pl = plover.get(code) or (plover.get(code[:3]) if len(code) == 4 else None)
        if pl:
            rec["plover"] = dict(pl)
            if code not in plover:
                rec["plover_inherited"] = True
            if code in curated:
                rec["plover_source"] = curated[code]["source"]
        else:
            rec["plover"] = None
        codes[code] = rec
    stats["cameo_codes"] = len(codes)
    stats["cameo_goldstein_inherited"] = inherited
    stats["cameo_plover_mapped"] = sum(1 for c in codes.values() if c["plover"])
    types = sorted({p["type"] for p in plover.values() if p["type"]})
    return {"codes": codes, "plover_types": types,
            "sources": {"names": Path(F_CODEFILE).name, "goldstein": Path(F_GOLDSTEIN).name,
                        "plover": Path(F_PLOVER).name}}


# --------------------------------------------------------------------------- lexicons

def read_wordlist(path: Path) -> list[str]:
    out = []
    for line in read_lines(path):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        out.append(re.sub(r"\s+", " ", s.lower()))
    return out


def verb_lemma(phrase: str) -> str:
    words = phrase.split()
    if not words:
        return phrase
    words[0] = lemma(words[0], "VERB")
    return " ".join(words)


def build_lexicons(data: Path, stats: dict) -> dict:
    sources = {}
    reporting: dict[str, set[str]] = defaultdict(set)
    for name, rel in (("ggt", F_GGT), ("textacy", F_TEXTACY), ("recasens_report_verbs", F_REPORT)):
        words = read_wordlist(data / rel)
        sources[name] = {"file": rel, "count": len(words)}
        for w in words:
            lem = w if w == "according" else verb_lemma(w)
            reporting[lem].add(name)
    out = {"reporting_verbs": {k: sorted(reporting[k]) for k in sorted(reporting)}}
    for key, name, rel in (("hedges", "hyland2005_hedges", F_HEDGES), ("loaded_terms", "recasens2013_bias", F_BIAS),
                           ("factives", "hooper1975_factives", F_FACTIVES),
                           ("assertives", "hooper1975_assertives", F_ASSERTIVES),
                           ("implicatives", "karttunen1971_implicatives", F_IMPLICATIVES)):
        words = read_wordlist(data / rel)
        sources[name] = {"file": rel, "count": len(words)}
        out[key] = sorted(set(words))
    ver, n = build_veridicality(data)
    sources["megaveridicality"] = {"file": F_MEGA, "count": n, "frames": list(VERIDICALITY_FRAMES)}
    out["veridicality"] = ver
    out["sources"] = sources
    return out


def build_veridicality(data: Path) -> tuple[dict, int]:
    rows = read_lines(data / F_MEGA)
    header = rows[0].split("\t")
    idx = {h: i for i, h in enumerate(header)}
    ver: dict[str, dict] = {}
    n = 0
    for line in rows[1:]:
        cols = line.split("\t")
        if len(cols) < len(header) or cols[idx["frame"]] not in VERIDICALITY_FRAMES:
            continue
        n += 1
        v = ver.setdefault(cols[idx["verb"]].lower(), {"frame": cols[idx["frame"]]})
        v[cols[idx["polarity"]]] = round(float(cols[idx["veridicalitynorm"]]), 4)
    # The normalized file carries one score per verb-frame (identical for both polarities);
    # add per-polarity raw means (yes=1, maybe=0, no=-1; native speakers, non-conditional).
    zpath = data / F_MEGA_ZIP
    if zpath.is_file():
        sums: dict[tuple[str, str], list[float]] = defaultdict(list)
        with zipfile.ZipFile(zpath) as z:
            member = next((m for m in z.namelist() if m.endswith("mega-veridicality-v2.1.tsv")), None)
            if member:
                with z.open(member) as fh:
                    rd = csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8"), delimiter="\t")
                    score = {"yes": 1.0, "maybe": 0.0, "no": -1.0}
                    for r in rd:
                        if r["frame"] not in VERIDICALITY_FRAMES or r["conditional"] != "False" \
                                or r["nativeenglish"] != "True" or r["veridicality"] not in score:
                            continue
                        sums[(r["verb"].lower(), r["polarity"])].append(score[r["veridicality"]])
        for (verb, pol), vals in sums.items():
            if verb in ver:
                ver[verb][f"{pol}_raw"] = round(sum(vals) / len(vals), 4)
    return {k: ver[k] for k in sorted(ver)}, n


# --------------------------------------------------------------------------- output

def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=None, separators=(",", ":")) + "\n",
                    encoding="utf-8")


def provenance_md(counts: dict, stats: dict) -> str:
    return f"""# Catalogue data provenance

Generated by `scripts/build_catalogue.py` from third-party reference data (not shipped in the
repo). Regenerate with:

    python scripts/build_catalogue.py --data ../shared/data

Every actor/agent record carries `source` = `file:line` (or `curated:<file>:<line>`; merged
actors list several); verb patterns carry `line` in CAMEO.2.0.txt.

| file | count | from | licence |
|---|---|---|---|
| actors.jsonl | {counts['actors']} | Phoenix.{{Countries,International,MilNonState}}.actors.txt (openeventdata/petrarch2 @676801c) + scripts/curated/actors.tsv | MIT (Open Event Data Alliance); curated: project (MIT) |
| agents.jsonl | {counts['agents']} | Phoenix.agents.txt (petrarch2), PLOVER_agents.txt (openeventdata/PLOVER @5e0c24f) + scripts/curated/agents.tsv | MIT; CC BY-SA 4.0 (PLOVER) |
| verbs.json | {counts['verbs']} verbs, {counts['phrasal']} phrasal, {counts['synsets']} synsets, {stats['verb_patterns']} patterns | CAMEO.2.0.txt (petrarch2) + scripts/curated/verbs.tsv | MIT; curated: project (MIT) |
| cameo.json | {counts['cameo']} codes | CAMEO_codefile.txt (openeventdata/text_to_CAMEO @6d7b3ab, MIT), CAMEO.goldsteinscale.txt (GDELT table, attribution), CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0) + scripts/curated/plover.tsv (rows where PLOVER_MANUAL.tex's text overrides the table; `plover_source` names the row) | mixed, see left |
| lexicons.json | {counts['reporting_verbs']} reporting verbs, {counts['veridicality']} veridicality verbs | GGT quote-verb list, textacy REPORTING_VERBS (Apache-2.0), Recasens et al. 2013 lexicons (no licence stated; cite the paper), MegaVeridicality v2.1 (CC BY-SA 4.0) | mixed, see left |

Notes:
- Actors: MNC companies from Phoenix.International are dropped; persons are kept only with a
  role ending on/after {PERSON_CUTOFF.isoformat()} (or open-ended / undated). `code` is the current
  code (open-ended role, else undated fallback, else latest role). Curated entries win on
  pattern collisions: same-code Phoenix entries are merged into them (`source` becomes a list),
  other colliding Phoenix patterns are removed. Dropped: {json.dumps(stats.get('actors_dropped', {}))}.
- Agents: lemma (singular) patterns; weapons/vehicles/places skipped: {json.dumps(stats.get('agents_skipped', {}))}.
- Verbs: {stats['verb_families_null_code']} of {stats['verb_families']} families have no default code (null).
  PETRARCH2 applies every pattern of a family to all its members: the full list is in
  `families[NAME].patterns`; `verbs[lemma].patterns` holds only the patterns whose origin comment
  (`# VERB`) names that lemma. `$`/`+`/`%` source/target markers are kept as tokens.
- Veridicality: frame(s) {', '.join(VERIDICALITY_FRAMES)}; `positive`/`negative` are the normalized
  scores (the normalized file gives one value per verb-frame); `*_raw` are per-polarity raw means.
- CAMEO: {stats['cameo_goldstein_inherited']} four-digit codes inherit their Goldstein score from the
  three-digit parent (`goldstein_inherited`).
"""


def main(argv: list[str] | None = None) -> int:
    global PERSON_CUTOFF
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.environ.get("NEWSGRAPH_DATA", str(DEFAULT_DATA)),
                    help="reference data directory (default: $NEWSGRAPH_DATA or ../shared/data)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output directory")
    ap.add_argument("--person-cutoff", default=PERSON_CUTOFF.isoformat(),
                    help="keep persons with a role ending on/after this date (default %(default)s)")
    args = ap.parse_args(argv)
    PERSON_CUTOFF = date.fromisoformat(args.person_cutoff)
    data, out = Path(args.data), Path(args.out)
    t0 = time.time()
    missing = [rel for rel in REQUIRED if not (data / rel).is_file()]
    if missing:
        print(f"error: data directory {data} is missing required file(s):", file=sys.stderr)
        for rel in missing:
            print(f"  {data / rel}", file=sys.stderr)
        print("hint: pass --data DIR or set NEWSGRAPH_DATA", file=sys.stderr)
        return 2
    for rel in ("actors.tsv", "agents.tsv"):
        if not (CURATED / rel).is_file():
            print(f"error: missing curated file {CURATED / rel}", file=sys.stderr)
            return 2
    stats: dict = {}
    try:
        actors = build_actors(data, stats)
        agents = build_agents(data, stats)
        verbs = build_verbs(data, stats)
        cameo = build_cameo(data, stats)
        lex = build_lexicons(data, stats)
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(out / "actors.jsonl", actors)
    write_jsonl(out / "agents.jsonl", agents)
    write_json(out / "verbs.json", verbs)
    write_json(out / "cameo.json", cameo)
    write_json(out / "lexicons.json", lex)
    counts = {"actors": len(actors), "agents": len(agents), "verbs": len(verbs["verbs"]),
              "phrasal": len(verbs["phrasal"]), "synsets": len(verbs["synsets"]),
              "cameo": len(cameo["codes"]), "reporting_verbs": len(lex["reporting_verbs"]),
              "veridicality": len(lex["veridicality"])}
    provenance = out / "PROVENANCE.md"
    # Sections after HAND_WRITTEN describe data this script does not make: carried over as they are.
    kept = provenance.read_text(encoding="utf-8").partition(HAND_WRITTEN) if provenance.is_file() else ("", "", "")
    tail = kept[1] + kept[2] if kept[1] else ""
    provenance.write_text(provenance_md(counts, stats) + ("\n" + tail if tail else ""), encoding="utf-8")
    kinds = defaultdict(int)
    for a in actors:
        kinds[a["kind"]] += 1
    print(f"actors.jsonl   {len(actors):6d}  {dict(sorted(kinds.items()))}")
    print(f"agents.jsonl   {len(agents):6d}")
    print(f"verbs.json     {counts['verbs']:6d} verbs, {counts['phrasal']} phrasal, "
          f"{counts['synsets']} synsets, {stats['verb_patterns']} patterns")
    print(f"cameo.json     {counts['cameo']:6d} codes ({stats['cameo_plover_mapped']} with PLOVER)")
    print(f"lexicons.json  {counts['reporting_verbs']:6d} reporting verbs, {counts['veridicality']} veridicality verbs")
    size = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    print(f"stats: {json.dumps(stats, sort_keys=True)}")
    print(f"total size of {out}: {size / 1e6:.2f} MB; {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
