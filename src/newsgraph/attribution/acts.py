"""What a source did with its content: said it, holds it, means to do it, saw it, or is (or
drew on) facts that support it (``Attribution.act``; guideline and evidence in docs/acts.md).

The act is read from the cue: its head word (a verb before an adjective before a noun:
"is sure" is ``sure``, "has said" ``said``), and, for the words whose act turns on them, its
complement ("vowed *to* fight" is intention, "vowed *that* ..." speech) and who the source is
("polls *show*" is evidence, "Clinton *suggested*" speech). A colon or dash cue and "according
to" a person or body are speech; "according to" a poll or figures is evidence.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..model import Act
from ..nlp import SUBJECT_DEPS, text_of
from ..words.attribution import (
    CHOICE_CUES,
    COMMITMENT_CUES,
    EVIDENCE_CUES,
    EVIDENCE_SOURCES,
    INTENTION_CUES,
    PERCEPTION_CUES,
    POLL_SHARE_HEADS,
    RAISING_VERBS,
    SOURCE_READ_CUES,
    THOUGHT_CUES,
)
from .draft import AttributionDraft

__all__ = ["act_of", "cue_head", "states_proposition"]

# Which part of speech heads a multi-word cue: "is sure" -> sure, "has said" -> said.
_HEAD_PREFERENCE = {"VERB": 0, "ADJ": 1, "NOUN": 2, "PROPN": 3}
# Verbs that name the saying itself: a poll share or an unnamed holder that *says* still speaks.
_SAYING = frozenset({"say", "tell", "report", "quote", "add", "write", "call"})
# Words a source can be that stand for a thing or finding, never a person.
_THING_PRONOUNS = frozenset({"it", "this", "that", "which", "what"})
# Documents speak for whoever wrote them ("the memo says"), but what they *show* is evidence;
# these are the fact-bearing sources whose "according to" is evidence too.
_DOCUMENTS = frozenset({"report", "document", "documents", "email", "emails", "memo", "filing", "filings", "transcript", "transcripts", "letter", "file", "files"})
_ORDER: tuple[tuple[Act, frozenset[str]], ...] = (
    ("intention", INTENTION_CUES),
    ("perception", PERCEPTION_CUES),
    ("thought", THOUGHT_CUES),
    ("evidence", EVIDENCE_CUES),
)


def act_of(doc: Doc, draft: AttributionDraft) -> Act:
    """The act of one attribution draft."""
    head = cue_head(doc, draft)
    source = _source_word(head, draft)
    finding = source is not None and _is_finding(source) and source.lemma_.lower() not in _DOCUMENTS
    if draft.type == "according_to":
        return "evidence" if finding else "speech"
    if head is None:
        # "Trump: ..." and dash cues: a label before quoted words; "Poll: ..." a finding.
        return "evidence" if finding else "speech"
    lemma = head.lemma_.lower()
    if lemma not in _SAYING and (_unnamed_holder(head) or source is not None and _poll_share(source)):
        return "thought"  # "is projected to", "is believed to"; "54% endorse the plan"
    if lemma in COMMITMENT_CUES:
        return "intention" if _takes_infinitive(head) else "speech"
    if lemma == "mean" and _takes_infinitive(head):
        return "intention"
    if lemma in CHOICE_CUES and (lemma != "approve" or not any(c.lower_ == "of" for c in head.children)):
        return "intention"
    if lemma in SOURCE_READ_CUES:
        return _source_read(lemma, source)
    if lemma in {"find", "conclude", "determine", "discover"}:
        return _finding(lemma, head, source)
    if lemma in {"see", "perceive", "view"} and any(c.lower_ == "as" for c in head.children):
        return "thought"  # "sees the deal as a betrayal": a view, not a sight
    if finding and lemma not in THOUGHT_CUES and lemma not in INTENTION_CUES and lemma not in _SAYING:
        return "evidence"  # "the poll reaffirmed that", "the study warns": what facts bear out
    if lemma == "feel":
        return "thought"
    for act, words in _ORDER:
        if lemma in words:
            return act
    return "speech"


_QUOTATION_MARKS = frozenset('"“”«»')


def states_proposition(doc: Doc, content: list[tuple[int, int]]) -> bool:
    """Whether the content is something said (a clause, or quoted words) rather than the bare
    thing a source spoke of ("criticized [the decision]", "endorsed [Clinton]"): only the
    first makes a quote."""
    text = text_of(doc)
    if any(ch in _QUOTATION_MARKS for start, end in content for ch in text[max(0, start - 1) : end + 1]):
        return True
    tokens = [t for start, end in content for t in (doc.char_span(start, end, alignment_mode="expand") or ())]
    return len(tokens) >= 3 and any(t.pos_ in {"VERB", "AUX"} for t in tokens)


def cue_head(doc: Doc, draft: AttributionDraft) -> Optional[Token]:
    """The word that names the cue's act; None for a cue of punctuation only."""
    start, end = draft.cue_tokens
    words = [t for t in doc[start:end] if not t.is_punct and t.pos_ != "SPACE"]
    if not words:
        return None
    ranked = sorted(words, key=lambda t: (_HEAD_PREFERENCE.get(t.pos_, 9), t.i))
    if ranked[0].lemma_.lower() in RAISING_VERBS and len(ranked) > 1 and ranked[1].pos_ == "VERB":
        return ranked[1]  # "appeared to insinuate": the act is the insinuating
    return ranked[0]


def _source_word(head: Optional[Token], draft: AttributionDraft) -> Optional[Token]:
    """The source's head word: the subject of the cue's ``head`` when it has one ("polls
    show"), else the draft's resolved source."""
    if head is not None:
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if head.dep_ == "acl" and head.head.pos_ in {"NOUN", "PROPN"}:
            return head.head  # "a poll showing ...", "records revealing ..."
    return draft.source_head


def _is_finding(word: Token) -> bool:
    """A source that is a body of facts ("the poll", "data", "the emails"), not a person."""
    lemma = word.lemma_.lower()
    if lemma in EVIDENCE_SOURCES or word.lower_ in EVIDENCE_SOURCES:
        return True
    # "a Quinnipiac poll", "the FBI's report": the head noun decides, not the name before it.
    return any(c.dep_ == "compound" and c.lemma_.lower() in EVIDENCE_SOURCES for c in word.children) and word.pos_ != "PROPN"


def _source_read(lemma: str, source: Optional[Token]) -> Act:
    """show, reveal, suggest ...: evidence from facts; from a person, speech, except that what a
    person's record shows or proves is evidence ("Trump has shown he cannot")."""
    if source is None or _is_finding(source) or source.lower_ in _THING_PRONOUNS:
        return "evidence"
    return "evidence" if lemma in {"show", "prove", "demonstrate"} else "speech"


def _finding(lemma: str, head: Token, source: Optional[Token]) -> Act:
    """"The audit found that ..." is evidence; "she found it offensive" is a view."""
    if lemma == "find" and any(c.dep_ in {"oprd", "acomp"} or c.dep_ == "ccomp" and c.pos_ == "ADJ" for c in head.children):
        return "thought"
    return "evidence"


def _unnamed_holder(head: Token) -> bool:
    """A passive cue with no agent and an infinitive: "is expected to", "is projected to" (not
    "was asked about", "is dubbed", whose holder is simply left out)."""
    children = list(head.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children) and _takes_infinitive(head)


def _poll_share(source: Token) -> bool:
    """"54% of independents", "a quarter of Americans", "most Republicans"."""
    if source.lemma_.lower() in POLL_SHARE_HEADS or source.lower_ in POLL_SHARE_HEADS or source.like_num:
        return True
    return any(c.dep_ in {"nummod", "amod", "det"} and (c.lower_ in POLL_SHARE_HEADS or c.like_num and any(g.lower_ in {"%", "percent"} for g in c.subtree)) for c in source.children)


def _takes_infinitive(head: Token) -> bool:
    """"vowed to fight", "his promise to cut taxes", "agreed to debate"."""
    for child in head.children:
        if child.dep_ in {"xcomp", "acl", "advcl", "ccomp"} and child.pos_ in {"VERB", "AUX"} and any(a.tag_ == "TO" for a in child.children):
            return True
    return False
