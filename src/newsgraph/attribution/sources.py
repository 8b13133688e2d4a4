"""What kind of source a draft names (named person or organisation, outlet, official,
anonymous, vague) and which actors it is, read from the actor index; and the name a source
takes in a chain."""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Token

from ..actors import ActorIndex, affiliation, resolve_pronoun
from ..words.actors import INSTITUTION_HEADS
from ..words.lexicon import lexicon
from .draft import AttributionDraft
from .spans import phrase
from .speakers import expletive

# Which actor named inside a source phrase says most about the source: an outlet or a person
# before an organisation, a country last.
_KIND_RANK = {"outlet": 0, "person": 1, "organization": 2, "group": 2, "agent": 3, "country": 4}


def classify_source(doc: Doc, draft: AttributionDraft, index: ActorIndex) -> None:
    """Sets the draft's ``source_kind`` and ``source_keys`` from its source head."""
    lex = lexicon()
    head = _antecedent(draft.source_head)
    if head is None:
        draft.source_kind = "vague"
        return
    keys = index.keys_at(head)
    if keys:
        # "Hamas and ISIS have agreed": every actor of a joint source.
        keys = tuple(dict.fromkeys([*keys, *(k for c in head.conjuncts for k in index.keys_at(c))]))
    if not keys and head.pos_ == "PRON" and not expletive(head):
        keys = resolve_pronoun(head, index, skip=_token_ranges(doc, draft.content))
    modifier_keys: tuple[str, ...] = ()
    if not keys:
        # "the Palestinian Ma'an news service", "Hamas sources": the name inside the phrase;
        # an outlet or organisation name says more about the source than a nationality does.
        named = [index.keys_at(c) for c in head.children if c.dep_ in {"compound", "poss", "amod", "nmod"} and index.keys_at(c)]
        if named:
            modifier_keys = min(named, key=lambda k: _KIND_RANK.get(index.kind_of(k[0]), 9))
        else:
            # "a spokesman for the Sudanese army": the affiliation of an official.
            modifier_keys = affiliation(head, index)
    lemma = head.lemma_.lower()
    named = bool(keys) and head.pos_ in {"PROPN", "PRON"} or bool(keys) and lemma not in lex.anonymous_heads
    if keys:
        draft.source_keys = keys
        kind = index.kind_of(keys[0])
        if kind == "outlet":
            draft.source_kind = "outlet"
        elif kind == "person":
            draft.source_kind = "named_person"
        elif kind == "agent":
            # "the Palestinian health ministry" is one body wherever cited; "an army spokesman" anyone.
            body = lemma in INSTITUTION_HEADS and head.tag_ != "NNS"
            draft.source_kind = "named_organization" if body else "official"
        else:
            draft.source_kind = "named_organization" if named else "official"
        return
    draft.source_keys = modifier_keys
    if lemma in lex.anonymous_heads:
        draft.source_kind = "anonymous"
    elif lemma in lex.outlet_heads:
        draft.source_kind = "outlet"
    elif lemma in lex.official_heads:
        draft.source_kind = "official"
    elif head.ent_type_ == "PERSON" or (head.pos_ == "PROPN" and not head.ent_type_) or draft.speaker_label:
        draft.source_kind = "named_person"
    elif head.ent_type_ in {"ORG", "GPE", "NORP"}:
        draft.source_kind = "named_organization"
    else:
        draft.source_kind = "vague"


def _token_ranges(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of character spans (the words a source says)."""
    found = (doc.char_span(start, end, alignment_mode="expand") for start, end in spans)
    return [(span.start, span.end) for span in found if span is not None]


def _antecedent(head: Optional[Token]) -> Optional[Token]:
    """"commentators who have suggested ...": the noun a relative pronoun stands for."""
    if head is not None and head.tag_ in {"WP", "WDT"} and head.head.dep_ == "relcl" and head.head.head.i < head.i:
        return head.head.head
    return head


def source_name(text: str, draft: AttributionDraft, index: ActorIndex) -> str:
    antecedent = _antecedent(draft.source_head)
    if antecedent is not draft.source_head and not draft.source_keys:
        start, end = phrase(antecedent)
        return text[start:end]
    if draft.source_keys and draft.source_kind in {"named_person", "named_organization", "outlet"}:
        # "Hamas and ISIS have agreed": a joint source is both of them, not the first named.
        return " and ".join(dict.fromkeys(index.name_of(k) for k in draft.source_keys))
    if draft.source:
        return text[draft.source[0] : draft.source[1]]
    return "unnamed source"
