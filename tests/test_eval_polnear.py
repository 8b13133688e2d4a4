"""PolNeAR scorers: span canonicalisation, one-to-one matching, outermost selection, voice labels,
and (with the shared data) both sets on three dev articles."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsgraph.evaluation import polnear, polnear_voice
from newsgraph.evaluation.polnear import canonical, match_coverage, match_exact, match_overlap, score_article, top_level

TEXT = 'The Post reports that “Clinton was ill,” sources said. She left: "No comment."'
#       0         1         2         3         4         5         6         7
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678


def _find(sub: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(sub, start)
    return (i, i + len(sub))


def test_canonical_strips_punctuation_quotes_and_space():
    s, e = _find("“Clinton was ill,”")
    assert canonical(TEXT, [(s - 1, e + 1)]) == (( s + 1, e - 2),)
    assert TEXT[slice(*canonical(TEXT, [(s, e)])[0])] == "Clinton was ill"


def test_canonical_merges_pieces_split_by_punctuation_only():
    a, b = _find("Clinton was"), _find("ill")
    assert canonical(TEXT, [b, a]) == ((a[0], b[1]),)
    # a real gap (words between) keeps two pieces
    c = _find("sources")
    assert canonical(TEXT, [a, c]) == (a, c)


def test_canonical_keeps_colon_cue_and_drops_empty_pieces():
    colon = _find(":")
    assert canonical(TEXT, [colon]) == (colon,)
    assert canonical(TEXT, [(colon[1], colon[1] + 1)]) == ()  # a lone space
    assert canonical(TEXT, []) == ()


def test_match_exact_is_one_to_one():
    x, y = ((0, 3),), ((5, 9),)
    assert match_exact([x, x, y], [x, y]) == [(0, 0), (2, 1)]
    assert match_exact([()], [()]) == []  # empty spans never match


def test_match_overlap_prefers_largest_overlap_and_matches_gold_once():
    gold = [((0, 10),), ((20, 30),)]
    predicted = [((8, 22),), ((0, 9),), ((40, 50),)]
    # pred 1 shares 9 chars with gold 0, pred 0 shares 2 with gold 0 and 2 with gold 1
    assert match_overlap(predicted, gold) == [(0, 1), (1, 0)]
    assert match_overlap([((0, 10),), ((2, 4),)], [((0, 10),)]) == [(0, 0)]


def test_match_coverage_thresholds():
    gold = [((0, 100),)]
    assert match_coverage([((0, 35),)], gold, 0.3) == [(0, 0)]
    assert match_coverage([((0, 35),)], gold, 0.8) == []
    # coverage is of the gold span: a long prediction covering all of it matches
    assert match_coverage([((0, 400),)], gold, 0.8) == [(0, 0)]
    # discontinuous: both pieces count
    assert match_coverage([((0, 40), (60, 100))], gold, 0.8) == [(0, 0)]


def _att(id_, cue, content, source=None, via=None, source_text="x"):
    return SimpleNamespace(
        id=id_,
        via=via,
        type="indirect",
        cue=SimpleNamespace(span=cue, text="cue"),
        content=tuple(content),
        source=SimpleNamespace(span=source or cue, text=source_text if source else ""),
    )


def test_top_level_drops_textual_nesting_and_synthetic_relays_keeps_other_relays():
    outer = _att("a", (10, 14), [(15, 80)])
    nested = _att("b", (40, 44), [(45, 80)], via="a")  # cue inside a's content
    citing = _att("c", (90, 96), [(15, 80)], via="a")  # "..., citing Y": cue outside
    relay = _att("r", (100, 104), [(105, 130)])  # added outlet attribution for "told MENL"
    relayed = _att("s", (100, 104), [(105, 130)], via="r")
    kept = [a.id for a in top_level([outer, nested, citing, relay, relayed])]
    assert kept == ["a", "c", "s"]


def test_score_article_counts_and_errors():
    said = _find("said")
    sources = _find("sources")
    quote = _find("“Clinton was ill,”")
    reports = _find("reports")
    gold = [
        {"id": "E1", "source": [list(_find("The Post"))], "cue": [list(reports)], "content": [[reports[1] + 1, quote[1]]]},
        {"id": "E2", "source": [list(sources)], "cue": [list(said)], "content": [list(_find('"No comment."'))]},
    ]
    # one prediction: cue "said", source "sources", content the quotation (without "that")
    report = SimpleNamespace(attributions=(_att("p1", said, [quote], source=sources),))
    counts, errors = score_article("doc", TEXT, gold, report)
    assert (counts["cue.exact"].tp, counts["cue.exact"].fp, counts["cue.exact"].fn) == (1, 0, 1)
    assert (counts["source.exact"].tp, counts["source.exact"].fn) == (1, 1)
    # content: overlaps E1's content (partial: gold starts with "that"), exact fails
    assert counts["content.exact"].tp == 0
    assert counts["content.overlap"].tp == 1
    # covers "Clinton was ill" (15) of "that “Clinton was ill" (21 chars): 0.71
    assert counts["content.ggt0.3"].tp == 1 and counts["content.ggt0.8"].tp == 0
    assert counts["attribution.overlap"].tp == 0  # cue said vs content of E1: different attributions
    kinds = {(e["role"], e["kind"], e["partial"]) for e in errors}
    assert ("content", "miss", True) in kinds and ("content", "false_alarm", True) in kinds
    assert ("cue", "miss", False) in kinds
    assert all(e["set"] == "polnear" and e["doc"] == "doc" for e in errors)


def test_voice_labels():
    text = "Author line here. Critics said it was bad. A stray ” here."
    s1, s2, s3 = (0, 17), (18, 42), (43, 58)
    gold = [(18, 25), (26, 30), (31, 41)]
    assert polnear_voice.gold_label(text, s1, gold) == "author"
    assert polnear_voice.gold_label(text, s2, gold) == "attributed"
    # punctuation alone inside a gold span does not make a sentence attributed
    assert polnear_voice.gold_label(text, s3, [(43, 52)]) == "attributed"
    assert polnear_voice.gold_label(text, s3, [(51, 52)]) == "author"
    assert polnear_voice.gold_label(text, (17, 18), gold) is None
    assert polnear_voice.gold_label("7 p", (0, 1), gold) is None  # no letter: not scored
    assert polnear_voice.gold_label(text, s2, [(18, 25)], majority=True) == "author"
    assert polnear_voice.predicted_label(s1, [(0, 17)]) == "author"
    assert polnear_voice.predicted_label(s2, [(0, 17)]) == "attributed"


def test_both_sets_on_three_dev_articles(shared_data):
    if not polnear.gold_path(shared_data).is_file():
        pytest.skip("PolNeAR dev gold not in the shared data")
    result = polnear.evaluate(shared_data, limit=3)
    assert result.name == "polnear" and result.details["articles"] == 3
    for role in ("cue", "source", "content"):
        for level in ("exact", "overlap"):
            for stat in ("precision", "recall", "f1"):
                assert 0 <= result.metrics[f"{role}.{level}.{stat}"] <= 100
    for key in ("content.ggt0.3.f1", "content.ggt0.8.f1", "attribution.overlap.f1"):
        assert 0 <= result.metrics[key] <= 100
    assert result.metrics["cue.overlap.f1"] > 0
    assert all(e["kind"] in {"miss", "false_alarm"} for e in result.errors)
    voice = polnear_voice.evaluate(shared_data, limit=3)
    assert voice.name == "polnear-voice"
    for key in ("voice.accuracy", "voice.macro_f1", "author.f1", "attributed.f1"):
        assert 0 <= voice.metrics[key] <= 100


@pytest.mark.parametrize("split", ["train", "dev"])
def test_split_picks_the_gold_file(shared_data, split):
    if not polnear.gold_path(shared_data, split).is_file():
        pytest.skip(f"PolNeAR {split} gold not in the shared data")
    result = polnear.evaluate(shared_data, limit=2, split=split)
    assert result.details["split"] == split and result.details["articles"] == 2
    docs = {a.doc for a in polnear.load_gold(shared_data, limit=2, split=split)}
    assert {e["doc"] for e in result.errors} <= docs


def test_cli_scores_polnear_train_but_never_gates_it():
    from typer.testing import CliRunner

    from newsgraph.cli import app

    refused = CliRunner().invoke(app, ["eval", "polnear", "--split", "train", "--gate"])
    assert refused.exit_code == 2 and "--split" in refused.output


def test_agreement_scores_annotators_against_each_other_and_newsgraph_against_each(tmp_path, nlp):
    import json

    from newsgraph.evaluation import polnear_agreement

    said, sources, reports = _find("said"), _find("sources"), _find("reports")
    both = {"id": "E2", "source": [list(sources)], "cue": [list(said)], "content": [list(_find("“Clinton was ill,”"))]}
    only_first = {"id": "E1", "source": [list(_find("The Post"))], "cue": [list(reports)], "content": [[reports[1] + 1, said[0] - 10]]}
    rows = [
        {"doc": "shared", "text": TEXT, "annotator": "a", "attributions": [only_first, both]},
        {"doc": "shared", "text": TEXT, "annotator": "b", "attributions": [both]},
        {"doc": "single", "text": "He said no.", "annotator": "a", "attributions": []},
    ]
    path = polnear.gold_path(tmp_path, "dev")
    path.parent.mkdir(parents=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert list(polnear_agreement.load_annotations(tmp_path)) == ["shared"]  # one annotator: no agreement to measure
    result = polnear_agreement.evaluate(tmp_path, nlp=nlp)
    assert result.details == {"split": "dev", "articles": 1, "annotations": 2, "ordered_annotator_pairs": 2}
    # a vs b and b vs a pooled: 2 cues matched, 1 found only by a (a miss one way, a false alarm the other)
    assert result.metrics["human.cue.exact.f1"] == pytest.approx(66.67)
    assert result.metrics["human.source.overlap.f1"] == pytest.approx(66.67)
    assert all(0 <= result.metrics[f"newsgraph.{role}.overlap.f1"] <= 100 for role in ("cue", "source", "content"))


@pytest.mark.parametrize(
    "items, expected",
    [
        ([], (0.0, 0.0)),
        ([(3, 1, 0)] * 10, (85.71, 85.71)),  # identical articles: every resample scores the same
        ([(1, 0, 0), (0, 1, 1)], (0.0, 100.0)),  # two articles, one perfect, one all wrong
    ],
)
def test_bootstrap_interval_of_pooled_f1(items, expected):
    from newsgraph.evaluation.metrics import PRF, bootstrap_f1

    assert bootstrap_f1([PRF(*counts) for counts in items]) == expected


def test_bootstrap_interval_brackets_the_score_and_is_seeded():
    from newsgraph.evaluation.metrics import PRF, bootstrap_f1

    items = [PRF(tp, fp, fn) for tp, fp, fn in [(5, 1, 2), (2, 2, 1), (7, 0, 1), (1, 3, 3), (4, 1, 0)] * 4]
    pooled = PRF(sum(i.tp for i in items), sum(i.fp for i in items), sum(i.fn for i in items))
    low, high = bootstrap_f1(items)
    assert low < 100 * pooled.f1 < high
    assert bootstrap_f1(items) == (low, high) and bootstrap_f1(items, seed=1) != (low, high)


def _item(key, cue, content, source=()):
    return polnear._Item(key, (cue,), (source,) if source else (), (content,))


@pytest.mark.parametrize(
    "predicted, gold, nested, expected",
    [
        # Nothing predicted: the cue is missed, and with it the source and content.
        ([], [_item("g", (0, 4), (5, 60), (70, 80))], [], {("cue", "miss", "missed"), ("source", "miss", "cue missed"), ("content", "miss", "cue missed")}),
        # Found, but only inside another predicted attribution's content.
        ([], [_item("g", (40, 44), (45, 60))], [((40, 44),)], {("cue", "miss", "nested"), ("content", "miss", "cue missed")}),
        # A predicted cue where gold sees part of someone's content.
        (
            [_item("p", (0, 4), (5, 60)), _item("q", (20, 24), (25, 60))],
            [_item("g", (0, 4), (5, 60))],
            [],
            {("cue", "false_alarm", "inside gold content"), ("content", "false_alarm", "cue not in gold")},
        ),
        ([_item("p", (0, 6), (7, 60))], [_item("g", (0, 4), (7, 60))], [], {("cue", "miss", "extent"), ("cue", "false_alarm", "extent")}),
        # Same cue and content; the source is absent on one side or elsewhere.
        ([_item("p", (0, 4), (5, 60))], [_item("g", (0, 4), (5, 60), (70, 80))], [], {("source", "miss", "none predicted")}),
        ([_item("p", (0, 4), (5, 60), (70, 80))], [_item("g", (0, 4), (5, 60))], [], {("source", "false_alarm", "none in gold")}),
        (
            [_item("p", (0, 4), (5, 60), (62, 66))],
            [_item("g", (0, 4), (5, 60), (70, 80))],
            [],
            {("source", "miss", "different"), ("source", "false_alarm", "different")},
        ),
        ([_item("p", (90, 94), (95, 99))], [], [], {("cue", "false_alarm", "no gold attribution"), ("content", "false_alarm", "cue not in gold")}),
    ],
)
def test_every_error_names_its_cause(predicted, gold, nested, expected):
    _, errors = polnear.score_items("doc", "x" * 120, predicted, gold, nested=nested)
    assert {(e["role"], e["kind"], e["cause"]) for e in errors} == expected
    tallied = polnear.error_causes(errors)
    assert sum(sum(c.values()) for c in tallied.values()) == len(errors)
