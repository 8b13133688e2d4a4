"""What a cue verb reports: whether a word is a reporting verb, the clauses it governs
that are its content, and its infinitive or object content."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..model import Span as CharSpan
from ..nlp import marked_by, text_of
from ..words.attribution import ASKING_VERBS, GROUNDS_PREPOSITIONS, INTENTION_VERBS, NOUN_PHRASE_CONTENT_VERBS
from ..words.lexicon import lexicon
from .spans import subtree_span, trim
from .speakers import ALL_SUBJECT_DEPS

# The dependencies that hang reported speech on its cue verb.
COMPLEMENT_DEPS = frozenset({"ccomp", "parataxis"})


def second_complement(clause: Token) -> bool:
    """"said the border must be secured, but that he would not support ...": a clause with
    its own "that", which the parser hangs on the cue verb as a conjunct, is a further
    complement of that verb, not a sentence beside it."""
    return clause.dep_ == "conj" and marked_by(clause, {"that"})


def complement_clause(verb: Token, clause: Token) -> bool:
    """Whether ``clause`` (a child of ``verb``) is what the verb says, asks or thinks."""
    if clause.dep_ in COMPLEMENT_DEPS or second_complement(clause):
        return True
    return (
        clause.dep_ == "advcl"
        and verb.lemma_.lower() in ASKING_VERBS
        and marked_by(clause, {"if", "whether"})
    )


def reporting_lemma(token: Token) -> Optional[str]:
    """The reporting verb a token stands for, if any.

    The small parser sometimes tags "reports"/"says" in "as X reports," as a plural noun;
    a clause-level dependency shows it is the verb.
    """
    lex = lexicon()
    lemma = token.lemma_.lower()
    if token.pos_ in {"VERB", "AUX"}:
        return lemma if lemma in lex.reporting_verbs or lemma in INTENTION_VERBS or lemma in NOUN_PHRASE_CONTENT_VERBS else None
    if token.tag_ == "NNS" and token.dep_ in {"advcl", "ROOT", "ccomp", "parataxis", "conj"} and token.lower_.endswith("s"):
        singular = token.lower_[:-1]
        return singular if singular in lex.reporting_verbs else None
    return None


def is_clause(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or any(c.dep_ in ALL_SUBJECT_DEPS for c in token.children)


def reported_clauses(verb: Token, subject: Optional[Token]) -> list[Token]:
    """The clauses a cue verb reports (``complement_clause``), one before the verb only where
    ``_complement_side_ok`` allows it."""
    return [c for c in verb.children if complement_clause(verb, c) and is_clause(c) and _complement_side_ok(verb, c, subject)]


def _complement_side_ok(verb: Token, complement: Token, subject: Optional[Token]) -> bool:
    """A complement before its verb is reported speech only when the speaker follows it.

    "'...,' the newspaper says" and "..., so reports X" qualify; a headline fragment that the
    parser hung on the verb ("supporters, take note: sources say ...") does not.
    """
    if complement.i > verb.i:
        return True
    if complement.dep_ == "parataxis" or subject is None or subject.i < complement.right_edge.i:
        return False
    doc = verb.doc
    following = next((t for t in doc[complement.right_edge.i + 1 : subject.i + 1] if not t.is_space), None)
    return following is not None and following.text in _INVERSION_MARKS


# What separates reported content from an inverted speaker: '"...," she said', '... - so reports X'.
_INVERSION_MARKS = {",", '"', "”", "’", "'", "-", "–", "—"}


def intention_content(doc: Doc, verb: Token) -> list[CharSpan]:
    """The infinitive complement of a stance verb, with its own subject when it has one."""
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)), None)
    if xcomp is None:
        return []
    start = subtree_span(xcomp)[0]
    addressee = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < xcomp.i), None)
    if addressee is not None:
        start = subtree_span(addressee)[0]  # "urged Congress to act": Congress to act
    return [trim(text_of(doc), (start, subtree_span(xcomp)[1]))]


_OBJECT_DEPS = {"dobj", "oprd", "dative", "ccomp", "xcomp"}


def object_content(doc: Doc, verb: Token) -> list[CharSpan]:
    """The object phrase (with its predicate: "called X 'deplorables'") as content."""
    parts = [c for c in verb.rights if c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in {"of", "as", "on"} | GROUNDS_PREPOSITIONS)]
    if not any(c.dep_ in {"dobj", "ccomp", "xcomp"} or c.dep_ == "prep" for c in parts):
        return []
    first = min(parts, key=lambda c: c.i)
    if first.dep_ == "prep":
        # "commented on the plan": the content is what the preposition introduces.
        pobj = next((c for c in first.children if c.dep_ in {"pobj", "pcomp"}), None)
        parts = [pobj if c is first and pobj is not None else c for c in parts]
    start = min(subtree_span(c)[0] for c in parts)
    end = max(subtree_span(c)[1] for c in parts)
    # "The plan was criticized for its cost": what was criticized, and what for.
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ not in {"WDT", "WP"}), None)
    patient_span = [trim(text_of(doc), subtree_span(patient))] if patient is not None and patient.i < verb.i else []
    return [*patient_span, trim(text_of(doc), (start, end))]
