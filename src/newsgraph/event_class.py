"""A learned judge of an event's class: what kind of interaction its sentence reports.

The verb dictionary codes the trigger; the surrounding words often say more ("launched an
assault", "stalled Geneva negotiations", "suspended military aid"). A multinomial logistic
regression over the sentence's words, its verbs with their objects, and the trigger with its
dictionary code predicts the Phoenix *quad class* (five classes, with 0 for statements):

    0 statement             CAMEO roots 01-02
    1 verbal cooperation    03-05
    2 material cooperation  06-08
    3 verbal conflict       09-13 and 16
    4 material conflict     14-15 and 17-20

Each ``Event`` carries it as ``quad_class``; where it differs from the class of the event's
CAMEO code, the dictionary pattern probably misread the sentence. The shipped weights
(``data/event_class_model.json``) were fitted by ``scripts/train_event_class.py`` on
ConfliBERT's 1,349 labelled sentences; ``newsgraph eval confliBERT`` scores the model by
k-fold cross-validation, so no sentence is judged by a model that saw it. Scoring needs no ML
library; fitting needs scikit-learn (``pip install 'newsgraph[train]'``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from spacy.tokens import Span, Token

from .learning import design_matrix, logistic_regression, softmax
from .resources import catalogue_json

__all__ = ["QUAD_CLASSES", "EventClassModel", "code_class", "features", "fit"]

QUAD_CLASSES = ("statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict")

_OBJECT_DEPS = {"dobj", "prep", "xcomp", "ccomp", "attr", "dative"}


def code_class(cameo: Optional[str]) -> Optional[int]:
    """The quad class of a CAMEO code (None for a code without a numeric root)."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 2:
        return 0
    if 3 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13 or root == 16:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def features(sentence: Span, trigger: Optional[Token] = None, cameo: Optional[str] = None) -> list[str]:
    """Sparse binary features: the sentence's content lemmas, its verbs and what they govern,
    and the trigger with its dictionary code (``trigger`` None: the sentence alone)."""
    out = set(_sentence_features(sentence))
    if trigger is None:
        out.add("trigger=none")
    else:
        lemma = trigger.lemma_.lower()
        out.add(f"trigger={lemma}")
        out.update(f"trigger+{c.dep_}={lemma}_{c.lemma_.lower()}" for c in trigger.children if c.dep_ in _OBJECT_DEPS)
        if any(c.dep_ == "neg" for c in trigger.children):
            out.add("trigger.negated")
        # what the trigger hangs on: "refused to send", "began a hunger strike" (a root
        # hangs on itself: "trigger<ROOT=lemma", which the shipped model was fitted with)
        out.add(f"trigger<{trigger.dep_}={trigger.head.lemma_.lower()}")
    if cameo:
        out.add(f"code.root={cameo[:2]}")
        out.add(f"code.class={code_class(cameo)}")
    return sorted(out)


def _sentence_features(sentence: Span) -> tuple[str, ...]:
    # Every event of a sentence shares these; the rule layers ask once per event.
    cache = sentence.doc.user_data.setdefault("newsgraph_class_features", {})
    key = (sentence.start, sentence.end)
    if key not in cache:
        out = set()
        for token in sentence:
            lemma = token.lemma_.lower()
            if token.is_alpha and not token.is_stop:
                out.add(f"w={lemma}")
            if token.pos_ == "VERB":
                out.add(f"v={lemma}")
                out.update(f"v+o={lemma}_{c.lemma_.lower()}" for c in token.children if c.dep_ in {"dobj", "prep"})
            if token.dep_ == "ROOT":
                out.add(f"root={lemma}")
            if token.dep_ == "neg":
                out.add("negated")
        cache[key] = tuple(sorted(out))
    return cache[key]


@dataclass(frozen=True)
class EventClassModel:
    """Per-feature weight vectors (one weight per class) and per-class intercepts."""

    weights: dict[str, tuple[float, ...]]
    intercept: tuple[float, ...]

    @classmethod
    def from_dict(cls, data: dict) -> "EventClassModel":
        return cls({f: tuple(w) for f, w in data["weights"].items()}, tuple(data["intercept"]))

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> Optional["EventClassModel"]:
        try:
            return cls.from_dict(catalogue_json("event_class_model.json"))
        except Exception:  # noqa: BLE001 - a missing model leaves quad_class to the code
            return None

    def probabilities(self, feats: Iterable[str]) -> list[float]:
        scores = list(self.intercept)
        for feat in feats:
            for k, w in enumerate(self.weights.get(feat, ())):
                scores[k] += w
        return softmax(scores)

    def predict(self, feats: Iterable[str]) -> int:
        probs = self.probabilities(feats)
        return max(range(len(probs)), key=probs.__getitem__)

    def to_dict(self) -> dict:
        return {"intercept": list(self.intercept), "weights": {f: list(w) for f, w in sorted(self.weights.items())}}


def fit(examples: Sequence[tuple[Sequence[str], int]], *, c: float = 1.0, min_count: int = 2) -> EventClassModel:
    """An L2 multinomial logistic regression on ``(features, class)`` pairs (scikit-learn);
    features seen fewer than ``min_count`` times are dropped."""
    model = logistic_regression(c, "fitting the event-class model")
    names, x = design_matrix([feats for feats, _ in examples], min_count=min_count)
    labels = [label for _, label in examples]
    model.fit(x, labels)
    classes = list(model.classes_)
    if classes != list(range(len(QUAD_CLASSES))):
        raise ValueError(f"every quad class needs examples; got classes {classes}")
    weights = {
        name: tuple(round(float(model.coef_[k][j]), 5) for k in range(len(classes)))
        for j, name in enumerate(names)
        if any(abs(model.coef_[k][j]) > 1e-6 for k in range(len(classes)))
    }
    return EventClassModel(weights, tuple(round(float(b), 5) for b in model.intercept_))
