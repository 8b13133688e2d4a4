"""Quotation marks: pair them into quoted spans, across paragraphs where journalism does.

A paragraph that ends inside a quotation and is followed by a paragraph opening with a
quotation mark continues the same quotation (the closing mark is omitted by convention).
Apostrophes inside words (Ma'an, Israel's) and plural possessives (movements') are not quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuotedSpan", "find_quoted_spans"]

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_DOUBLE_STRAIGHT = '"'
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_SINGLE_STRAIGHT = "'"


@dataclass(frozen=True)
class QuotedSpan:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    group: int  # quotes continued across paragraphs share a group
    single: bool = False  # single quotation marks (headlines, scare quotes)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


_TWO_APOSTROPHES = "''"
# What the pairing loop stops at; every other character is neither a mark nor a break.
_STOPS = {
    single: re.compile("[\n" + re.escape(marks) + "]")
    for single, marks in (
        (False, _DOUBLE_OPEN + _DOUBLE_CLOSE + _DOUBLE_STRAIGHT + "'"),
        (True, _SINGLE_OPEN + _SINGLE_CLOSE + _SINGLE_STRAIGHT),
    )
}


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    quotes = _pair(text, single=False)
    # Two apostrophes are one double mark (the New York Times' ''...'' style), never two
    # single ones; blanked for the single-mark pass (same length, so offsets hold).
    quotes += _pair(text.replace(_TWO_APOSTROPHES, "  "), single=True)
    return sorted(quotes, key=lambda q: q.start)


def _width(text: str, i: int, single: bool) -> int:
    """How many characters the mark at ``i`` takes: 2 for a double mark written ''."""
    return 2 if not single and text.startswith(_TWO_APOSTROPHES, i) and _is_mark(text, i, single) else 1


def _is_mark(text: str, i: int, single: bool) -> str | None:
    """'open', 'close', 'either' or None for the character at ``i``."""
    ch = text[i]
    if not single:
        if text.startswith(_TWO_APOSTROPHES, i):
            inside_word = i > 0 and text[i - 1].isalnum() and text[i + 2 : i + 3].isalnum()
            return None if inside_word else "either"
        if ch in _DOUBLE_OPEN:
            return "open"
        if ch in _DOUBLE_CLOSE:
            return "close"
        return "either" if ch == _DOUBLE_STRAIGHT else None
    if ch not in _SINGLE_OPEN + _SINGLE_CLOSE + _SINGLE_STRAIGHT:
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word
    if ch == _SINGLE_OPEN:
        return "open"
    if not before.isalnum() and after.isalnum():
        return "open"
    if (before.isalnum() or before in ".,!?") and not after.isalnum():
        return "close"
    return None


def _pair(text: str, single: bool) -> list[QuotedSpan]:
    quotes: list[QuotedSpan] = []
    open_at: int | None = None
    group = 0
    n = len(text)
    stops = _STOPS[single]
    following = stops.search(text)
    i = following.start() if following else n
    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None:
            para_end = i
            j = i
            while j < n and text[j] in " \t\r\n\u00a0":
                j += 1
            if j < n and "\n" in text[i:j] and _is_mark(text, j, single) in {"open", "either"}:
                # Paragraph ended inside a quote and the next one reopens it: same quotation.
                if para_end > open_at:
                    quotes.append(QuotedSpan(open_at, para_end, group, single))
                open_at = j + _width(text, j, single)
                i = open_at
                continue
            if "\n" in text[i:j] and j > i + 1 or single:
                # An unclosed quote at a paragraph break: close it there.
                if para_end > open_at:
                    quotes.append(QuotedSpan(open_at, para_end, group, single))
                open_at = None
                group += 1
            i += 1
            continue
        kind = _is_mark(text, i, single)
        if kind is None:
            following = stops.search(text, i + 1)
            i = following.start() if following else n
            continue
        width = _width(text, i, single)
        if open_at is None:
            if kind in {"open", "either"}:
                open_at = i + width
        elif kind in {"close", "either"}:
            if i > open_at:
                quotes.append(QuotedSpan(open_at, i, group, single))
            open_at = None
            group += 1
        elif kind == "open" and single:
            open_at = i + width
        i += width
    if open_at is not None and n > open_at and not single:
        quotes.append(QuotedSpan(open_at, n, group, single))
    return quotes
