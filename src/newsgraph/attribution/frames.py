"""Speaker and content frames both the rule finders and the learned judge's frames use: who
holds the view a cue noun names, who feels what an experiencer verb says, who gives a
received view ("drew criticism from"), and the draft of a verb cue built from them."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..model import Span as CharSpan
from ..nlp import text_of
from ..words.attribution import (
    GROUNDS_PREPOSITIONS,
    MANNER_FRAMING_PREPOSITIONS,
    OBJECT_EXPERIENCER_VERBS,
    RECEIVED_VIEW_NOUNS,
    RECEIVING_VERBS,
    VIEW_HOLDING_VERBS,
)
from .clauses import reporting_lemma
from .draft import AttributionDraft
from .spans import cue_extent, phrase, subtree_span, trim
from .speakers import bare_participle, can_be_source, expletive, inverted_speaker, stranded_subject, subject_of


def noun_speaker(noun: Token) -> Optional[Token]:
    """Who holds the view a cue noun without an owner names: the one it comes from
    ("criticism from Republicans", "a mention by the senator"), else the subject of the verb
    that has, gives or makes it ("he has a view of", "Byrne gives an account of", "the
    Times made allegations against", "regaled them with stories about"), or of any verb
    the noun frames through a preposition ("rose to the defense of")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
            speaker = next((g for g in child.children if g.dep_ == "pobj"), None)
            if speaker is not None and can_be_source(speaker):
                return speaker
    verb = noun.head
    framing = noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in MANNER_FRAMING_PREPOSITIONS
    if framing:
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    # Past a preposition any verb frames the noun, except a reporting verb: in "said in a
    # statement" the verb is the cue, its speaker already named there.
    if verb.lemma_.lower() not in VIEW_HOLDING_VERBS and (not framing or reporting_lemma(verb) is not None):
        return None
    subject = subject_of(verb)
    if subject is None or expletive(subject) or subject.lower_ in {"there", "you"}:
        return None
    return subject


def experiencer(verb: Token) -> Optional[tuple[Token, list[CharSpan]]]:
    """The one who feels it and what set it off, for a verb of ``OBJECT_EXPERIENCER_VERBS``:
    the object and subject of "the remark worried analysts", the subject (or the one a
    participle describes) and agent of "donors were angered by the remark"; None for other
    verbs or when one is missing."""
    if verb.lemma_.lower() not in OBJECT_EXPERIENCER_VERBS:
        return None
    children = list(verb.children)
    text = text_of(verb.doc)
    bare = bare_participle(verb)
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) or bare:
        felt_by = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if felt_by is None and bare:
            # "Angered by the ruling, the mayor ...", "voters angered by the ruling": whoever
            # the participle describes.
            felt_by = verb.head if verb.dep_ == "acl" else next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        cause = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    else:
        felt_by = next((c for c in children if c.dep_ == "dobj"), None)
        cause = next((c for c in children if c.dep_ in {"nsubj", "csubj"}), None)
    clause = next((c for c in children if c.dep_ == "ccomp"), None)  # "convinced them that ..."
    cause = clause or cause
    if felt_by is None or cause is None or expletive(cause):
        return None
    return felt_by, [trim(text, subtree_span(cause))]


def reception(verb: Token, view: Optional[Token] = None) -> Optional[tuple[Optional[Token], list[CharSpan], Token]]:
    """The giver of the view a receiving verb's object names, the subject it is about, and
    the view noun; None when the verb does not receive such a view. The giver is None when
    the text does not name one ("has faced criticism")."""
    view = view or next((c for c in verb.children if c.dep_ == "dobj"), None)
    if view is None or view.dep_ != "dobj" or view.head.i != verb.i:
        return None
    if verb.lemma_.lower() not in RECEIVING_VERBS or view.lemma_.lower() not in RECEIVED_VIEW_NOUNS:
        return None
    about = subject_of(verb)
    if about is None:
        return None
    giver = None
    for prep in [c for c in view.children if c.dep_ == "prep" and c.lower_ in {"from", "of", "among"}] + [
        c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"from", "among"}
    ]:
        giver = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if giver is not None:
            break
    if giver is None and verb.lemma_.lower() in {"have", "enjoy"}:
        return None  # "he has support": whose is not said, and "has" alone receives nothing
    return giver, [phrase(about), *_grounds(verb, view)], view


def _grounds(verb: Token, view: Token) -> list[CharSpan]:
    """What a received view is for ("faced criticism for telling ..."): part of its content."""
    for prep in [c for c in view.rights if c.dep_ == "prep"] + [c for c in verb.rights if c.dep_ == "prep" and c.i > view.i]:
        obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None)
        if prep.lower_ in GROUNDS_PREPOSITIONS and obj is not None:
            return [trim(text_of(prep.doc), subtree_span(obj))]
    return []


def verb_draft(verb: Token, subject: Optional[Token], content: list[CharSpan], recipient: Optional[Token] = None) -> AttributionDraft:
    first, last = cue_extent(verb)
    feeling = experiencer(verb)
    if feeling is not None:
        subject, content = feeling
    received = reception(verb)
    if received is not None:
        # The cue runs to the view noun ("picked up the endorsement"), which so takes no
        # second, nested attribution of its own.
        giver, content, view = received
        return AttributionDraft(
            cue_tokens=(verb.i, view.i + 1),
            cue=(first.idx, view.idx + len(view)),
            source=phrase(giver) if giver is not None else None,
            source_head=giver,
            content=content,
            type="indirect",
        )
    if subject is None:
        subject = stranded_subject(verb, content) or inverted_speaker(verb, content)
    return AttributionDraft(
        cue_tokens=(verb.i, verb.i + 1),
        cue=(first.idx, last.idx + len(last)),
        source=phrase(subject) if subject is not None else None,
        source_head=subject,
        content=[c for c in content if c[1] - c[0] > 1],
        type="indirect",
        recipient=recipient,
    )
