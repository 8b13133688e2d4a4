"""Frames for the cues the learned judge adds: verbs and nouns that no rule took, whose
content and speaker must be found without a rule's frame (``cues.CueModel`` decides which
tokens; these functions decide what they report and who says it)."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..model import Span as CharSpan
from ..nlp import clause_children, sentence_of, text_of
from ..quotation_marks import QuotedSpan
from ..words.attribution import ASPECTUAL_NON_CUES, NOUN_CONTENT_PREPOSITIONS, NOUN_PHRASE_CONTENT_VERBS, SPEECH_VERBS
from ..words.lexicon import lexicon
from .clauses import intention_content, object_content, reported_clauses
from .draft import AttributionDraft
from .frames import experiencer, noun_speaker, reception, verb_draft
from .quoting import adjacent_quotes
from .spans import cue_extent, phrase, subtree_span, trim
from .speakers import ALL_SUBJECT_DEPS, expletive, subject_of

__all__ = ["comma_aside", "generic_cue", "generic_noun_cue", "governed_content", "known_frame"]


def generic_cue(doc: Doc, token: Token, quotes: list[QuotedSpan], *, bare: bool = True) -> Optional[AttributionDraft]:
    """A cue the learned model found in a frame the rules do not know: take the speaker from
    the subject and the content from the first complement the verb has; with ``bare``, when
    it has no complement of a known kind, from the sentence around it when commas set it off
    as an aside, else from whatever the verb governs."""
    subject = subject_of(token)
    if subject is not None and subject.lower_ in {"you", "ye"}:
        return None
    if token.lemma_.lower() in ASPECTUAL_NON_CUES:
        return None  # "continues to put on a face": aspect, not speech or stance
    if expletive(subject) and token.lemma_.lower() not in SPEECH_VERBS:
        return None  # "it is often overlooked that ...": the author's framing, not a source
    feeling = experiencer(token)
    content = feeling[1] if feeling is not None else _framed_content(doc, token, quotes, subject)
    if not content and bare:
        content = comma_aside(doc, token) or governed_content(doc, token, subject)
    return verb_draft(token, subject, content) if content else None


def comma_aside(doc: Doc, verb: Token) -> list[CharSpan]:
    """"Voters, Clinton suggested, don't have to worry ...": a speaker and verb set off by
    commas inside the sentence they report, found by the commas rather than the parse (the
    parser often hangs the clause's own subject or a following clause on the verb). The
    content is the sentence without the aside."""
    sent = sentence_of(verb)
    left = next((t for t in reversed(doc[max(sent.start, verb.i - 8) : verb.i]) if t.text == ","), None)
    if left is None or left.i < sent.start + 1 or left.i + 1 == verb.i:
        return []
    # Between the comma and the verb: the speaker only (no other verb, at least one noun).
    between = doc[left.i + 1 : verb.i]
    if any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"} for t in between):
        return []
    if not any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in between) or any(t.tag_ in {"WDT", "WP", "WP$"} for t in between):
        return []  # "the farmers, who agreed, ...": a relative clause, not a speaker
    after = verb.i + 1
    while after < sent.end and doc[after].dep_ in {"prt", "npadvmod", "advmod"} and after - verb.i <= 2:
        after += 1
    if after >= sent.end - 1 or doc[after].text != ",":
        return []
    text = text_of(doc)
    pieces = [trim(text, (sent.start_char, left.idx)), trim(text, (doc[after].idx + 1, sent.end_char))]
    return [p for p in pieces if p[1] - p[0] > 2]


def generic_noun_cue(doc: Doc, noun: Token) -> Optional[AttributionDraft]:
    """A noun the learned model takes for a cue: "Turkey's refusal to acknowledge ...",
    "criticism of the plan", "calls for a ban". The owner is the source; the content is what
    the preposition or clause attached to the noun introduces."""
    text = text_of(doc)
    last = noun
    content: Optional[CharSpan] = None
    grounds: list[CharSpan] = []
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in NOUN_CONTENT_PREPOSITIONS:
            obj = next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
            if obj is None:
                continue
            if child.i == noun.i + 1:
                last = child  # the cue takes its preposition, as with verbs: "calls for"
            content = subtree_span(obj)
            break
        if child.dep_ in {"acl", "ccomp", "relcl"} and any(m.lower_ in {"that", "to"} for m in child.children):
            content = subtree_span(child)
            break
    if content is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    source = None
    received = reception(noun.head, noun) if owner is None else None
    if received is not None:
        # "won the endorsement of Walker": Walker endorses whoever won it.
        owner, (content, *grounds), _ = received
        source = phrase(owner) if owner is not None else None
    elif owner is not None:
        words = [t for t in owner.subtree if t.dep_ != "case"]
        source = trim(text, (words[0].idx, words[-1].idx + len(words[-1]))) if words else None
    else:
        owner = noun_speaker(noun)
        source = phrase(owner) if owner is not None else None
    return AttributionDraft(
        cue_tokens=(noun.i, last.i + 1),
        cue=(noun.idx, last.idx + len(last)),
        source=source,
        source_head=owner,
        content=[trim(text, content), *grounds],
        type="indirect",
    )


def known_frame(doc: Doc, token: Token, quotes: list[QuotedSpan]) -> bool:
    """Whether a verb has content in a frame the rules know (a clause, an infinitive, the
    object of a verb of saying, a quotation next to it). The learned judge must be surer of
    a verb without one (``CueModel.bare_threshold``); the trainer sets both thresholds."""
    return bool(_framed_content(doc, token, quotes, subject_of(token)))


def _framed_content(doc: Doc, token: Token, quotes: list[QuotedSpan], subject: Optional[Token]) -> list[CharSpan]:
    complements = reported_clauses(token, subject)
    content = [trim(text_of(doc), subtree_span(c)) for c in complements]
    content = content or intention_content(doc, token)
    if not content and token.lemma_.lower() in NOUN_PHRASE_CONTENT_VERBS | lexicon().reporting_verbs:
        # A noun phrase is content only after a verb of saying or judging ("called it a
        # disgrace"), not after any verb ("put on a 'moderate' face").
        content = object_content(doc, token)
    return content or adjacent_quotes(doc, token, quotes)


_NOT_CONTENT_DEPS = {"punct", "cc", "conj", "aux", "auxpass", "neg", "prt", "mark", "advmod", "npadvmod", "dep"} | ALL_SUBJECT_DEPS


def governed_content(doc: Doc, verb: Token, subject: Optional[Token]) -> list[CharSpan]:
    """What a cue verb the model trusts governs, when no known frame names its content:
    its dependents after it ("pinned his hopes on South Carolina"), else those before it
    other than the speaker ("..., Viguerie argues")."""
    kept = [c for c in verb.children if c.dep_ not in _NOT_CONTENT_DEPS and c is not subject]
    if subject is not None and subject.head.dep_ == "agent":
        # "Hamas is supported by ISIS", "weapons ordered by Hamas": the "by" phrase is the
        # speaker; what is supported or ordered is the passive subject or the noun modified.
        kept = [c for c in kept if c.dep_ != "agent"]
        patient = _passive_patient(doc, verb)
        if not any(c.i > verb.i for c in kept):
            return patient
        # "Trump was rebuked by leaders for his proposal": who was rebuked, and what for.
        after = [c for c in kept if c.i > verb.i]
        span = trim(text_of(doc), (subtree_span(after[0])[0], subtree_span(after[-1])[1]))
        return [*patient, span] if span[1] - span[0] > 1 else patient
    cue_end = cue_extent(verb)[1]
    # A preposition the cue takes ("pointed to") leaves its object as the content.
    kept = [next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), c) if c.dep_ == "prep" and c.i <= cue_end.i else c for c in kept]
    # Before the verb, an adverbial clause ("while Abbas ..., reports crop up") sets the scene.
    for side in ([c for c in kept if c.i > verb.i], [c for c in kept if c.i < verb.i and c.dep_ != "advcl"]):
        if side:
            span = trim(text_of(doc), (subtree_span(side[0])[0], subtree_span(side[-1])[1]))
            if span[1] - span[0] > 1:
                return [span]
    return []


def _passive_patient(doc: Doc, verb: Token) -> list[CharSpan]:
    """What a passive cue is about: its passive subject ("Hamas is supported by ..."), the
    noun its participle or relative clause modifies, without them ("the plan backed by ...",
    "Gruenberg, who was nominated by ..."), or what an adverbial participle describes."""
    # The parser sometimes hangs a clausal subject on the auxiliary ("Pulling it is not preferred").
    patients = {"nsubjpass", "csubjpass", "csubj"}
    patient = next((c for c in clause_children(verb, patients) if c.dep_ in patients), None)
    relative = patient is not None and patient.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl"
    if patient is not None and not relative:
        return [trim(text_of(doc), subtree_span(patient))]
    if verb.dep_ in {"acl", "relcl"} and verb.head.i < verb.i:
        noun = verb.head
        span = trim(text_of(doc), (noun.left_edge.idx, noun.idx + len(noun)))
        return [span] if span[1] - span[0] > 1 else []
    if verb.dep_ == "advcl":
        # "took steps toward democracy, encouraged by ...": the object just before a trailing
        # participle; "Encouraged by ..., Burma took steps": the subject of the clause.
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        clause_subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        described = objects[-1] if objects and verb.i > verb.head.i else next(iter(clause_subjects), None)
        return [trim(text_of(doc), subtree_span(described))] if described is not None else []
    return []
