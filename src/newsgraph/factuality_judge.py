"""A learned judge of hedging: does the text present this event as less than certain?

The factuality rules (``factuality``) find negation well and name the hedges they know
(modals, "reportedly", "plans to", "if"), but news hedges in more ways than a list holds
("is seen as a step toward", "in a bid to", "the talks aim at"). Where the rules read an
event as certainly real, this judge decides whether the text hedges it after all: a logistic
regression over the rules' own reading and the parse around the predicate (its lemma, tag
and dependency, its auxiliaries and markers, the three words it hangs under, a question or a
condition in the sentence). The rules keep every other decision: a negated event stays
negated, a hedged one hedged.

It was fitted on the UW factuality corpus (train and dev together) by
``scripts/train_factuality_judge.py``, which writes ``data/factuality_judge.json`` (weights,
threshold and how they were chosen: docs/evaluation.md, "Factuality"). Scoring needs no ML
library: a sparse dot product.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from spacy.tokens import Token

from .learning import design_matrix, logistic_regression, probability
from .model import Factuality
from .nlp import sentence_of, text_of
from .resources import catalogue_exists, catalogue_json

__all__ = ["JUDGED_POS", "MODEL", "HedgeJudge", "features", "fit", "judged", "reading"]

MODEL = "factuality_judge.json"

# Children of the predicate (and of the words above it) that carry mood and scope.
_SCOPE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "mark", "prt"})
_GOVERNOR_SCOPE_DEPS = frozenset({"aux", "neg", "mark"})
_CONDITION_WORDS = frozenset({"if", "unless", "whether"})
_QUOTE_MARKS = ('"', "“", "”")
# The parts of speech the judge decides for (``HedgeJudge.hedges``).
JUDGED_POS = frozenset({"VERB"})


def reading(fact: Factuality) -> str:
    """The rules' reading in the gold's three classes: certain, negated, hedged (a condition
    hedges whatever its certainty; a certain future is certain)."""
    if fact.certainty != "certain" or fact.mode == "hypothetical":
        return "hedged"
    return "negated" if fact.polarity == "negative" else "certain"


def features(token: Token, fact: Factuality) -> list[str]:
    """Sparse binary features of a predicate and the rules' reading of it."""
    rule = reading(fact)
    out = [f"rule={rule}", f"polarity={fact.polarity}", f"certainty={fact.certainty}", f"mode={fact.mode}"]
    out += [f"cue={c.lower()}" for c in fact.cues]
    out += [f"lemma={token.lemma_.lower()}", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}"]
    out += [f"rule+pos={rule}|{token.pos_}", f"rule+dep={rule}|{token.dep_}"]
    out += [f"child={c.dep_}:{c.lower_}" for c in token.children if c.dep_ in _SCOPE_DEPS]
    node = token
    for depth in range(3):
        if node.head.i == node.i:
            out.append(f"gov{depth}=ROOT")
            break
        out += [f"gov{depth}={node.dep_}>{node.head.lemma_.lower()}", f"govdep{depth}={node.dep_}"]
        out += [f"gov{depth}child={c.dep_}:{c.lower_}" for c in node.head.children if c.dep_ in _GOVERNOR_SCOPE_DEPS]
        node = node.head
    sentence = sentence_of(token)
    before = text_of(token.doc)[sentence.start_char : token.idx]
    if sum(before.count(mark) for mark in _QUOTE_MARKS) % 2 == 1 or before.count("``") > before.count("''"):
        out.append("inside_quote")  # a speaker's own words: the speaker asserts them
    if sentence.text.rstrip().endswith("?"):
        out.append("question")
    if any(w.lower_ in _CONDITION_WORDS for w in sentence):
        out.append("condition_word")
    return out


def judged(token: Token, fact: Factuality) -> bool:
    """Whether the judge decides for this predicate: a full verb the rules read as certain
    and actual. Only full verbs, the word class it learned from (UW annotates 9,204 verbs, 35
    copulas and auxiliaries); eventive nouns ("the deal", "their hard work") are rated mostly
    certain in MEANTIME (train: 33 of the 40 predicates the judge would hedge there are
    certain, most of them nouns), so the judge leaves nouns, adjectives and copulas to the
    rules; and a certain future stays the rules' call (UW rates most "will X" certain)."""
    return token.pos_ in JUDGED_POS and reading(fact) == "certain" and fact.mode != "future"


@dataclass(frozen=True)
class HedgeJudge:
    weights: dict[str, float]
    intercept: float
    threshold: float

    @classmethod
    def from_dict(cls, data: dict) -> "HedgeJudge":
        return cls({f: float(w) for f, w in data["weights"].items()}, float(data["intercept"]), float(data["threshold"]))

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> Optional["HedgeJudge"]:
        """The shipped judge, or None where the package has none (the rules decide alone)."""
        return cls.from_dict(catalogue_json(MODEL)) if catalogue_exists(MODEL) else None

    def probability(self, feats: Iterable[str]) -> float:
        return probability(self.weights, feats, self.intercept)

    def hedges(self, token: Token, fact: Factuality) -> bool:
        """Whether the judge hedges a predicate it decides for (``judged``)."""
        return self.probability(features(token, fact)) >= self.threshold

    def to_dict(self) -> dict:
        return {"intercept": self.intercept, "threshold": self.threshold, "weights": dict(sorted(self.weights.items()))}


# Features seen in fewer examples than this are dropped: a word seen once or twice teaches
# nothing that holds, and the shipped model stays small.
MIN_COUNT = 5


def fit(examples: Sequence[tuple[list[str], bool]], *, c: float, threshold: float, min_count: int = MIN_COUNT) -> HedgeJudge:
    """An L2 logistic regression on ``(features, is_hedged)`` pairs (scikit-learn)."""
    model = logistic_regression(c, "fitting the factuality judge")
    names, x = design_matrix([feats for feats, _ in examples], min_count=min_count)
    model.fit(x, [bool(label) for _, label in examples])
    weights = {str(name): round(float(w), 4) for name, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4}
    return HedgeJudge(weights, round(float(model.intercept_[0]), 4), threshold)
