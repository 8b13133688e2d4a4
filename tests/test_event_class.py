"""The learned event-class model: code classes, scoring, fitting, and the field on events."""

from __future__ import annotations

import math

import pytest

from newsgraph.event_class import QUAD_CLASSES, EventClassModel, code_class, features, fit


@pytest.mark.parametrize(
    "code, expected",
    [("010", 0), ("0214", 0), ("036", 1), ("057", 1), ("0874", 2), ("070", 2), ("112", 3), ("163", 3),
     ("145", 4), ("190", 4), ("202", 4), ("", None), (None, None), ("---", None), ("904", None)],
)
def test_code_class(code, expected):
    assert code_class(code) == expected


def test_probabilities_are_a_distribution_and_follow_the_weights():
    model = EventClassModel({"w=attack": (0, 0, 0, 0, 3.0), "w=aid": (0, 0, 2.0, 0, 0)}, (0.1, 0, 0, 0, 0))
    probs = model.probabilities(["w=attack", "unseen"])
    assert math.isclose(sum(probs), 1.0)
    assert model.predict(["w=attack"]) == 4
    assert model.predict(["w=aid"]) == 2
    assert model.predict([]) == 0  # only the intercepts speak


def test_model_round_trips_through_its_dict():
    model = EventClassModel({"w=talks": (0.5, 1.0, 0.0, -0.5, -1.0)}, (0, 0, 0, 0, 0))
    assert EventClassModel.from_dict(model.to_dict()) == model


def test_fit_learns_a_separable_toy_problem():
    words = ["statement", "meet", "aid", "accuse", "attack"]
    examples = [([f"w={w}", f"x={i % 3}"], k) for k, w in enumerate(words) for i in range(6)]
    model = fit(examples, min_count=1)
    assert [model.predict([f"w={w}"]) for w in words] == [0, 1, 2, 3, 4]


def test_features_of_sentence_and_trigger(nlp):
    doc = nlp("Iraqi troops launched an assault on the town.")
    trigger = doc[2]
    feats = features(doc[:], trigger, "190")
    assert {"w=assault", "v=launch", "v+o=launch_assault", "trigger=launch", "code.root=19", "code.class=4"} <= set(feats)
    assert "trigger=none" in features(doc[:])


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("Iraqi troops launched an assault on Mosul.", "assault", "material conflict"),
        ("Japan sent humanitarian aid to Syria.", "sent", "material cooperation"),
    ],
)
def test_events_carry_a_quad_class(analyze_text, text, trigger, expected):
    event = next(e for e in analyze_text(text).events if e.text == trigger)
    assert QUAD_CLASSES[event.quad_class] == expected
