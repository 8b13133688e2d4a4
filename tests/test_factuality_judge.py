"""The learned hedge judge: it only turns the rules' certain verbs into hedged ones."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.evaluation.factuality import Example, contiguous_folds, cross_validate, judged_label
from newsgraph.factuality import event_factuality, hedge_judged, rule_factuality
from newsgraph.factuality_judge import HedgeJudge, fit, reading
from newsgraph.model import Factuality
from newsgraph.resources import catalogue_json

# (sentence, predicate, the rules' reading, the final certainty)
JUDGE_CASES = [
    ("The talks aim at ending the war.", "ending", "certain", "probable"),  # a goal the rules miss
    ("Israel attacked Gaza on Monday.", "attacked", "certain", "certain"),
    ("Police arrested three men.", "arrested", "certain", "certain"),
    ("The army did not withdraw.", "withdraw", "negated", "certain"),  # negation stays the rules'
    ("Rebels hope to capture the town.", "capture", "hedged", "probable"),
]


@pytest.mark.parametrize(("text", "word", "rules", "certainty"), JUDGE_CASES)
def test_the_judge_hedges_only_what_the_rules_read_as_certain(nlp, text, word, rules, certainty):
    token = next(t for t in nlp(text) if t.text == word)
    assert reading(rule_factuality(token)) == rules
    fact = event_factuality(token)
    assert fact.certainty == certainty
    assert fact.polarity == rule_factuality(token).polarity


def test_nouns_are_left_to_the_rules(nlp):
    doc = nlp("Apple executives are in negotiations with film studios to arrange the deal.")
    deal = next(t for t in doc if t.text == "deal")
    assert event_factuality(deal) == rule_factuality(deal)


READINGS = [
    (Factuality(), "certain"),
    (Factuality(polarity="negative"), "negated"),
    (Factuality(certainty="probable"), "hedged"),
    (Factuality(mode="future"), "certain"),  # "will visit": UW rates most certain
    (Factuality(mode="hypothetical"), "hedged"),
]


@pytest.mark.parametrize(("fact", "label"), READINGS)
def test_the_rules_reading_in_the_gold_classes(fact, label):
    assert reading(fact) == label


def test_the_shipped_judge_says_how_it_was_made():
    data = catalogue_json("factuality_judge.json")
    trained = data["trained"]
    assert 0 < data["threshold"] < 1 and trained["threshold"] == data["threshold"]
    assert trained["examples"] > 10_000 and len(trained["nested_cv"]) == 5
    assert HedgeJudge.packaged() is not None


@given(st.dictionaries(st.text(min_size=1, max_size=8), st.floats(-5, 5, allow_nan=False), max_size=5), st.floats(-3, 3, allow_nan=False), st.floats(0.05, 0.95))
def test_a_judge_survives_its_json(weights, intercept, threshold):
    judge = HedgeJudge(weights, intercept, threshold)
    assert HedgeJudge.from_dict(judge.to_dict()) == judge


FOLD_CASES = [
    # sentence positions -> fold of each (5 folds, contiguous runs)
    ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]),
    ([0, 0, 0, 9, 9], [0, 0, 0, 4, 4]),  # predicates of one sentence share its fold
]


@pytest.mark.parametrize(("sentences", "folds"), FOLD_CASES)
def test_folds_are_contiguous_runs_of_sentences(sentences, folds):
    examples = [Example(s, ("pos=VERB",), "CT+", "CT+") for s in sentences]
    assert contiguous_folds(examples) == folds


def test_judged_label_keeps_the_rules_where_the_judge_does_not_decide():
    verb = ("pos=VERB",)
    assert judged_label(Example(0, verb, "CT+", "CT+", judged=True), True) == "hedged"
    assert judged_label(Example(0, verb, "CT-", "CT-", judged=False), True) == "CT-"
    assert judged_label(Example(0, ("pos=NOUN",), "CT+", "CT+", judged=False), True) == "CT+"
    assert judged_label(Example(0, verb, "CT+", "CT+", judged=True), False) == "CT+"


# (sentence, predicate, whether the judge decides for it)
JUDGED_CASES = [
    ("The talks aim at ending the war.", "ending", True),
    ("The army did not withdraw.", "withdraw", False),  # negated: the rules'
    ("Rebels hope to capture the town.", "capture", False),  # hedged already
    ("Apple executives are in negotiations with film studios to arrange the deal.", "deal", False),  # a noun
    ("Officials said the protesters would continue to march every day.", "march", False),  # a certain future stays
    ("The Nikkei dropped 9.6% to reach a 20-year low.", "reach", False),  # where a moving quantity got to
]


@pytest.mark.parametrize(("text", "word", "decides"), JUDGED_CASES)
def test_what_the_judge_decides_for(nlp, text, word, decides):
    token = next(t for t in nlp(text) if t.text == word)
    assert hedge_judged(token, rule_factuality(token)) is decides


def test_cross_validation_learns_a_separable_hedge():
    # "hedge" marks the hedged examples: a judge fitted on four folds finds them in the fifth.
    examples = [Example(i, ("pos=VERB", "hedge" if i % 3 == 0 else "plain"), "hedged" if i % 3 == 0 else "CT+", "CT+", judged=True) for i in range(60)]
    result = cross_validate(examples, c=1.0, threshold=0.5)
    assert result["pooled"]["hedged_f1"] == 100.0 and result["rules"]["hedged_f1"] == 0.0
    assert fit([(list(e.features), e.gold == "hedged") for e in examples], c=1.0, threshold=0.5).threshold == 0.5
