"""Deeply nested quotations: the shortcuts that keep their analysis from growing as n^2 give
what the plain definitions give."""

from __future__ import annotations

import pytest

from newsgraph.attribution.spans import subtree_span, trim
from newsgraph.attribution.verb_cue import cut_citing
from newsgraph.nlp import text_of
from newsgraph.words.attribution import CITING_VERBS


def nested_quotes(depth: int) -> str:
    """Speakers quoting speakers ``depth`` deep, with alternating quotation marks."""
    names = ["Egypt's minister", "the Turkish envoy", "an Iranian official", "Iraqi police"]
    marks = ['"', "'"]
    head = "".join(f"{names[i % 4]} said that {i} {marks[i % 2]}" for i in range(depth))
    tail = "".join(f"{marks[i % 2]}, he added" for i in reversed(range(depth)))
    return head + "the troops attacked the town" + tail + "."


TEXTS = [
    nested_quotes(12),
    nested_quotes(6) + ' Reuters said the talks failed, citing "officials" who said "Iran, citing \'sources\', warned Iraq".',
    "The ministry said the army withdrew, citing security concerns, and Egypt said, citing a report, that Iran, citing its envoy, had agreed.",
]


def _cut_citing_by_walking(doc, span, clause):
    """The definition: the first citing verb of the clause's subtree after the span's start."""
    for token in clause.subtree:
        if token.dep_ == "advcl" and token.lemma_.lower() in CITING_VERBS and token.idx > span[0]:
            return trim(text_of(doc), (span[0], min(span[1], subtree_span(token)[0])))
    return span


@pytest.mark.parametrize("text", TEXTS, ids=["nested", "nested+citing", "citing"])
def test_cut_citing_is_the_subtree_walk(nlp, text):
    doc = nlp(text)
    compared = 0
    for clause in doc:
        for start in sorted({0, clause.left_edge.idx, clause.idx, len(text) // 2}):
            span = (start, subtree_span(clause)[1])
            assert cut_citing(doc, span, clause) == _cut_citing_by_walking(doc, span, clause), (clause.text, span)
            compared += 1
    assert compared > len(doc)


def test_the_texts_have_citing_verbs(nlp):
    """Else the comparison above would only ever see the uncut span."""
    found = [sum(t.dep_ == "advcl" and t.lemma_.lower() in CITING_VERBS for t in nlp(text)) for text in TEXTS]
    assert found[0] == 0 and found[1] >= 1 and found[2] >= 2, found


def test_nested_quotes_report_is_the_same_each_time(nlp):
    """The caches kept on a doc do not leak into another analysis of the same text."""
    import newsgraph

    first, second = (newsgraph.analyze(TEXTS[1], check_language=False) for _ in range(2))
    assert first.to_dict() == second.to_dict()
    assert first.attributions
