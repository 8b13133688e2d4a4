"""Helpers every rule layer asks of a parsed ``Doc``: cached text and sentences, entities
from IOB tags, a verb's clause dependents. Imports nothing from newsgraph, so any layer may
use it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import AbstractSet, Optional, Sequence

from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Span

__all__ = [
    "SUBJECT_DEPS", "Opening", "clause_children", "entity_of", "marked_by", "openings", "sentence_of", "span_text", "text_of", "word_positions",
]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def clause_children(verb, deps: Optional[AbstractSet[str]] = None) -> list:
    """A verb's dependents plus those the small parser hung on its auxiliaries ("Egypt"
    under "are" in "Egypt and Qatar are mediating"); ``deps`` filters the latter."""
    children = list(verb.children)
    for aux in [c for c in children if c.dep_ in {"aux", "auxpass"}]:
        children += [c for c in aux.children if deps is None or c.dep_ in deps]
    return children


def marked_by(clause, words: AbstractSet[str]) -> bool:
    """Whether a clause is introduced by one of ``words`` as its subordinator ("that",
    "if", "whether", ...)."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in clause.children)


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token on each access."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` sliced from the cached document text (``Span.text`` joins its tokens)."""
    return text_of(span.doc)[span.start_char : span.end_char]


def word_positions(doc: Doc, lowers: AbstractSet[str] = frozenset(), lemmas: AbstractSet[str] = frozenset()) -> list[int]:
    """Indices, in order, of the tokens whose lower-case form is in ``lowers`` or whose
    lower-cased lemma is in ``lemmas``: a rule that looks for a few words asks this instead
    of walking the document, which builds a ``Token`` for every word on every walk."""
    cache = doc.user_data.get("newsgraph_words")
    if cache is None or cache[0] != len(doc):
        array = doc.to_array([LOWER, LEMMA])
        strings = doc.vocab.strings
        forms, stems = array[:, 0].tolist(), array[:, 1].tolist()
        cache = (len(doc), forms, stems, {i: strings[i] for i in set(forms)}, {i: strings[i].lower() for i in set(stems)})
        doc.user_data["newsgraph_words"] = cache
    _, forms, stems, form_of, stem_of = cache
    wanted_forms = {i for i, form in form_of.items() if form in lowers}
    wanted_stems = {i for i, stem in stem_of.items() if stem in lemmas}
    return [n for n, (form, stem) in enumerate(zip(forms, stems)) if form in wanted_forms or stem in wanted_stems]


@dataclass(frozen=True)
class Opening:
    """The tokens a rule can start from: any whose coarse part of speech is in ``pos``, whose
    fine tag is in ``tags``, whose lower-case form is in ``lowers`` or holds a character of
    ``chars``. A necessary condition of the rule, so that a layer asks each rule
    only at the tokens it can fire on, instead of building every ``Token`` for every rule."""

    pos: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    lowers: frozenset[str] = frozenset()
    chars: str = ""


def openings(doc: Doc, rules: Sequence[Opening]) -> dict[int, tuple[int, ...]]:
    """For each token at least one rule can open on, the indices (in ``rules`` order) of those
    rules. Read from the parse's arrays and decided once per distinct (part of speech, tag,
    form), not once per token (and remembered across documents)."""
    strings = doc.vocab.strings
    decided = _DECIDED.setdefault(tuple(rules), {})
    if len(decided) > _DECIDED_MAX:
        decided.clear()
    found: dict[int, tuple[int, ...]] = {}
    for i, (pos, tag, lower) in enumerate(doc.to_array([POS, TAG, LOWER]).tolist()):
        key = (pos, tag, lower)
        admitting = decided.get(key)
        if admitting is None:
            admitting = decided[key] = _admitting(rules, strings[pos], strings[tag], strings[lower])
        if admitting:
            found[i] = admitting
    return found


# What each rule set admits, per distinct (part of speech, tag, form), kept across documents:
# the rules are fixed and the words of news repeat. Cleared when it grows past the cap, so a
# long ingest's memory stays flat. The keys are spaCy's string hashes, the same in any vocab.
_DECIDED: dict[tuple[Opening, ...], dict[tuple[int, int, int], tuple[int, ...]]] = {}
_DECIDED_MAX = 200_000


def _admitting(rules: Sequence[Opening], pos: str, tag: str, form: str) -> tuple[int, ...]:
    return tuple(
        n
        for n, rule in enumerate(rules)
        if pos in rule.pos or tag in rule.tags or form in rule.lowers or any(ch in form for ch in rule.chars)
    )


def sentence_of(token) -> "Span":
    """``token.sent`` in O(log n): spaCy's walks the document on every call, and the rule
    layers ask for it thousands of times per article."""
    doc = token.doc
    cache = doc.user_data.get("newsgraph_sentences")
    if cache is None or cache[0] != len(doc):
        sentences = list(doc.sents)
        cache = (len(doc), sentences, [s.start for s in sentences])
        doc.user_data["newsgraph_sentences"] = cache
    _, sentences, starts = cache
    return sentences[bisect.bisect_right(starts, token.i) - 1]


def entity_of(token) -> Optional[Span]:
    """The named entity ``token`` is part of, or None. Read from the token's own IOB tags:
    ``doc.ents`` builds a span for every entity of the document on each access."""
    if not token.ent_iob_ or token.ent_iob_ == "O":
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type, kb_id=token.ent_kb_id)
