"""Relations between attributions: one that disputes, supports or corrects an earlier one
("denied the report", "confirmed the claim"). Reads the drafts, may add one for the relating
cue itself, and returns ``RelationRow``s."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..nlp import sentence_of, text_of, word_positions
from ..words.attribution import ANAPHORIC_CLAIM_NOUNS
from ..words.lexicon import lexicon
from .draft import AttributionDraft, RelationRow
from .spans import phrase, subtree_span, trim
from .speakers import subject_of


def find_relations(doc: Doc, drafts: list[AttributionDraft]) -> list[RelationRow]:
    """(type, from draft, to draft, evidence span): a cue that takes an earlier claim as its object.

    "X puts the lie to this claim", "X denied the report", "Y confirmed it": the object
    points back to the most recent attribution by another source.
    """
    lex = lexicon()
    found = []
    verbs = lex.dispute_verbs | lex.support_verbs | lex.correct_verbs | {"put", "give"}
    for token in (doc[i] for i in word_positions(doc, lemmas=verbs)):
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = token.lemma_.lower()
        relation = None
        obj = None
        if lemma in lex.dispute_verbs:
            relation, obj = "disputes", _object(token)
        elif lemma in lex.support_verbs:
            relation, obj = "supports", _object(token)
        elif lemma in lex.correct_verbs:
            relation, obj = "corrects", _object(token)
        elif lemma in {"put", "give"}:
            lie = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.dispute_nouns), None)
            if lie is not None:
                # "puts the lie to this claim": the disputed thing is the object of "to".
                relation = "disputes"
                obj = _object(lie, preps_only=True) or _object(token, preps_only=True)
        if relation is None or obj is None or not _is_anaphoric(obj):
            continue
        sent = sentence_of(token)
        speaker = subject_of(token)
        speaker_span = phrase(speaker) if speaker is not None else None
        origin = next(
            (i for i, d in enumerate(drafts) if sent.start_char <= d.cue[0] < sent.end_char and (speaker_span is None or d.source == speaker_span)),
            None,
        )
        if origin is None:
            origin = len(drafts)
            drafts.append(
                AttributionDraft(
                    cue_tokens=(token.i, token.i + 1),
                    cue=(token.idx, token.idx + len(token)),
                    source=speaker_span,
                    source_head=speaker,
                    content=[trim(text_of(doc), subtree_span(obj))],
                    type="indirect",
                )
            )
        targets = [i for i, d in enumerate(drafts) if d.cue[0] < sent.start_char and d.source != speaker_span]
        if not targets:
            continue
        evidence = (token.idx, obj.right_edge.idx + len(obj.right_edge))
        found.append((relation, origin, targets[-1], evidence))
    return found


def _object(token: Token, preps_only: bool = False) -> Optional[Token]:
    for child in token.children:
        if child.dep_ in {"dobj", "attr"} and not preps_only:
            return child
        if child.dep_ == "prep" and child.lower_ in {"to", "of", "on"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _is_anaphoric(noun: Token) -> bool:
    if noun.lower_ in {"it", "this", "that", "these", "those"}:
        return True
    dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
    return noun.lemma_.lower() in ANAPHORIC_CLAIM_NOUNS and bool(dets & {"this", "that", "these", "those", "the", "such", "its", "their"})
