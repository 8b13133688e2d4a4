"""The article page's segments: overlapping spans cut into pieces that give the text back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.model import Actor, Article, Report, Voice
from newsgraph.web.markup import chain_tree, segments

TEXT = "Egypt said Israel attacked Gaza."


def _report(actor_spans, author=()):
    actors = tuple(Actor(id=f"a{i}", name=TEXT[s:e], code=None, kind="country", mentions=((s, e),)) for i, (s, e) in enumerate(actor_spans))
    return Report(article=Article(text=TEXT), actors=actors, voice=Voice(author_sentences=tuple(author)))


@pytest.mark.parametrize(
    "actor_spans, author, expected",
    [
        ([], [], [(TEXT, ())]),
        ([(0, 5)], [], [("Egypt", ("actor actor-country",)), (TEXT[5:], ())]),
        (
            [(0, 5)],
            [(0, 10)],  # an actor inside an author sentence carries both marks
            [("Egypt", ("author-voice", "actor actor-country")), (" said", ("author-voice",)), (TEXT[10:], ())],
        ),
        ([(0, 5), (0, 5)], [], [("Egypt", ("actor actor-country",)), (TEXT[5:], ())]),  # one class once
        ([(40, 50)], [], [(TEXT, ())]),  # a span past the text is dropped, not cut
    ],
)
def test_segments_table(actor_spans, author, expected):
    assert [(s.text, s.classes) for s in segments(_report(actor_spans, author))] == expected


spans = st.tuples(st.integers(0, len(TEXT)), st.integers(0, len(TEXT))).map(sorted).filter(lambda p: p[0] < p[1])


@given(st.lists(spans, max_size=6), st.lists(spans, max_size=3))
def test_segments_give_the_text_back(actor_spans, author):
    pieces = segments(_report(actor_spans, author))
    assert "".join(p.text for p in pieces) == TEXT
    assert all(p.text for p in pieces)
    for piece in pieces:  # every piece is inside each span it is marked with
        for ref in piece.refs:
            start, end = actor_spans[int(ref.split(":a")[1])]
            assert start <= piece.start and piece.start + len(piece.text) <= end


def test_chain_tree_roots_every_chain_at_the_author(web_reports):
    tree = chain_tree(web_reports[2])
    assert tree["name"] == "author"
    mena = next(c for c in tree["children"] if c["name"] == "MENA")
    assert [c["name"] for c in mena["children"]] == ["intelligence sources"]
    assert mena["children"][0]["attributions"][0]["cue"] == "told"
