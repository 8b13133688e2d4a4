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
        # the verb after an apposition's closing comma, read as the apposition's conjunct
        ("Keller, then a neighborhood patrol volunteer, shot and injured Tamika in June 2014.", "shot", "Keller"),
        ("Mendez, then a campus security volunteer, shot and wounded a student in 2009.", "shot", "Mendez"),
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
        # an apposition's conjunct that is a participle, not a finite verb, stays the noun's
        ("Keller, a guard hired and trained by the firm, in court on Monday.", "hired", ("acl", "guard")),
        # a verbless root, but the finite verb sits under another verb: a clause of that verb's
        ("That’s when she pointed to reports that Trump called the judge “a disgrace” as proof of his contempt for courts.", "called", ("acl", "reports")),
        ("The Clinton campaign plans to use Mr. Obama as much as possible in the final weeks, making use of him in areas of those states that Mr. Obama won easily in 2012.", "won", ("acl", "areas")),
        # the noun before the verb sits in a clause of its own, under another verb
        ("Trump charges that nations that stand to benefit from the deal donated millions of dollars to the Clinton Foundation.", "donated", ("acl", "charges")),
    ],
)
def test_sentences_with_a_verbal_root_are_left_alone(nlp, text, word, expected):
    assert _parse(nlp, text)[word] == expected
