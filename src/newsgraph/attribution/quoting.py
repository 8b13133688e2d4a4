"""Attribution content and quotation marks: quotations next to a cue, content widened to
the quotations it cuts into, a draft's type (direct, mixed, indirect), and paragraphs that
only continue the previous speaker's quotation."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Span as CharSpan
from ..nlp import sentence_of, text_of
from ..quotation_marks import QuotedSpan
from .draft import AttributionDraft
from .spans import trim


def adjacent_quotes(doc: Doc, verb: Token, quotes: list[QuotedSpan]) -> list[CharSpan]:
    """Quotations in the cue's sentence, or right before it ("'...,' he said.")."""
    sent = sentence_of(verb)
    found = [q.span for q in quotes if not q.single and q.start >= sent.start_char - 1 and q.end <= sent.end_char + 1]
    # A quotation opened in an earlier sentence and closed before the cue ('... consciousness,"
    # said Caddell'), or opened after the cue and running on ('said: "Did ...? ..."').
    found += [
        q.span
        for q in quotes
        if not q.single and q.span not in found and (
            (q.start < sent.start_char <= q.end <= verb.idx and "\n" not in text_of(doc)[q.start : sent.start_char])
            or (verb.idx < q.start < sent.end_char and q.end > sent.end_char)
        )
    ]
    if not found and len(sent) <= 8:
        # '"We will win," he said.' split into two sentences: the quote just before, in the
        # same paragraph.
        found = [q.span for q in quotes if not q.single and 0 <= sent.start_char - q.end <= 3 and "\n" not in text_of(doc)[q.end : sent.start_char]]
    # Short quoted words inside a sentence are scare quotes or titles, not speech, unless the
    # quote closes on its own punctuation ('"Okay," I said').
    return [span for span in found if len(text_of(doc)[span[0] : span[1]].split()) > 3 or text_of(doc)[span[1] - 1 : span[1]] in {",", ".", "?", "!"}]


def snap_to_quotes(text: str, content: list[CharSpan], quotes: list[QuotedSpan]) -> list[CharSpan]:
    """Widen content spans that cut into a quotation to cover it, and merge overlaps."""
    spans = []
    for start, end in content:
        for quote in quotes:
            if quote.single or len(text[quote.start : quote.end].split()) <= 3:
                continue
            if quote.start < end and start < quote.end:
                start, end = min(start, quote.start), max(end, quote.end)
        spans.append(trim(text, (start, end)))
    spans.sort()
    merged: list[CharSpan] = []
    for span in spans:
        if merged and span[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
        else:
            merged.append(span)
    return [s for s in merged if s[1] - s[0] > 1]


def quote_type(content: list[CharSpan], quotes: list[QuotedSpan]) -> str:
    quoted = 0
    total = 0
    for start, end in content:
        total += end - start
        for quote in quotes:
            if quote.single:
                continue
            overlap = min(end, quote.end) - max(start, quote.start)
            if overlap > 0:
                quoted += overlap
    if total == 0 or quoted == 0:
        return "indirect"
    return "direct" if quoted >= 0.9 * total else "mixed"


def continue_quotes(doc: Doc, drafts: list[AttributionDraft], quotes: list[QuotedSpan]) -> None:
    """A paragraph that is only a quotation keeps the speaker of the previous direct quote."""
    covered = [span for d in drafts for span in d.content]
    text = text_of(doc)
    for quote in quotes:
        if quote.single or any(s <= quote.start and quote.end <= e for s, e in covered):
            continue
        previous = [d for d in drafts if d.content and d.content[-1][1] <= quote.start and d.type in {"direct", "mixed"}]
        if not previous:
            continue
        last = previous[-1]
        line_start = text.rfind("\n", 0, quote.start) + 1
        between = text[last.content[-1][1] : quote.start]
        same_paragraph = "\n" not in between
        if not same_paragraph and text[line_start : quote.start - 1].strip():
            continue  # the quote neither follows in the paragraph nor opens the next one
        if between.count("\n\n") > 1 or len(between) > 400:
            continue
        if any(d.cue[0] > last.cue[0] and d.cue[0] < quote.start for d in drafts):
            continue
        last.content.append(quote.span)
