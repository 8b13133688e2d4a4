"""Event evaluation sets: the PETRARCH dictionary parser, triple matching, class mapping, and
one small run per set (PETRARCH unit tests, PLOVER GSR, ConfliBERT penta-class)."""

from __future__ import annotations

import pytest

from newsgraph.dictionaries import actor_rows, agent_rows, code_on, parse_actor_file
from newsgraph.evaluation.conflibert import penta_class
from newsgraph.evaluation.metrics import PRF
from newsgraph.evaluation.petrarch import (
    expand_stems,
    extended_rows,
    score_triples,
    triple_keys,
)
from newsgraph.evaluation.plover import map_type, markup_spans, span_prf

# ----------------------------------------------------------------- dictionary parsing

ACTOR_CASES = [
    # lines -> (name, code, kind, patterns, codes, stems)
    (["ARNOR_  [ARN]"], [("Arnor", "ARN", "country", ["Arnor"], ["ARN"], [])]),
    (["ARGENTIN  [ARG]"], [("Argentin", "ARG", "country", ["Argentin"], ["ARG"], ["Argentin"])]),
    (["FRANCE  [FRA]", "+FRENCH"], [("France", "FRA", "country", ["France", "French"], ["FRA"], ["France", "French"])]),
    (["ENT  ", "\t[ENT]"], [("ENT", "ENT", "country", ["ENT"], ["ENT"], ["ENT"])]),
    (["ITHILEN MILITARY  [ITHMIL]"], [("Ithilen Military", "ITHMIL", "organization", ["Ithilen Military"], ["ITHMIL"], ["Ithilen Military"])]),
    (["HAMAS [PSEREBHMS]"], [("Hamas", "PSEREBHMS", "group", ["Hamas"], ["PSEREBHMS"], ["Hamas"])]),
    (["THE_SHIRE  [FRO/BIL/SAM]"], [("The Shire", "FRO", "country", ["The Shire"], ["FRO", "BIL", "SAM"], ["The Shire"])]),
    (["<!-- a comment -->", "BOROMIR  [---]", "GOVERNMENT  [~GOV]"], []),
]


@pytest.mark.parametrize("lines,expected", ACTOR_CASES)
def test_actor_rows(lines, expected):
    rows = actor_rows(lines, "t.actors.txt")
    got = [(r["name"], r["code"], r["kind"], r["patterns"], r["codes"], r["stems"]) for r in rows]
    assert got == expected
    for row in rows:
        assert set(row) >= {"name", "code", "kind", "country", "patterns", "case_sensitive", "source"}
        assert row["source"].startswith("t.actors.txt:")


def test_actor_rows_dated_roles_resolve_on_date():
    lines = ["GOLLUM  # pas", "+SMEAGOL", "\t[HOB < 950601]", "\t[HOBGOV 19950601 - 19990815]", "\t[HOBREB > 990816]"]
    (row,) = actor_rows(lines, "t")
    assert row["patterns"] == ["Gollum", "Smeagol"] and row["code"] == "HOBREB"
    raw = parse_actor_file(lines, "t")[0]["codes"]
    assert code_on(raw, "1992-01-02") == (True, "HOB")
    assert code_on(raw, "1995-11-01") == (True, "HOBGOV")
    assert code_on(raw, "2001-01-01") == (True, "HOBREB")
    discard = parse_actor_file(["PRINCE OF DOL AMROTH", "\t[--- <950630]", "\t[DOL]"], "t")[0]["codes"]
    assert code_on(discard, "1995-01-01") == (True, None)
    assert code_on(discard, "1999-08-09") == (True, "DOL")


def test_agent_rows_macros_and_codes():
    lines = ["!PERSON! = MAN, MEN, WOMAN", "CONGRESS!PERSON! [~LEG]", "HUMAN_RIGHTS_BODY  [NGO~]", "POLICE {} [ ~COP]", "MINISTER [~GOV]", "MINISTER [~XYZ]"]
    rows = {r["pattern"]: r["code"] for r in agent_rows(lines, "t")}
    assert rows["congressman"] == "LEG" and rows["congresswoman"] == "LEG"
    assert rows["human rights body"] == "NGO" and rows["police"] == "COP"
    assert rows["minister"] == "GOV"  # first one wins


def test_extended_rows_and_stems():
    packaged = [{"name": "Egypt", "code": "EGY", "patterns": ["Egypt", "Egyptian"], "case_sensitive": []},
                {"name": "Gondor", "code": "XXX", "patterns": ["Gondor"], "case_sensitive": []}]
    extra = [{"name": "Egypt", "code": "UAR", "patterns": ["Egypt"], "stems": []}]
    rows = extended_rows(packaged, extra)
    assert rows[0]["code"] == "UAR"
    assert [(r["name"], r["patterns"]) for r in rows[1:]] == [("Egyptian", ["Egyptian"]), ("Gondor", ["Gondor"])]
    stemmed = expand_stems([{"name": "Argentin", "patterns": ["Argentin"], "stems": ["Argentin"]}], ["Argentina", "Argentin", "the"])
    assert stemmed[0]["patterns"] == ["Argentin", "Argentina"]


# ----------------------------------------------------------------- scoring helpers

def test_triple_levels_and_scoring():
    gold = {("ARNGOV", "GON", "0641"), ("GON", "ARN", "190")}
    predicted = {("ARN", "GON", "064"), ("GON", "ARN", "173")}
    assert triple_keys(gold, "root") == {("ARN", "GON", "06"), ("GON", "ARN", "19")}
    assert triple_keys(gold, "root_full_actors") == {("ARNGOV", "GON", "06"), ("GON", "ARN", "19")}
    prf = PRF()
    misses, false_alarms = score_triples(triple_keys(gold, "root"), triple_keys(predicted, "root"), prf)
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 1)
    assert misses == {("GON", "ARN", "19")} and false_alarms == {("GON", "ARN", "17")}
    full = PRF()
    score_triples(gold, predicted, full)
    assert (full.tp, full.fp, full.fn) == (0, 2, 2)
    empty = PRF()  # a noevents sentence: only false alarms count
    score_triples(set(), {("A", "B", "01")}, empty)
    assert (empty.tp, empty.fp, empty.fn) == (0, 1, 0)


@pytest.mark.parametrize("code,cls", [
    ("010", 0), ("0211", 0), ("036", 1), ("046", 1), ("057", 1), ("061", 2), ("0871", 2),
    ("090", 3), ("112", 3), ("138", 3), ("141", 4), ("163", 3), ("173", 4), ("190", 4), ("2042", 4), ("", None), ("x1", None),
])
def test_penta_class(code, cls):
    assert penta_class(code) == cls


def test_plover_type_map_and_markup():
    assert [map_type(t) for t in ("FIGHT", "DISAPPROVE", "DEMAND", "INVESTIGATE", "AGREE", None)] == \
        ["ASSAULT", "ACCUSE", "REQUEST", "ACCUSE", "AGREE", "NONE"]
    text = "Senior Hungarian and Romanian officials agreed on Wednesday."
    markup = "Senior (SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials (EVT: agreed) on Wednesday."
    spans = markup_spans(markup, text)
    assert [text[a:b] for a, b in spans["SRC/TAR"]] == ["Hungarian", "Romanian"]
    assert [text[a:b] for a, b in spans["EVT"]] == ["agreed"]
    # markup that does not reproduce the text: spans are searched in the text
    odd = markup_spans("The (SRC: UN) (EVT: has sent} troops to (TAR: Bosnia)", "The UN has sent troops to Bosnia")
    assert odd["SRC"] == [(4, 6)] and odd["TAR"] == [(26, 32)]


def test_span_prf():
    # two predicted actors, one overlapping gold; two gold spans, one found
    assert span_prf([[(0, 5)], [(20, 25)]], [(2, 8), (40, 45)]) == (1, 2, 1, 2)
    assert span_prf([], [(0, 3)]) == (0, 0, 0, 1)


# ----------------------------------------------------------------- integration (limit=5)

@pytest.mark.parametrize("name,keys", [
    ("petrarch", {"triples.root.f1", "triples.root.precision", "triples.root.recall", "triples.full.f1", "triples.root.f1_full_actors"}),
    ("plover", {"type.accuracy", "type.macro_f1", "source.overlap.f1", "target.overlap.f1"}),
    ("confliBERT", {"penta.macro_f1_rules", "penta.accuracy_rules"}),  # too few for cross-validation
    ("confliBERT-ner", {"source.exact.f1", "target.exact.f1", "source.overlap.f1", "target.overlap.f1"}),  # rule extents
])
def test_sets_run_on_five_records(shared_data, name, keys):
    from newsgraph.evaluation import evaluate_set

    result = evaluate_set(name, shared_data, limit=5)
    assert result.name == name
    assert keys <= set(result.metrics)
    assert all(0 <= result.metrics[k] <= 100 for k in keys)
    for error in result.errors:
        assert error["kind"] and error["text"]


# ----------------------------------------------------------------- the conflict sentences

def test_conflict_sentences_are_well_formed():
    """Every row names its event by words of its own text, in twelve kinds of twenty."""
    from collections import Counter

    from newsgraph.evaluation.conflict_events import load_sentences

    rows = load_sentences()
    assert len({r["id"] for r in rows}) == len(rows) == 240
    assert set(Counter(r["category"] for r in rows).values()) == {20}
    for row in rows:
        assert row["type"] in {"PROTEST", "ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "SANCTION"}, row["id"]
        assert row["trigger"] and row["trigger"] in row["text"], row["id"]
        assert all(row[side] in row["text"] for side in ("source", "target")), row["id"]


@pytest.mark.parametrize("sources, targets, expected_source, expected_target, right", [
    (((0, 9),), (), (0, 20), None, True),  # the source's words overlap; no target expected, none given
    (((0, 9),), ((30, 40),), (0, 20), None, False),  # a target where the sentence names none
    ((), (), (0, 20), None, False),  # no source where one is expected
    ((), ((30, 40),), None, (35, 50), True),
])
def test_conflict_sides_right(sources, targets, expected_source, expected_target, right):
    from newsgraph.evaluation.conflict_events import sides_right
    from newsgraph.model import Event, Factuality, Plover

    event = Event(
        id="e", sources=(), targets=(), cameo="190", plover=Plover(type="ASSAULT", mode=None, context=None),
        goldstein=None, trigger=(21, 29), sentence=(0, 60), factuality=Factuality(polarity="positive", certainty="certain", mode="actual"),
        source_spans=sources, target_spans=targets,
    )
    assert sides_right(event, expected_source, expected_target) is right


# ----------------------------------------------------------------- the judge's training recipe

@pytest.mark.parametrize("text, trigger, kind, expected", [
    ("Gunmen ambushed a police convoy near Kandahar on Monday.", "ambushed", "ASSAULT", 1),
    ("Dock workers went on strike in Antwerp over pay.", "strike", "PROTEST", 2),  # the noun, and the verb taking it
    ("Rain fell on Antwerp all week.", "fell", "PROTEST", 0),  # no candidate on the trigger: nothing to learn
])
def test_conflict_trigger_examples_are_the_candidates_on_the_trigger(nlp, text, trigger, kind, expected):
    from newsgraph.evaluation.conflict_events import trigger_examples

    row = {"id": "t-1", "category": "test", "text": text, "type": kind, "trigger": trigger, "source": "", "target": ""}
    examples = trigger_examples(nlp, [row])
    assert len(examples) == expected
    assert all(sid == "t-1" and found == kind and features for sid, features, found in examples)


def test_the_judge_refitted_without_a_group_never_sees_it():
    """Leaving a fold out is the same as never having had it: nothing of it reaches the fit."""
    from newsgraph.evaluation.judge_training import Example, fit_judge, parts_count

    def examples(word, real, group, n):
        return [Example("p", group, (f"lemma={word}", f"n={i % 3}"), real, kind="ASSAULT" if real else None) for i in range(n)]

    kept = examples("bomb", True, "a", 6) + examples("rain", False, "b", 6) + examples("march", True, "c", 4)
    kept += [Example("p", "c", ("lemma=march", "n=0"), True, kind="PROTEST")] * 2
    left_out = examples("rain", True, "x", 9)  # contrary labels: any leak would move the weights
    assert fit_judge(kept + left_out, {"x"}).to_dict() == fit_judge(kept).to_dict()
    assert fit_judge(kept + left_out).to_dict() != fit_judge(kept).to_dict()
    assert parts_count(kept + left_out) == {"p": 27}
