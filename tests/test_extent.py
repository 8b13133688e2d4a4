"""The learned extent of a side's noun phrase: candidates, choice, fitting, the shipped model,
and the cross-validated scorer's folds and miss causes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsgraph.evaluation.conflibert_ner import FOLDS, fold_models, miss_cause, sentence_folds
from newsgraph.events import extent
from newsgraph.events.arguments import phrase_span, rule_span


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def _texts(doc, found):
    return {doc[a:b].text for (a, b), _ in found}


@pytest.mark.parametrize(
    "text, word, held, not_held",
    [
        # the whole noun phrase, its parts, and without its determiner
        ("A car bomb in Kiev killed a man.", "bomb", {"bomb", "car bomb", "A car bomb", "A car bomb in Kiev", "car bomb in Kiev"}, set()),
        # a possessor is not what it owns, and leaves its "'s" to it
        ("A court rejected the Croatian government's request.", "government", {"the Croatian government"}, {"the Croatian government's request", "the Croatian government's"}),
        # a closing bracket the parser hung elsewhere
        ("The Nigerian Air Force (NAF) says it has killed several fighters.", "Force", {"The Nigerian Air Force (NAF)"}, set()),
        # members of a list are phrases of their own
        ("Canada and Costa Rica agreed on a trade deal.", "Rica", {"Costa Rica"}, {"Canada and Costa Rica"}),
        ("Canada and Costa Rica agreed on a trade deal.", "Canada", {"Canada"}, {"Canada and Costa Rica"}),
        # a bigger phrase naming the same party: the object of "of", "from"; the modifier
        ("Troops killed dozens of Islamic State fighters.", "fighters", {"Islamic State fighters", "dozens of Islamic State fighters"}, set()),
        ("Envoys from Egypt met Israel.", "Egypt", {"Egypt", "Envoys from Egypt"}, set()),
        ("Hamas fighters attacked the town.", "Hamas", {"Hamas", "Hamas fighters"}, set()),
        # a place is not who is in it
        ("Troops killed 75 people in eastern Syria.", "Syria", {"eastern Syria"}, {"75 people in eastern Syria"}),
        # a pronoun is itself
        ("She condemned the attack.", "She", {"She"}, set()),
    ],
)
def test_candidates_hold_the_extents_coders_mark(nlp, text, word, held, not_held):
    doc = nlp(text)
    noun = _token(doc, word)
    found = extent.candidates(noun)
    assert held <= _texts(doc, found)
    assert not not_held & _texts(doc, found)
    assert all(a <= noun.i < b for (a, b), _ in found)  # every candidate names the noun


@pytest.mark.parametrize(
    "text, word, rule, weights, expected",
    [
        # no evidence: the rule span's feature decides
        ("Yesterday a car bomb in the market killed a man.", "bomb", "a car bomb in the market", {}, "a car bomb in the market"),
        ("Yesterday a car bomb in the market killed a man.", "bomb", "a car bomb in the market", {"Rcut=prep=in": 3.0, "L+det=a": 1.0}, "a car bomb"),
        ("Yesterday a car bomb in the market killed a man.", "bomb", "a car bomb in the market",
         {"R+prep=in": 3.0, "L-det=a": 3.0, "L+compound": 1.0}, "car bomb in the market"),
        # a stand-in keeps the name saying whom it stands for, whatever the weights
        ("Yesterday envoys from Egypt met Israel.", "envoys", "envoys from Egypt", {"Rcut=prep=from": 9.0}, "envoys from Egypt"),
        # a name may lose what follows it
        ("Egypt of all countries condemned Israel.", "Egypt", "Egypt of all countries", {"Rcut=prep=of": 9.0}, "Egypt"),
        ("Egypt of all countries condemned Israel.", "Egypt", "Egypt of all countries", {}, "Egypt of all countries"),
    ],
)
def test_choice_follows_the_model(nlp, text, word, rule, weights, expected):
    doc = nlp(text)
    noun = _token(doc, word)
    start = text.index(rule)
    model = extent.ExtentModel({"rule": 2.0, **weights}, 0.0)
    with extent.using(model):
        a, b = extent.choose(noun, (start, start + len(rule)))
    assert text[a:b] == expected


def test_without_a_model_the_rule_span_stands(nlp):
    doc = nlp("The Croatian government's request was rejected by a Swiss court.")
    noun = _token(doc, "court")
    with extent.using(None):
        assert phrase_span(noun) == rule_span(noun)
    assert doc.text[slice(*rule_span(noun))] == "a Swiss court"


def test_shipped_model_loads_and_says_what_it_saw():
    from newsgraph.resources import catalogue_json

    model = extent.ExtentModel.packaged()
    assert model is not None and len(model.weights) > 50
    assert extent.ExtentModel.from_dict(model.to_dict()) == model
    data = catalogue_json(extent.MODEL)
    assert "cameo_ner_train" in data["trained_on"] and data["made_by"] == "scripts/train_extent.py"
    assert data["cross_validation"]["folds"] == FOLDS


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Nigerian Air Force (NAF) says it has killed several Boko Haram terrorists.", "Force", "Nigerian Air Force (NAF)"),
        ("A Swiss court rejected the request.", "court", "A Swiss court"),
        ("She condemned the attack.", "She", "She"),
    ],
)
def test_shipped_model_marks_plain_phrases(nlp, text, word, expected):
    doc = nlp(text)
    a, b = phrase_span(_token(doc, word))
    assert text[a:b] == expected


def test_fit_learns_a_separable_toy_problem():
    groups = [[(["Rcut=prep=in", f"x={i}"], True), (["R+prep=in", f"x={i}"], False)] for i in range(8)]
    model = extent.fit(groups, min_count=1)
    assert model.score(["Rcut=prep=in"]) > model.score(["R+prep=in"])


def test_gold_groups_label_the_marked_span(nlp):
    text = "Iraqi troops launched an assault on the town of Mosul."
    doc = nlp(text)
    start = text.index("the town")
    groups = extent.gold_groups(doc, [(start, start + len("the town of Mosul"))], rule_span)
    assert groups and all(sum(label for _, label in g) == 1 for g in groups)
    # from "town" and from the name "Mosul" that hangs on it
    assert len(groups) == 2


def test_folds_are_fixed_and_balanced():
    folds = sentence_folds(103)
    assert folds == sentence_folds(103)
    sizes = [folds.count(k) for k in range(FOLDS)]
    assert max(sizes) - min(sizes) <= 1


def test_too_few_sentences_keep_the_rule_span():
    models, reading = fold_models([[]] * 3, sentence_folds(3), FOLDS)
    assert models == {} and reading.startswith("rule span")


def _event(sources=(), targets=()):
    # what the scorer reads of an event: the spans of its sides
    return SimpleNamespace(source_spans=tuple(sources), target_spans=tuple(targets))


@pytest.mark.parametrize(
    "gold, side, chosen, others, reciprocal, expected",
    [
        ((0, 10), "source", _event(sources=[(2, 10)]), [], False, "extent"),
        ((0, 10), "target", _event(sources=[(0, 10)]), [], False, "wrong_side"),
        ((0, 10), "target", _event(sources=[(0, 10)]), [], True, "reciprocal"),
        ((0, 10), "target", _event(), [_event(targets=[(5, 8)])], False, "other_event"),
        ((0, 10), "target", _event(targets=[(20, 30)]), [], False, "unfound"),
        ((0, 10), "target", None, [], False, "no_event"),
    ],
)
def test_miss_causes(gold, side, chosen, others, reciprocal, expected):
    events = [e for e in [chosen, *others] if e is not None]
    assert miss_cause(gold, side, chosen, events, reciprocal=reciprocal) == expected
