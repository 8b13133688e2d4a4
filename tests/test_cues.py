"""The learned cue judge: features, the shipped weights, and its effect on attribution."""

from __future__ import annotations

import pytest

from newsgraph.actors import ActorCatalogue, resolve_actors
from newsgraph.attribution import find_attributions
from newsgraph.cues import CueModel, candidate, features, nominal
from newsgraph.quotation_marks import find_quoted_spans


def test_shipped_model_loads_and_records_its_training():
    from newsgraph.resources import catalogue_json

    model = CueModel.packaged()
    assert model is not None and model.weights
    assert 0 < model.keep_rule_above <= model.threshold < 1
    meta = catalogue_json("cue_model.json")
    assert "train" in meta["trained_on"] and "dev never read" in meta["trained_on"]
    assert meta["made_by"] == "scripts/train_cues.py"


def test_features_describe_the_frame(nlp):
    doc = nlp("The minister said that the army would withdraw.")
    said = doc[2]
    assert candidate(said)
    feats = features(said, rule_fired=True)
    assert {"lemma=say", "rule=1", "has=ccomp", "has=that_clause", "subj.pos=NOUN", "subj=source_noun"} <= set(feats)


@pytest.mark.parametrize("text", ["The minister said that the army would withdraw.", "Rebels say the town has fallen."])
def test_model_keeps_clear_cues(nlp, text):
    model = CueModel.packaged()
    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "say")
    assert model.probability(features(verb, rule_fired=True)) >= model.keep_rule_above


def test_rules_only_mode(nlp):
    doc = nlp("Hamas sources complained that Iran has not paid.")
    index = resolve_actors(doc, ActorCatalogue.packaged(nlp))
    drafts, _ = find_attributions(doc, index, find_quoted_spans(doc.text), model=None)
    assert [doc.text[d.cue[0] : d.cue[1]] for d in drafts] == ["complained"]


def test_probability_is_bounded():
    model = CueModel({"a": 100.0, "b": -100.0}, 0.5, 0.1)
    assert model.probability(["a"]) == pytest.approx(1.0)
    assert model.probability(["b"]) == pytest.approx(0.0)
    assert model.probability([]) == 0.5


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # No clause, infinitive or quotation: the content is what the verb governs.
        ("Clinton cast the vote as a defense of working families.", "cast", "the vote as a defense of working families"),
        ("Critics are pointing to the report.", "are pointing to", "the report"),
    ],
)
def test_model_cue_without_a_known_frame(nlp, text, cue, content):
    doc = nlp(text)
    index = resolve_actors(doc, ActorCatalogue.packaged(nlp))
    drafts, _ = find_attributions(doc, index, find_quoted_spans(doc.text))
    outermost = [(doc.text[d.cue[0] : d.cue[1]], [doc.text[s:e] for s, e in d.content]) for d in drafts if d.via is None]
    assert outermost == [(cue, [content])]


def test_bare_threshold_defaults_to_and_never_undercuts_threshold():
    assert CueModel({}, 0.4, 0.1).bare_threshold == 0.4
    assert CueModel({}, 0.4, 0.1, 0.2).bare_threshold == 0.4
    assert CueModel.from_dict({"weights": {}, "threshold": 0.3, "keep_rule_above": 0.1, "bare_threshold": 0.6}).bare_threshold == 0.6


@pytest.mark.parametrize(
    "text, word, is_candidate",
    [
        ("Turkey's refusal to acknowledge the atrocities angered Armenia.", "refusal", True),
        ("Critics renewed their calls for a ban.", "calls", True),
        ("The city of Paris reopened.", "city", True),  # judged by the model, which rejects it
        ("The city reopened.", "city", False),
    ],
)
def test_nouns_are_candidates_when_they_could_be_about_something(nlp, text, word, is_candidate):
    doc = nlp(text)
    noun = next(t for t in doc if t.text == word)
    assert candidate(noun) is is_candidate
    assert nominal(noun)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Obama's criticism of the plan was sharp.", ("Obama", "criticism of", ["the plan"])),
        ("His attacks on Clinton continued.", ("His", "attacks on", ["Clinton"])),
    ],
)
def test_noun_cue_takes_owner_and_content(nlp, text, expected):
    doc = nlp(text)
    index = resolve_actors(doc, ActorCatalogue.packaged(nlp))
    drafts, _ = find_attributions(doc, index, find_quoted_spans(doc.text))
    found = [(doc.text[d.source[0] : d.source[1]], doc.text[d.cue[0] : d.cue[1]], [doc.text[s:e] for s, e in d.content]) for d in drafts]
    assert found == [expected]
