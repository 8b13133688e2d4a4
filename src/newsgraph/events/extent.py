"""How much of a sentence names a side: the learned extent of the noun phrase at an event.

The side rules (``arguments``) find the noun that names a source or target; this module
decides which of its words the side's span takes. Coders mark whole noun phrases by
conventions no single rule states: "a car bomb", not "a car bomb in Kiev", but "at least 75
displaced people in eastern Syria"; "Iranian president" but "the Iraqi embassy"; "Nigerian
Air Force ( NAF )" with both brackets.

For the noun the rules chose, ``candidates`` lists the contiguous extents its parse allows:
from the noun alone to its whole phrase, cutting its left modifiers (a determiner, an
adjective) and its right ones (a prepositional phrase, a relative clause, an apposition) at
each child, and the same from a bigger phrase naming the same party that the noun hangs in as
a compound, an apposition or the object of "of"/"from"/"for" ("dozens of Islamic State
fighters", "envoys from Egypt"). Members of a list stay phrases of their own, a possessor is
not what it owns, and no extent holds the trigger whose sides are read
(``reading_sides_of``). Each candidate is described by binary parse features (which children
it keeps and cuts, with their relation, preposition and the noun's role and kind; unbalanced
brackets; a cut inside a name; whether the rule layers' span, ``rule``, is this one) and an L2
logistic regression scores each as the span a coder marks; the best scored is the span.

The shipped weights (``data/extent_model.json``) were fitted by ``scripts/train_extent.py``
on the gold source and target spans of ConfliBERT's argument sentences
(``dev/events/confliBERT/cameo_ner_train.txt``, all 1,153 sentences; no other set read).
``newsgraph eval confliBERT-ner`` never scores that model: it refits the recipe per fold of
sentences and reads each held-out sentence with the model of the other folds (``using``).
Without the model file the rule span stands. Scoring needs no ML library; fitting needs
scikit-learn (``newsgraph[train]``).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator, Optional, Sequence, Union

from spacy.tokens import Doc, Token

from ..learning import design_matrix, linear_score, logistic_regression
from ..resources import catalogue_exists, catalogue_json

__all__ = ["MODEL", "ExtentModel", "candidates", "choose", "fit", "gold_groups", "reading_sides_of", "using"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

MODEL = "extent_model.json"

Extent = tuple[int, int]  # token indices, end exclusive

# A side's noun may stand inside a bigger phrase that names the same party: the modifier of
# "Islamic State fighters", the object of "dozens of fighters", "envoys from Egypt".
_CLIMB_DEPS = {"compound", "nmod", "appos", "pobj", "prep"}
_CLIMB_PREPOSITIONS = {"of", "from", "for"}
# Right children that end the phrase: a new list member, and the possessive "'s" that makes
# it the owner of a bigger one.
_END_DEPS = {"cc", "conj", "case"}
_NOUNS = {"NOUN", "PROPN", "NUM"}
_PACKAGED = "packaged"


@dataclass(frozen=True)
class ExtentModel:
    """Weights of binary candidate features and the intercept of the logistic regression."""

    weights: dict[str, float]
    intercept: float

    @classmethod
    def from_dict(cls, data: dict) -> "ExtentModel":
        return cls({f: float(w) for f, w in data["weights"].items()}, float(data["intercept"]))

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> Optional["ExtentModel"]:
        if not catalogue_exists(MODEL):
            logger.info("no %s: side spans keep the rule extent", MODEL)
            return None
        return cls.from_dict(catalogue_json(MODEL))

    def score(self, feats: Sequence[str]) -> float:
        """The candidate's raw linear score (``learning.linear_score``): extents are ranked,
        and a bounded probability could tie two of them."""
        return linear_score(self.weights, feats, self.intercept)

    def to_dict(self) -> dict:
        return {"intercept": self.intercept, "weights": dict(sorted(self.weights.items()))}


_ACTIVE: ContextVar[Union[ExtentModel, None, str]] = ContextVar("newsgraph_extent_model", default=_PACKAGED)
# The trigger whose sides are being read: the side rules reach the noun deep in the parse,
# and no side's span may swallow the act it takes part in ("Clinton's attacks", "Republicans
# investigating the attack" at "attacks", "investigating").
_TRIGGER: ContextVar[Optional[int]] = ContextVar("newsgraph_extent_trigger", default=None)


@contextmanager
def using(model: Optional[ExtentModel]) -> Iterator[None]:
    """Read side extents with ``model`` (None: the rule span) inside the block; the
    cross-validated scorer reads each held-out sentence with its fold's model."""
    token = _ACTIVE.set(model)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


@contextmanager
def reading_sides_of(trigger: Token) -> Iterator[None]:
    """Inside the block, side extents are read for the event at ``trigger``: no candidate
    holding the trigger is chosen."""
    token = _TRIGGER.set(trigger.i)
    try:
        yield
    finally:
        _TRIGGER.reset(token)


def _active() -> Optional[ExtentModel]:
    model = _ACTIVE.get()
    if isinstance(model, str):
        return ExtentModel.packaged()
    return model


def choose(noun: Token, rule: tuple[int, int]) -> tuple[int, int]:
    """The character span the active model scores best among ``noun``'s candidate extents
    (``rule``, the rule layers' span, without a model or a candidate)."""
    model = _active()
    if model is None:
        return rule
    trigger = _TRIGGER.get()
    found = [c for c in candidates(noun, rule) if trigger is None or trigger == noun.i or not c[0][0] <= trigger < c[0][1]]
    if not _is_name(noun):
        # a stand-in keeps the name saying whom it stands for ("his love for the
        # Philippines", "envoys from Egypt"): the actor may be named there only
        span = noun.doc.char_span(*rule, alignment_mode="expand")
        names = [t.i for t in span or () if _is_name(t)]
        found = [c for c in found if all(c[0][0] <= i < c[0][1] for i in names)]
    if not found:
        return rule
    best = max(found, key=lambda c: model.score(c[1]))
    return _chars(noun.doc, best[0])


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or bool(token.ent_type_)


def _chars(doc: Doc, extent: Extent) -> tuple[int, int]:
    last = doc[extent[1] - 1]
    return doc[extent[0]].idx, last.idx + len(last)


def candidates(noun: Token, rule: Optional[tuple[int, int]] = None) -> list[tuple[Extent, list[str]]]:
    """Every extent the parse allows for the phrase ``noun`` names, with its features:
    from ``noun`` itself and from the noun it is the possessor, compound or of-/by-object of.
    A pronoun is itself."""
    if noun.pos_ == "PRON":
        return [((noun.i, noun.i + 1), ["pronoun"])]
    out: dict[Extent, list[str]] = {}
    for head, climb in _heads(noun):
        for extent, feats in _extents(head):
            if not extent[0] <= noun.i < extent[1] or extent in out:
                continue
            feats = [f"climb={climb}", *feats, *(f"{f}|climb={climb}" for f in feats if f.startswith(("L", "R")))]
            if rule is not None and _chars(noun.doc, extent) == rule:
                feats.append("rule")
            out[extent] = feats
    return list(out.items())


def _heads(noun: Token) -> list[tuple[Token, str]]:
    """``noun`` and the nouns it climbs to, up to three arcs, with the path climbed, where
    the bigger phrase still names the same party: "Islamic State fighters" ("compound"),
    "dozens of fighters", "envoys from Egypt", "a spokesman for the army" ("pobj>prep=of"),
    "his counterpart, President Mattarella" ("appos"). A possessor is not what it owns
    ("Clinton's speech"), a place not who is in it, a conjunct not the list (members of a
    list are phrases of their own)."""
    heads = [(noun, "none")]
    node, path = noun, []
    for _ in range(3):
        head = node.head
        if head.i == node.i or node.dep_ not in _CLIMB_DEPS:  # (spaCy makes a new Token per access: compare indices)
            break
        if node.dep_ == "prep" and node.lower_ not in _CLIMB_PREPOSITIONS:
            break
        path.append(_arc(node))
        node = head
        if node.pos_ in _NOUNS:
            heads.append((node, ">".join(path)))
        elif node.dep_ != "prep":
            break
    return heads


def _arc(token: Token) -> str:
    if token.dep_ == "prep":
        return f"prep={token.lower_}"
    if token.dep_ == "acl":
        return f"acl={token.tag_}"
    return token.dep_


def _extents(head: Token) -> list[tuple[Extent, list[str]]]:
    lefts = list(head.lefts)
    rights: list[Token] = []
    for child in head.rights:
        if child.dep_ in _END_DEPS:
            break
        rights.append(child)
    role = head.dep_ if head.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "compound"} else "other"
    kind = head.ent_type_ or head.pos_
    out = []
    # starts: the noun, then each left child's left edge, nearest first
    for li in range(len(lefts) + 1):
        kept_left, cut_left = lefts[len(lefts) - li :], lefts[: len(lefts) - li]
        start = kept_left[0].left_edge.i if kept_left else head.i
        for ri in range(len(rights) + 1):
            kept_right, cut_right = rights[:ri], rights[ri:]
            end = (kept_right[-1].right_edge.i if kept_right else head.i) + 1
            feats = [f"L+{_left(c)}" for c in kept_left] + [f"L-{_left(c)}" for c in cut_left]
            feats += [f"R+{_right(c)}" for c in kept_right]
            if cut_right:
                feats.append(f"Rcut={_right(cut_right[0])}")
                feats.append(f"Rcut={_right(cut_right[0])}|{role}")
                feats.append(f"Rcut={_right(cut_right[0])}|{kind}")
            else:
                feats.append("Rall")
            feats += [f"{f}|{role}" for f in feats if f.startswith(("R+", "L-"))]
            out.append(((start, end), feats + _shape(head.doc, start, end)))
            if end < len(head.doc) and head.doc[end].text == ")" and "brackets.unbalanced" in out[-1][1]:
                # "Nigerian Air Force ( NAF )": a closing bracket the parser hung elsewhere
                out.append(((start, end + 1), [*feats, "bracket.closed", *_shape(head.doc, start, end + 1)]))
    return out


def _left(child: Token) -> str:
    if child.dep_ in {"det", "predet"}:
        return f"{child.dep_}={child.lower_}"
    if child.dep_ == "punct":
        return f"punct={child.text}"
    return child.dep_


def _right(child: Token) -> str:
    if child.dep_ == "prep":
        return f"prep={child.lower_}"
    if child.dep_ == "punct":
        return f"punct={child.text}"
    if child.dep_ in {"acl", "relcl"}:
        return f"{child.dep_}={child.tag_}"
    return child.dep_


def _shape(doc: Doc, start: int, end: int) -> list[str]:
    words = [t.text for t in doc[start:end]]
    out = [f"len={min(end - start, 12)}"]
    if any(t.pos_ in {"VERB", "AUX"} for t in doc[start:end]):
        out.append("has.verb")
    if words.count("(") != words.count(")"):
        out.append("brackets.unbalanced")
    if doc[end - 1].is_punct:
        out.append(f"ends={doc[end - 1].text}")
    if doc[start].is_punct:
        out.append("starts.punct")
    if "," in words:
        out.append("comma")
    # a cut inside a named entity ("the Islamic State | group")
    if doc[start].ent_iob_ == "I" or (end < len(doc) and doc[end].ent_iob_ == "I"):
        out.append("cuts.entity")
    return out


def gold_groups(doc: Doc, gold: Sequence[tuple[int, int]], rule: Callable[[Token], tuple[int, int]]) -> list[list[tuple[list[str], bool]]]:
    """Training groups from a parsed sentence and its marked side spans (characters), with
    ``rule`` giving the rule span of a noun as at run time: for each span, from its syntactic head and from each noun in it that climbs to that head,
    every candidate with whether it is the marked span. Spans no candidate matches (the
    parse splits them) give no group."""
    groups = []
    for start, end in gold:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        # the nouns an actor may be named at: the head of the phrase and each name in it
        starts = [root] + [t for t in span if t.i != root.i and _named_at(t) and any(h.i == root.i for h, _ in _heads(t)[1:])]
        for token in starts:
            found = candidates(token, rule(token))
            labels = [_chars(doc, extent) == (start, end) for extent, _ in found]
            if any(labels):
                groups.append([(feats, label) for (_, feats), label in zip(found, labels)])
    return groups


def _named_at(token: Token) -> bool:
    if token.pos_ not in {"PROPN", "NOUN"}:
        return False
    # the last word of a name, where the name's words hang
    return token.ent_iob_ == "O" or token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"


def fit(groups: Sequence[Sequence[tuple[Sequence[str], bool]]], *, c: float = 1.0, min_count: int = 2) -> ExtentModel:
    """An L2 logistic regression over every candidate of ``groups`` (scikit-learn);
    features seen fewer than ``min_count`` times are dropped."""
    rows = [row for group in groups for row in group]
    model = logistic_regression(c, "fitting the side-extent model")
    names, x = design_matrix([feats for feats, _ in rows], min_count=min_count)
    model.fit(x, [label for _, label in rows])
    weights = {name: round(float(w), 5) for name, w in zip(names, model.coef_[0]) if abs(w) > 1e-6}
    return ExtentModel(weights, round(float(model.intercept_[0]), 5))
