"""Factuality: how certainly, and whether at all, a text presents an event as real.

Two perspectives are kept apart, as in FactBank:

- ``event_factuality``: the event as its *source* presents it — negation ("has not
  provided"), negative predicates ("failed to follow through"), modals and hedges
  ("may", "reportedly"), future and hypothetical mode.
- ``cue_commitment``: how far the *reporter* commits to the content by the cue it chose —
  factive "found"/"revealed" commit, neutral "said" leaves it open, "claimed"/"alleged"
  distance. Graded by the MegaVeridicality norms where the verb is listed there.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .lexicon import lexicon
from .model import Factuality

__all__ = ["event_factuality", "cue_commitment"]

_DISTANCING = {"claim", "allege", "insist", "contend", "purport", "complain", "boast", "speculate", "rumor", "rumour"}
_COMMITTING = {"find", "reveal", "confirm", "show", "establish", "prove", "discover", "learn", "know", "acknowledge", "admit", "note", "point"}
_POSSIBLE_ADVERBS = {"perhaps", "possibly", "maybe", "conceivably", "potentially"}
_PROBABLE_ADVERBS = {"reportedly", "allegedly", "apparently", "likely", "probably", "supposedly", "purportedly", "seemingly", "presumably"}
_RAISING_HEDGES = {"seem", "appear", "suggest", "believe", "think", "suspect"}
_FUTURE_GOVERNORS = {"plan", "intend", "aim", "threaten", "vow", "promise", "pledge", "prepare", "hope", "expect", "want", "seek"}


def event_factuality(trigger: Token) -> Factuality:
    lex = lexicon()
    clause = _clause_head(trigger)
    chain = _governors(clause)
    cues: list[str] = []
    polarity = "positive"
    negations = 0
    scope = [trigger] if clause is trigger else [trigger, clause]
    for node in scope:
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no") or child.lower_ == "never":
                negations += 1
                cues.append(child.text)
    for governor, via in chain:
        lemma = governor.lemma_.lower()
        if via == "xcomp" and lemma in lex.negative_predicates:
            negations += 1
            cues.append(governor.text)
        if via == "xcomp" and any(c.dep_ == "neg" for c in governor.children):
            negations += 1
            cues.append("not " + governor.text)
    if negations % 2 == 1:
        polarity = "negative"
    certainty = "certain"
    mode = "actual"
    auxiliaries = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    for aux in auxiliaries:
        word = aux.lower_
        if word in {"will", "shall", "'ll"}:
            mode = "future"
            cues.append(aux.text)
        elif word in lex.possible_modals:
            certainty = _weaker(certainty, "possible")
            cues.append(aux.text)
        elif word in {"should", "would", "must", "'d"}:
            certainty = _weaker(certainty, "probable")
            cues.append(aux.text)
    for node in scope:
        for child in node.children:
            if child.dep_ in {"advmod", "npadvmod"}:
                word = child.lower_
                if word in _POSSIBLE_ADVERBS:
                    certainty = _weaker(certainty, "possible")
                    cues.append(child.text)
                elif word in _PROBABLE_ADVERBS or (word in lex.hedges and word not in {"often", "usually", "frequently", "generally"}):
                    certainty = _weaker(certainty, "probable")
                    cues.append(child.text)
    for governor, via in chain:
        lemma = governor.lemma_.lower()
        if lemma in _RAISING_HEDGES and via in {"xcomp", "ccomp"}:
            certainty = _weaker(certainty, "probable")
            cues.append(governor.text)
        if lemma in _FUTURE_GOVERNORS and via == "xcomp":
            mode = "future"
            cues.append(governor.text)
        if lemma == "go" and via == "xcomp" and any(c.dep_ == "aux" for c in governor.children):
            mode = "future"
    if _in_condition(clause):
        mode = "hypothetical"
        certainty = _weaker(certainty, "underspecified")
        cues.append("if")
    elif mode == "actual" and any(a.lower_ in {"would", "could", "might"} for a in auxiliaries) and _has_condition_sibling(clause):
        mode = "hypothetical"
    return Factuality(polarity=polarity, certainty=certainty, mode=mode, cues=tuple(cues))


def cue_commitment(cue_lemma: Optional[str]) -> Factuality:
    """The reporter's commitment to an attribution's content, from its cue."""
    if cue_lemma is None:
        return Factuality(certainty="underspecified", cues=())
    lemma = cue_lemma.lower()
    lex = lexicon()
    if lemma in lex.dispute_verbs and lemma not in {"question", "doubt"}:
        return Factuality(polarity="negative", certainty="probable", cues=(lemma,))
    # MegaVeridicality's mean rating of "did that happen?" after "NP Ved that S", in [-1, 1]:
    # "know"/"reveal" near 1, "say" 0.4, "claim"/"allege" 0.1-0.2, "pretend" -0.8.
    norms = lex.veridicality.get(lemma)
    rating = norms.get("positive_raw") if isinstance(norms, dict) else None
    if lemma in _COMMITTING or lemma in lex.factives or (rating is not None and rating >= _COMMITS_AT):
        return Factuality(certainty="certain", cues=(lemma,))
    if lemma in _DISTANCING or lemma in {"question", "doubt"} or (rating is not None and rating <= _DISTANCES_AT):
        return Factuality(certainty="possible", cues=(lemma,))
    return Factuality(certainty="underspecified", cues=(lemma,))


_COMMITS_AT = 0.85
_DISTANCES_AT = 0.25


_ORDER = ["certain", "probable", "possible", "underspecified"]


def _weaker(current: str, new: str) -> str:
    return new if _ORDER.index(new) > _ORDER.index(current) else current


def _clause_head(token: Token) -> Token:
    """The verb whose auxiliaries and negation scope over ``token`` (itself for verbs)."""
    node = token
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr"} and node.head is not node:
            node = node.head if node.dep_ != "pobj" else node.head.head
            continue
        break
    return node


def _governors(clause: Token) -> list[tuple[Token, str]]:
    """Verbs that embed ``clause`` via xcomp/ccomp, innermost first, with the relation."""
    out = []
    node = clause
    for _ in range(4):
        if node.dep_ in {"xcomp", "ccomp"} and node.head is not node:
            out.append((node.head, node.dep_))
            node = node.head
        else:
            break
    return out


def _in_condition(clause: Token) -> bool:
    node = clause
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in node.children):
            return True
        if node.dep_ in {"conj", "xcomp"} and node.head is not node:
            node = node.head
            continue
        return False
    return False


def _has_condition_sibling(clause: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in clause.children
    )
