"""The judged-events scorer, on one made-up article, and the packaged judgments' format."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.judged_events import (
    agreement,
    chain_links,
    kept,
    load_judgments,
    score,
    select_articles,
    with_causes,
)

# Going to jail is told with no act verb and nobody doing it, so newsgraph misses it: the
# judges' "missed" row.
TEXT = "Egypt accused Turkey of supporting militants in Sinai, officials said. Two men went to jail."
ACCUSED, SUPPORTING, JAILED = [6, 13], [24, 34], [79, 83]
EGYPT, TURKEY, MILITANTS, OFFICIALS, MEN = [0, 5], [14, 20], [35, 44], [55, 64], [71, 78]
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}  # fmt: skip


def real(trigger, type_, sources, targets, chain, factuality="asserted", kind="extracted"):
    row = {"doc": "d", "kind": kind, "trigger": trigger, "type": type_, "sources": sources, "targets": targets,
           "factuality": factuality, "chain": chain}  # fmt: skip
    return row | ({"event": True} if kind == "extracted" else {})


def not_event(trigger):
    return {"doc": "d", "kind": "extracted", "trigger": trigger, "event": False}


@pytest.mark.parametrize(
    "rows, expected",
    [
        # both extracted events real and right in every field
        (
            [real(ACCUSED, "ACCUSE", [EGYPT], [TURKEY], [EGYPT, OFFICIALS]), real(SUPPORTING, "SUPPORT", [TURKEY], [MILITANTS], [EGYPT, OFFICIALS])],
            {"trigger.precision": 100.0, "trigger.recall": 100.0, "type.accuracy": 100.0, "sides.accuracy": 100.0},
        ),
        # "supporting" judged no event: half the triggers are right
        (
            [real(ACCUSED, "ACCUSE", [EGYPT], [TURKEY], [EGYPT, OFFICIALS]), not_event(SUPPORTING)],
            {"trigger.precision": 50.0, "trigger.recall": 100.0},
        ),
        # the jailing is a real event newsgraph missed; a wrong target
        (
            [real(ACCUSED, "ACCUSE", [EGYPT], [MILITANTS], [EGYPT, OFFICIALS]), not_event(SUPPORTING),
             real(JAILED, "COERCE", [], [MEN], [], kind="missed")],
            {"trigger.precision": 50.0, "trigger.recall": 50.0, "sides.accuracy": 0.0, "type.accuracy": 100.0},
        ),
        # a wrong type and a wrong chain (the author's voice, not Egypt's)
        (
            [real(ACCUSED, "REQUEST", [EGYPT], [TURKEY], []), not_event(SUPPORTING)],
            {"type.accuracy": 0.0, "chain.accuracy": 0.0, "all.accuracy": 0.0},
        ),
    ],
)
def test_score_counts_what_the_judges_said(analyze_text, rows, expected):
    report = analyze_text(TEXT)
    assert [list(e.trigger) for e in report.events] == [ACCUSED, SUPPORTING]  # the table assumes these two
    metrics, counts, errors = score({"d": report}, {"d": rows})
    assert {k: metrics[k] for k in expected} == expected
    assert counts["extracted"] == 2 and counts["unjudged"] == 0


def test_a_speaker_relaying_their_own_words_is_one_link_of_the_chain(analyze_text):
    text = "Sisi defended the policy, saying he had accused Turkey of arming militants."
    report = analyze_text(text)
    (arming,) = [e for e in report.events if e.text == "arming"]
    assert [[text[a:b] for a, b in link] for link in chain_links(report, arming)] == [["he", "Sisi"]]
    he, sisi = [[text.index("he had"), text.index("he had") + 2]], [[0, 4]]
    for gold in (he, sisi):  # either mention names the one speaker
        metrics, _, _ = score({"d": report}, {"d": [real(list(arming.trigger), arming.plover.type, [], [], gold)]})
        assert metrics["chain.accuracy"] == 100.0


def test_a_pronoun_side_and_its_antecedent_name_one_actor(analyze_text):
    text = "Jeff Sessions caused a stir when he endorsed Donald Trump."
    report = analyze_text(text)
    (endorsed,) = [e for e in report.events if e.text == "endorsed"]
    assert [text[a:b] for a, b in endorsed.source_spans] == ["he"]
    he, sessions, trump = [[text.index("he "), text.index("he ") + 2]], [[0, 13]], [[text.index("Donald"), len(text) - 1]]
    for sources, right in ((he, 100.0), (sessions, 100.0), (trump, 0.0)):
        rows = [real(list(endorsed.trigger), endorsed.plover.type, sources, trump, [])]
        assert score({"d": report}, {"d": rows})[0]["sides.accuracy"] == right


def test_an_event_nobody_judged_is_counted_apart(analyze_text):
    metrics, counts, _ = score({"d": analyze_text(TEXT)}, {"d": [real(ACCUSED, "ACCUSE", [EGYPT], [TURKEY], [EGYPT, OFFICIALS])]})
    assert counts["unjudged"] == 1 and metrics["trigger.precision"] == 100.0


def test_errors_say_whether_the_rules_or_the_judge_lost_an_event(analyze_text):
    report = analyze_text(TEXT)
    accusing = next(e for e in report.events if list(e.trigger) == ACCUSED)
    rows = [real(ACCUSED, "ACCUSE", [EGYPT], [TURKEY], [EGYPT, OFFICIALS]), not_event(SUPPORTING),
            real(JAILED, "COERCE", [], [MEN], [], kind="missed")]  # fmt: skip
    # a threshold above the accusation's confidence: the judge, not the rules, lost it
    above = kept(report, accusing.confidence + 1e-6)
    _, _, errors = score({"d": above}, {"d": rows})
    causes = {tuple(e["trigger"]): (e["kind"], e.get("cause"), e.get("confidence")) for e in with_causes(errors, {"d": report})}
    assert causes[tuple(ACCUSED)] == ("miss", "below threshold", round(accusing.confidence, 3))
    assert causes[tuple(JAILED)] == ("miss", "no candidate", None)
    # a miss names its words, as every other error row does
    assert {e["text"] for e in errors if e["kind"] == "miss"} == {TEXT[slice(*ACCUSED)], TEXT[slice(*JAILED)]}


def test_agreement_of_two_judges():
    first = {"d": [real(ACCUSED, "ACCUSE", [EGYPT], [TURKEY], []), not_event(SUPPORTING)]}
    second = {"d": [real(ACCUSED, "ACCUSE", [EGYPT], [TURKEY], []), real(SUPPORTING, "SUPPORT", [TURKEY], [MILITANTS], [])]}
    result = agreement(first, second)
    assert result["event.agreement"] == 50.0
    assert result["real.f1"] == round(100 * 2 / 3, 2)
    assert result["type.agreement"] == 100.0


def test_packaged_judgments_follow_the_guideline():
    judgments = load_judgments()
    assert judgments
    for doc, rows in judgments.items():
        for row in rows:
            assert row["kind"] in {"extracted", "missed"} and row["doc"] == doc
            assert "text" not in row  # no article text in the repository
            if row["kind"] == "missed" or row["event"]:
                assert row["type"] in TYPES and row["factuality"] in {"asserted", "negated", "hedged", "disputed"}
                for key in ("sources", "targets", "chain"):
                    assert all(len(span) == 2 and 0 <= span[0] < span[1] for span in row[key])


def test_judged_articles_are_among_the_selected_ones(shared_data):
    texts = dict(select_articles(shared_data, 40))
    assert set(load_judgments()) <= set(texts)
    for doc, rows in load_judgments().items():
        assert all(row["trigger"][1] <= len(texts[doc]) for row in rows)


def test_the_judge_trains_on_no_scored_or_corroboration_article():
    """The event judge's training articles are apart from the articles its scores are read on:
    the 40 scored ones (cross-validated instead) and the real corroboration cases."""
    from newsgraph.evaluation.corroboration import real_case_articles
    from newsgraph.evaluation.judged_events import TRAINING_JUDGMENTS

    training = set(load_judgments(packaged=TRAINING_JUDGMENTS))
    corroboration = real_case_articles()
    assert training and corroboration and not training & set(load_judgments()) and not training & corroboration
