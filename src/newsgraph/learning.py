"""What the learned judges share: the sparse design matrix they are fitted on (scikit-learn,
``newsgraph[train]``) and the logistic scoring of their weights (no ML library)."""

from __future__ import annotations

import math
from itertools import repeat
from typing import Any, Iterable, Mapping, Sequence

from .errors import Errors, ModelError

__all__ = ["best_class", "design_matrix", "linear_score", "logistic", "logistic_regression", "probability", "softmax"]

# exp() overflows past about 709; a logistic of a score beyond +-30 is 0 or 1 to 13 places.
_SCORE_BOUND = 30.0


def logistic(score: float) -> float:
    """The probability a linear score stands for."""
    return 1.0 / (1.0 + math.exp(-max(-_SCORE_BOUND, min(_SCORE_BOUND, score))))


def linear_score(weights: Mapping[str, float], features: Iterable[str], intercept: float = 0.0) -> float:
    """A fitted linear model's raw score of a set of binary features (unknown ones weigh 0).
    To rank candidates, compare scores: their probabilities can tie where ``logistic`` bounds
    them."""
    return intercept + sum(map(weights.get, features, repeat(0.0)))


def probability(weights: Mapping[str, float], features: Iterable[str], intercept: float = 0.0) -> float:
    """The probability a fitted linear model gives a set of binary features (unknown ones weigh 0)."""
    return logistic(linear_score(weights, features, intercept))


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
