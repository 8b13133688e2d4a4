"""Sentences the parser left without a verbal root get their finite verb back (``rootless``)."""

from __future__ import annotations

import pytest


def _parse(nlp, text: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.dep_, t.head.text) for t in nlp(text)}


@pytest.mark.parametrize(
    "text, verb, subject",
    [
        # the name is the root and the finite verb its modifier (acl) in the bare parse
        ("Donald Trump called Wednesday for Justice Ruth Bader Ginsburg to resign.", "called", "Trump"),
        # a speaker label before the sentence stays attached, to the verb
        ("JAKE TAPPER: Donald Trump released a video on Friday.", "released", "Trump"),
    ],
)
def test_a_finite_verb_hung_from_a_name_becomes_the_root(nlp, text, verb, subject):
    parse = _parse(nlp, text)
    assert parse[verb] == ("ROOT", verb)
    assert parse[subject] == ("nsubj", verb)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a participle modifying a noun is a modifier: the sentence has its own verb
        ("Jerome also founded Henry Realty, a firm focused on real estate.", "focused", ("acl", "firm")),
        ("Hillary Clinton won the primary.", "won", ("ROOT", "won")),
    ],
)
def test_sentences_with_a_verbal_root_are_left_alone(nlp, text, word, expected):
    assert _parse(nlp, text)[word] == expected
