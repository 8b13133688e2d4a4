"""The event judge: its features, its model, and how the pipeline applies it."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.event_judge import DEFAULT_THRESHOLD, EventJudge, TypeJudge, features, fit, rescore
from newsgraph.events import cameo_info, retyped
from newsgraph.model import Event, Factuality
from newsgraph.resources import catalogue_json


@pytest.mark.parametrize(
    "feats, score",
    [
        ([], -0.5),  # the intercept alone
        (["lemma=attack"], 2.0),
        (["lemma=attack", "reporting_verb"], -1.0),
        (["lemma=attack", "never=seen"], 2.0),  # unknown features weigh nothing
    ],
)
def test_probability_is_the_logistic_of_the_summed_weights(feats, score):
    judge = EventJudge({"lemma=attack": 2.5, "reporting_verb": -3.0}, -0.5)
    assert judge.probability(feats) == pytest.approx(1 / (1 + math.exp(-score)))


@given(st.dictionaries(st.text(min_size=1, max_size=12), st.floats(-20, 20)), st.floats(-5, 5))
def test_a_judge_survives_its_json_form(weights, intercept):
    judge = EventJudge(weights, intercept)
    assert EventJudge.from_dict(judge.to_dict()) == judge


def test_fit_learns_which_features_mark_real_events():
    examples = [(["lemma=attack", "source=True"], True)] * 6 + [(["lemma=say", "reporting_verb"], False)] * 6
    judge = fit(examples)
    assert judge.probability(["lemma=attack", "source=True"]) > 0.7 > 0.3 > judge.probability(["lemma=say", "reporting_verb"])


def test_fit_needs_both_kinds_of_example():
    with pytest.raises(ValueError, match="both"):
        fit([(["lemma=attack"], True)] * 3)


_TYPED = [(["lemma=attack", "plover=ASSAULT", "target.kind=person"], "ACCUSE")] * 5 + [
    (["lemma=attack", "plover=ASSAULT", "governs:prep=with", "context.class=weapon"], "ASSAULT")
] * 5 + [(["lemma=meet", "plover=CONSULT"], "CONSULT")] * 5


def test_the_type_model_reads_the_type_a_coder_gives():
    judge = fit([(f, True) for f, _ in _TYPED] + [(["lemma=say"], False)] * 5, typed=_TYPED)
    assert judge.types.best(["lemma=attack", "plover=ASSAULT", "target.kind=person"])[0] == "ACCUSE"
    assert judge.types.best(["lemma=attack", "plover=ASSAULT", "context.class=weapon"])[0] == "ASSAULT"
    kind, p = judge.types.best(["lemma=meet", "plover=CONSULT"])
    assert kind == "CONSULT" and 1 / 3 < p <= 1
    # a word never judged in a sense is not given it: the rules' type stands
    assert judge.types.best(["lemma=kill", "plover=ASSAULT", "target.kind=person"])[0] == "ASSAULT"
    assert judge.types.readings["attack"] == ("ACCUSE", "ASSAULT")


@given(
    st.dictionaries(
        st.sampled_from(["ACCUSE", "ASSAULT", "CONSULT"]),
        st.dictionaries(st.text(min_size=1, max_size=8), st.floats(-20, 20), max_size=4),
        min_size=2,
    )
)
def test_a_judge_with_types_survives_its_json_form(weights):
    judge = EventJudge({"lemma=attack": 1.0}, 0.1, TypeJudge(weights, {t: 0.5 for t in weights}))
    assert EventJudge.from_dict(judge.to_dict()) == judge


def _event(code: str) -> Event:
    plover, goldstein = cameo_info(code)
    return Event(
        id="evt", sources=("a",), targets=("b",), cameo=code, plover=plover, goldstein=goldstein,
        trigger=(0, 6), sentence=(0, 20), factuality=Factuality("positive", "certain", "actual"),
    )


@pytest.mark.parametrize(
    "code, judged_type, expected_code",
    [
        ("190", "ACCUSE", "110"),  # "attacked" read as words, not force: the plain code of criticism
        ("040", "CONSULT", "040"),  # the rules' type stands: their specific code too
        ("042", "CONSULT", "042"),
    ],
)
def test_a_retyped_event_takes_its_types_plain_code(code, judged_type, expected_code):
    event = retyped(_event(code), judged_type)
    assert (event.cameo, event.plover.type) == (expected_code, judged_type)
    assert event.goldstein == cameo_info(expected_code)[1]


def test_the_shipped_judge_says_what_it_was_trained_on():
    data = catalogue_json("event_judge_model.json")
    assert data["weights"] and "judged_events.jsonl" in data["trained_on"]["files"]
    assert data["cross_validation"]["by"] == "article" and len(data["cross_validation"]["per_fold"]) == data["cross_validation"]["folds"]
    assert EventJudge.packaged() is not None


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("Egypt accused Turkey of supporting militants.", "accused", {"lemma=accuse", "source=True", "target=True", "plover=ACCUSE"}),
        ("Egyptian police arrested two protesters in Cairo on Monday.", "arrested", {"lemma=arrest", "pos=VERB", "dep=ROOT"}),
        ("The minister will meet the Saudi envoy next week.", "meet", {"lemma=meet", "modal"}),
        ("Egypt did not attack the border post.", "attack", {"negated"}),
        # what kind of act a noun is: terrorist attacks are no verbal attacks
        ("The terrorist attacks in Paris killed 130 people.", "attacks", {"noun.amod", "noun.modifier=terrorist"}),
    ],
)
def test_features_read_the_trigger_its_code_and_its_actors(nlp, text, trigger, expected):
    from newsgraph import analyze

    # every candidate (threshold 0), so the table can name ones the judge drops too
    every = analyze(text, check_language=False, event_threshold=0.0)
    event = next(e for e in every.events if e.text == trigger)
    feats = set(features(nlp(text), event, {a.id: a for a in every.actors}, every.attributions))
    assert expected <= feats


def test_the_threshold_decides_which_candidates_stay():
    from newsgraph import analyze

    text = "Egypt accused Turkey of supporting militants in Sinai, officials said. Police arrested two men. Sisi wants peace."
    every = analyze(text, check_language=False, event_threshold=0.0).events
    default = analyze(text, check_language=False).events
    assert {e.id for e in default} <= {e.id for e in every}
    assert all(e.confidence >= DEFAULT_THRESHOLD for e in default)
    assert {e.id for e in every if e.confidence >= DEFAULT_THRESHOLD} == {e.id for e in default}
    assert all(e.confidence == 1.0 for e in analyze(text, check_language=False, event_threshold=1.0).events)


def test_without_the_judge_the_rules_keep_every_candidate_with_their_own_score(nlp):
    from newsgraph.actors import ActorCatalogue
    from newsgraph.model import Article
    from newsgraph.pipeline import build_report

    text = "Egypt accused Turkey of supporting militants in Sinai. Police arrested two men."
    doc = nlp(text)
    catalogue = ActorCatalogue.packaged(nlp)
    rules = build_report(doc, Article(text=text), catalogue, judge_events=False)
    judged = build_report(doc, Article(text=text), catalogue, event_threshold=0.0)
    assert [e.id for e in rules.events] == [e.id for e in judged.events]
    # the hand-set scores are multiples of 0.05; rescoring gives the judge's probabilities back
    assert all(round(e.confidence * 20) == e.confidence * 20 for e in rules.events)
    assert rescore(doc, rules, EventJudge.packaged()).events == judged.events


def test_an_agent_title_in_pre_tokenised_text_is_found(analyze_text):
    # "Rep ." (news corpora often space their tokens) once crashed the agent lookup
    report = analyze_text("Rep . John Smith criticized the plan on Monday in Washington , officials said .")
    assert "John Smith" in {a.name for a in report.actors}


@pytest.mark.parametrize(
    "text, trigger",
    [
        # attacks by one perpetrator with a death toll: the toll words are shared with disaster
        # and accident sentences (negatives), and a judge that read them alone dropped these
        ("A suicide bomber killed 30 people at a market in Baghdad.", "killed"),
        ("A gunman opened fire at a church in Charleston, killing nine people.", "opened"),
        ("Dylann Roof shot nine worshippers at a church in Charleston.", "shot"),
    ],
)
def test_shipped_judge_keeps_attacks_with_a_toll(analyze_text, text, trigger):
    assert trigger in [e.text for e in analyze_text(text).events]
