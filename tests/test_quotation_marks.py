"""Pairing quotation marks into spans."""

from __future__ import annotations

import pytest

from newsgraph.quotation_marks import find_quoted_spans


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said: "We will win."', ["We will win."]),
        ("She called it “a disgrace” and left.", ["a disgrace"]),
        ("Israel's army and Ma'an's reporters met.", []),
        ("The movements' plans were 'unclear', they said.", ["unclear"]),
        ("‘Fake’ news, he wrote.", ["Fake"]),
        ('"First part," he said, "second part."', ["First part,", "second part."]),
        ('"An unclosed quote at the end', ["An unclosed quote at the end"]),
        # Two apostrophes are one double mark (New York Times style), with single quotes inside.
        ("''We will win,'' he said. ''It is 'over' now.''", ["We will win,", "It is 'over' now.", "over"]),
        ("Israel''s army", []),
    ],
)
def test_quote_spans(text, expected):
    assert [text[q.start : q.end] for q in find_quoted_spans(text)] == expected


def test_quote_continues_into_next_paragraph():
    text = '"We are protecting the corridors.\n\n"Any delay is caused by the militia," he said.'
    quotes = find_quoted_spans(text)
    assert [text[q.start : q.end] for q in quotes] == ["We are protecting the corridors.", "Any delay is caused by the militia,"]
    assert quotes[0].group == quotes[1].group


def test_thousands_of_quote_marks_stay_linear():
    text = '"a" ' * 5000
    assert len(find_quoted_spans(text)) == 5000
