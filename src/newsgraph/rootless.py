"""Sentences the parser left without a verb: a past-tense verb hung as a modifier of the noun
before it, given its subject back.

The small English parser reads some lead sentences as one long noun phrase: "Donald Trump
called Wednesday for Justice Ginsburg to resign" comes out with "Trump" as the sentence's root
and "called" as a clause modifying it (``acl``, as in "the gun called a Glock"), and "Tension
flared in the race ..." with "Tension" as the root. The events layer then finds no doer for the
verb, and the article's main act is lost. A modifying clause of that kind is a participle
(``VBN``: "a firm focused on real estate"); the tagger's own past-tense tag (``VBD``) says the
verb is finite. So where a sentence's root is not a verb and a ``VBD`` verb modifies the noun
right before it, that verb becomes the root and the noun its subject; the old root (a dateline,
a "JAKE TAPPER:" speaker label, the noun itself) hangs from the verb.

Only a verb hung from the root's own noun phrase is the lost main verb. Under another verb it
is a clause of that verb's, misattached ("pointed to reports that Trump called her names",
"areas that Obama won"), and the noun before it can sit in a clause of its own ("countries
that stand to benefit from the deal donated ..."): there the verb keeps its parse. On 500
PolNeAR train articles 8 sentences are repaired, 7 rightly read by hand ("Wealthy donors handed
over", "Tension flared", "a study ... found"; the wrong one is a relative clause on "a fact").

A second shape: a verb after an apposition's closing comma read as the apposition's
conjunct ("Keller, then a patrol volunteer, shot and injured ..."): the name before the
apposition is the verb's subject, and the old root's dependents after the verb go to the verb.
On all 840 PolNeAR train articles it fires once, rightly.
"""

from __future__ import annotations

import logging

from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Span, Token

__all__ = ["lost_root", "repair_rootless"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_NOMINAL = {"NOUN", "PROPN"}
_VERBAL = {"VERB", "AUX"}


def lost_root(sentence: Span) -> tuple[Token, Token, bool] | None:
    """Where ``sentence``'s root is no verb and its finite verb was hung from a noun: that
    verb, its subject, and whether the old root's dependents after the verb go to the verb."""
    root = sentence.root
    if root.pos_ in _VERBAL:
        return None
    for token in sentence:
        before = token.nbor(-1) if token.i > sentence.start else None
        if (
            token.tag_ == "VBD" and token.dep_ == "acl" and before is not None and before.pos_ in _NOMINAL
            and _under_no_other_verb(token, token) and _under_no_other_verb(before, token)
        ):
            return token, before, False
        if (
            root.pos_ in _NOMINAL and token.dep_ == "conj" and token.head.dep_ == "appos" and token.head.head.i == root.i
            and token.head.i < token.i and before is not None and before.text == "," and _finite(token)
        ):
            # "Zimmerman, then a neighborhood watch volunteer, shot and killed Trayvon": the
            # verb after the apposition's closing comma was read as the apposition's conjunct;
            # the name before the apposition is its subject, and what follows the verb is
            # the verb's ("in a confrontation", the final stop).
            return token, root, True
    return None


def _finite(verb: Token) -> bool:
    """A finite verb by its tag, or by its conjunct's where the tagger took a past tense
    for a base form ("shot and killed": VB and VBD)."""
    if verb.tag_ in {"VBD", "VBZ", "VBP"}:
        return True
    return verb.pos_ == "VERB" and any(c.dep_ == "conj" and c.tag_ == "VBD" for c in verb.children)


def _under_no_other_verb(token: Token, verb: Token) -> bool:
    return all(a.pos_ not in _VERBAL or a.i == verb.i for a in token.ancestors)


def repair_rootless(doc: Doc) -> Doc:
    """Doc -> Doc. Reads ``Token.tag/pos/dep/head``; writes ``Token.dep/head`` of the verb,
    its subject and the old root in each sentence ``lost_root`` finds."""
    repairs = [(s.root, *found) for s in doc.sents if (found := lost_root(s)) is not None]
    if not repairs:
        return doc
    array = doc.to_array([HEAD, DEP]).astype("int64")  # heads are signed offsets
    labels = doc.vocab.strings
    for root, verb, subject, rehang in repairs:
        # HEAD is stored as an offset from the token; DEP as a string id.
        array[verb.i] = (0, labels.add("ROOT"))
        array[subject.i] = (verb.i - subject.i, labels.add("nsubj"))
        if rehang:
            for child in root.rights:
                if child.i > verb.i:
                    array[child.i, 0] = verb.i - child.i
        if root.i != subject.i:
            array[root.i] = (verb.i - root.i, labels.add("dep"))
        log.debug("rootless sentence: %r takes %r as subject", verb.text, subject.text)
    doc.from_array([HEAD, DEP], array.astype("uint64"))
    return doc
