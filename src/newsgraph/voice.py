"""Author voice: what the article asserts itself, and how it frames it.

Reads the parse, quotations, attribution contents and events; returns a ``Voice``:

- ``author_sentences``: sentences outside every attribution (cue, source and content);
- ``markers``: loaded terms (Recasens et al. bias lexicon), scare quotes (short quotations
  that no cue introduces), direct address of the reader (second person, vocatives,
  imperatives), irony and distancing adverbs, relational epithets ("ISIS-allied Hamas")
  and rhetorical framing;
- ``drift``: a relation the article first attributes to a source and later states in its
  own voice — the attributed event and the author-voice event share actors and CAMEO
  root class.
"""

from __future__ import annotations

import bisect
from itertools import accumulate
from typing import Callable, Iterable, Optional, Sequence

from spacy.attrs import TAG
from spacy.tokens import Doc

from .model import Drift, Event, Span, Voice, VoiceMarker
from .nlp import span_text, text_of, word_positions
from .quotation_marks import QuotedSpan
from .words.lexicon import lexicon
from .words.voice import CHARGED_TERMS, IRONY_MARKERS, NEUTRAL_IN_NEWS, RHETORICAL_FRAMES

__all__ = ["SpanIndex", "analyze_voice"]


def analyze_voice(
    doc: Doc,
    quotes: Sequence[QuotedSpan],
    attributed: Sequence[Span],
    quoted_by_cue: Sequence[Span],
    events: Sequence[Event],
    describe: Callable[[Event], str],
) -> Voice:
    """``attributed``: every span that belongs to an attribution (cues, sources, contents)."""
    text = text_of(doc)
    covered = SpanIndex(attributed)
    author = [
        (s.start_char, s.end_char)
        for s in doc.sents
        if any(t.is_alpha for t in s) and not covered.overlaps((s.start_char, s.end_char))
    ]
    author = [_strip(text, span) for span in author]
    markers: list[VoiceMarker] = []
    markers += _scare_quotes(text, quotes, quoted_by_cue)
    markers += _loaded_terms(doc, covered)
    markers += _direct_address(doc, covered)
    markers += _irony_and_rhetoric(doc, covered)
    markers += _epithets(text, events, covered)
    markers = sorted({(m.span, m.type): m for m in markers}.values(), key=lambda m: (m.span, m.type))
    return Voice(author_sentences=tuple(author), markers=tuple(markers), drift=tuple(find_drift(events, describe)))


class SpanIndex:
    """Character spans, asked many times whether one of them holds or overlaps a span: sorted
    by start, with the furthest end reached so far, each question is a binary search rather
    than a pass over every attribution's spans."""

    def __init__(self, spans: Iterable[Span]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def _reach_before(self, position: int, *, inclusive: bool) -> Optional[int]:
        """The furthest end of the spans starting before ``position`` (or at it)."""
        count = (bisect.bisect_right if inclusive else bisect.bisect_left)(self._starts, position)
        return self._reach[count - 1] if count else None

    def overlaps(self, span: Span) -> bool:
        """Whether some span shares a character with ``span``."""
        reach = self._reach_before(span[1], inclusive=False)
        return reach is not None and reach > span[0]

    def holds(self, span: Span) -> bool:
        """Whether some span holds all of ``span``."""
        reach = self._reach_before(span[0], inclusive=True)
        return reach is not None and reach >= span[1]


def _overlaps_any(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _strip(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def _scare_quotes(text: str, quotes: Sequence[QuotedSpan], quoted_by_cue: Sequence[Span]) -> list[VoiceMarker]:
    out = []
    for quote in quotes:
        words = text[quote.start : quote.end].split()
        if not 1 <= len(words) <= 4 or _overlaps_any(quote.span, quoted_by_cue) and not quote.single:
            continue
        if text[quote.start : quote.end].rstrip().endswith((".", "!", "?")):
            continue  # a short full sentence is a quotation, not a scare quote
        out.append(VoiceMarker("scare_quotes", (quote.start - 1, quote.end + 1), text[quote.start - 1 : quote.end + 1]))
    return out


def _loaded_terms(doc: Doc, attributed: SpanIndex) -> list[VoiceMarker]:
    """Charged words in the author's own sentences.

    The Recasens et al. lexicon lists every lemma that Wikipedia editors changed for
    neutrality, most of them ordinary nouns and verbs ("addition", "use"); only its
    adjectives are reliable signals on their own. Charged nouns and verbs come from a
    short curated list of conflict-reporting vocabulary.
    """
    lex = lexicon()
    out = []
    for token in (doc[i] for i in word_positions(doc, lowers=CHARGED_TERMS, lemmas=CHARGED_TERMS | lex.loaded_terms)):
        lemma = token.lemma_.lower()
        if token.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}:
            continue
        charged = lemma in CHARGED_TERMS or token.lower_ in CHARGED_TERMS
        biased_adjective = token.pos_ == "ADJ" and lemma in lex.loaded_terms and lemma not in NEUTRAL_IN_NEWS
        if not (charged or biased_adjective):
            continue
        span = (token.idx, token.idx + len(token))
        if attributed.holds(span):
            continue  # a source's wording is the source's, not the author's
        out.append(VoiceMarker("loaded_term", span, token.text))
    return out


def _direct_address(doc: Doc, attributed: SpanIndex) -> list[VoiceMarker]:
    lex = lexicon()
    out = []
    # Only the words that can address the reader, and base-form verbs, are built as tokens.
    addressing = word_positions(doc, lowers=lex.reader_address)
    base_verb = doc.vocab.strings["VB"]
    base_verbs = [i for i, tag in enumerate(doc.to_array(TAG).tolist()) if tag == base_verb]
    for sent in doc.sents:
        span = (sent.start_char, sent.end_char)
        you = [doc[i] for i in addressing if sent.start <= i < sent.end]
        imperative = _imperative(sent, [doc[i] for i in base_verbs if sent.start <= i < sent.end])
        if (you or imperative is not None) and not attributed.holds((you[0].idx, you[0].idx + 1) if you else span):
            if imperative is not None:
                start = _vocative_start(sent, imperative)
                end = imperative.right_edge.idx + len(imperative.right_edge)
                out.append(VoiceMarker("direct_address", (start, end), text_of(doc)[start:end]))
            else:
                token = you[0]
                out.append(VoiceMarker("direct_address", (token.idx, token.idx + len(token)), token.text))
    return out


def _imperative(sent, base_verbs: list) -> Optional[object]:
    """A base-form verb (of ``base_verbs``, the sentence's) with no subject that opens its
    clause: "take note", "remember"."""
    for token in base_verbs:
        if token.dep_ not in {"ROOT", "dep", "ccomp", "parataxis"}:
            continue
        if any(c.dep_ in {"nsubjpass", "aux", "mark"} for c in token.children):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects and not all(_vocative(s, token) for s in subjects):
            continue
        previous = [t for t in sent if t.i < token.i and not t.is_space]
        if previous and previous[-1].text not in {",", ":", "—", "-"} and previous[-1].i != sent.start:
            continue
        if previous and previous[-1].lower_ in {"to"}:
            continue
        return token
    return None


def _vocative(subject, verb) -> bool:
    """"supporters, take note": a comma between a "subject" and a base-form verb marks address."""
    before_verb = [t for t in subject.doc[subject.i + 1 : verb.i] if not t.is_space]
    return bool(before_verb) and before_verb[-1].text == "," and subject.i < verb.i


def _vocative_start(sent, verb) -> int:
    """Start of "'Two-state solution' supporters, take note": the addressed phrase if any."""
    before = [t for t in sent if t.i < verb.i and not t.is_space]
    if before and before[-1].text == ",":
        return before[0].idx
    return verb.idx


def _irony_and_rhetoric(doc: Doc, attributed: SpanIndex) -> list[VoiceMarker]:
    out = []
    lowered = text_of(doc).lower()
    for token in (doc[i] for i in word_positions(doc, lowers=IRONY_MARKERS)):
        if token.lower_ in IRONY_MARKERS:
            span = (token.idx, token.idx + len(token))
            if not attributed.holds(span):
                out.append(VoiceMarker("irony", span, token.text))
    for frame in RHETORICAL_FRAMES:
        start = lowered.find(frame)
        while start >= 0:
            span = (start, start + len(frame))
            before = lowered[start - 1] if start else " "
            if not before.isalnum() and not attributed.holds(span):
                out.append(VoiceMarker("rhetorical", span, text_of(doc)[span[0] : span[1]]))
            start = lowered.find(frame, start + 1)
    for sent in doc.sents:
        stripped = span_text(sent).rstrip()
        span = (sent.start_char, sent.start_char + len(stripped))
        if stripped.endswith("?") and not attributed.overlaps(span):
            out.append(VoiceMarker("rhetorical", span, stripped))
    return out


def _epithets(text: str, events: Sequence[Event], attributed: SpanIndex) -> list[VoiceMarker]:
    out = []
    for event in events:
        if event.confidence and event.text and "-" in event.text and event.attribution is None:
            if not attributed.holds(event.trigger):
                out.append(VoiceMarker("epithet", event.trigger, text[event.trigger[0] : event.trigger[1]]))
    return out


def find_drift(events: Sequence[Event], describe: Callable[[Event], str]) -> list[Drift]:
    """Author-voice events that restate a relation an earlier attribution reported."""
    drift = []
    attributed = [e for e in events if e.attribution is not None]
    for asserted in events:
        if asserted.attribution is not None:
            continue
        actors = set(asserted.sources) | set(asserted.targets)
        if len(actors) < 2:
            continue
        for earlier in attributed:
            if earlier.trigger[0] >= asserted.trigger[0]:
                continue
            if not actors <= set(earlier.sources) | set(earlier.targets):
                continue
            if _cooperative(earlier.cameo) != _cooperative(asserted.cameo):
                continue
            if earlier.factuality.polarity != "positive":
                continue
            drift.append(
                Drift(
                    claim=describe(asserted),
                    attributed_span=earlier.sentence,
                    asserted_span=asserted.trigger,
                    attribution=earlier.attribution,
                )
            )
            break
    return drift


def _cooperative(code: str) -> bool:
    """CAMEO roots 01-08 are cooperation (verbal or material), 09-20 conflict."""
    return code[:2].isdigit() and int(code[:2]) <= 8
