"""What the learned judges share: the sparse design matrix they are fitted on (scikit-learn,
``newsgraph[train]``), the logistic scoring of their weights and the walk of boosted trees
over binary features (no ML library)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import AbstractSet, Any, Iterable, Mapping, Optional, Sequence

from .errors import Errors, ModelError

__all__ = ["Tree", "best_class", "boosted_trees", "design_matrix", "logistic", "logistic_regression", "probability", "softmax", "trees_of"]

# exp() overflows past about 709; a logistic of a score beyond +-30 is 0 or 1 to 13 places.
_SCORE_BOUND = 30.0


def logistic(score: float) -> float:
    """The probability a linear score stands for."""
    return 1.0 / (1.0 + math.exp(-max(-_SCORE_BOUND, min(_SCORE_BOUND, score))))


def probability(weights: Mapping[str, float], features: Iterable[str], intercept: float = 0.0) -> float:
    """The probability a fitted linear model gives a set of binary features (unknown ones weigh 0)."""
    return logistic(intercept + sum(weights.get(f, 0.0) for f in features))


def best_class(
    weights: Mapping[str, Mapping[str, float]], intercepts: Mapping[str, float], features: Iterable[str]
) -> tuple[str, float]:
    """The most probable class of a fitted multinomial linear model for a set of binary
    features, and its probability (softmax over the classes' scores)."""
    feats = list(features)
    classes = sorted(intercepts)
    shares = softmax([intercepts[c] + sum(weights.get(c, {}).get(f, 0.0) for f in feats) for c in classes])
    best = max(range(len(classes)), key=shares.__getitem__)
    return classes[best], shares[best]


def softmax(scores: Sequence[float]) -> list[float]:
    """The probabilities a multinomial linear model's class scores stand for."""
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def logistic_regression(c: float, what: str) -> Any:
    """An unfitted L2 logistic regression (scikit-learn, ``newsgraph[train]``) with the
    settings every learned part uses; ``what`` names the fit in the error without it."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise ModelError(Errors.E103, what=what) from exc
    return LogisticRegression(C=c, max_iter=3000)


def design_matrix(feature_lists: Sequence[Sequence[str]], *, min_count: int) -> tuple[Sequence[str], Any]:
    """(feature names, sparse 0/1 matrix) of binary feature lists for scikit-learn, without
    the features seen in fewer than ``min_count`` lists (shared by the fitted models)."""
    try:
        from sklearn.feature_extraction import DictVectorizer
    except ImportError as exc:
        raise ModelError(Errors.E103, what="fitting a model") from exc
    counts: dict[str, int] = {}
    for feats in feature_lists:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in feats if counts[f] >= min_count} for feats in feature_lists])
    return vectorizer.get_feature_names_out(), x


@dataclass(frozen=True)
class Tree:
    """One regression tree of a boosted ensemble over binary features, as parallel node
    arrays: an inner node tests whether its ``feature`` is present (right) or absent (left);
    a leaf (``feature`` None) holds its ``value``, a share of the log-odds."""

    feature: tuple[Optional[str], ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def score(self, features: AbstractSet[str]) -> float:
        node = 0
        while (name := self.feature[node]) is not None:
            node = self.right[node] if name in features else self.left[node]
        return self.value[node]

    @classmethod
    def from_dict(cls, data: dict) -> "Tree":
        return cls(tuple(data["feature"]), tuple(data["left"]), tuple(data["right"]), tuple(float(v) for v in data["value"]))

    def to_dict(self) -> dict:
        return {"feature": list(self.feature), "left": list(self.left), "right": list(self.right), "value": list(self.value)}


# Fixed in advance, not searched: shallow trees, a slow rate and L2 on the leaves keep an
# ensemble fitted on a few thousand candidates from memorising single articles.
BOOSTING = {"max_iter": 300, "learning_rate": 0.05, "max_leaf_nodes": 15, "l2_regularization": 1.0, "random_state": 13}


def boosted_trees(what: str) -> Any:
    """An unfitted gradient-boosted tree classifier (scikit-learn, ``newsgraph[train]``) with
    ``BOOSTING``; ``what`` names the fit in the error without it."""
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError as exc:
        raise ModelError(Errors.E103, what=what) from exc
    return HistGradientBoostingClassifier(early_stopping=False, **BOOSTING)


def trees_of(model: Any, names: Sequence[str]) -> tuple[float, tuple[Tree, ...]]:
    """(baseline log-odds, trees) of a fitted binary ``boosted_trees`` model on 0/1 features
    named ``names``: what scoring needs, without scikit-learn."""
    trees = []
    for (predictor,) in model._predictors:  # one predictor per round for a binary model
        nodes = predictor.nodes
        for node in nodes:
            if not node["is_leaf"] and not 0 <= node["num_threshold"] < 1:
                raise ValueError("boosted trees over binary features split between 0 and 1")
        trees.append(Tree(
            tuple(None if n["is_leaf"] else str(names[n["feature_idx"]]) for n in nodes),
            tuple(int(n["left"]) for n in nodes),
            tuple(int(n["right"]) for n in nodes),
            tuple(round(float(n["value"]), 6) for n in nodes),
        ))
    return float(model._baseline_prediction[0][0]) if hasattr(model._baseline_prediction, "__len__") else float(model._baseline_prediction), tuple(trees)
