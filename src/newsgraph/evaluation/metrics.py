"""Counting and scoring: precision/recall/F1 counters, accuracy, macro-F1, span overlap."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Optional, Sequence

__all__ = ["PRF", "Accuracy", "MacroF1", "bootstrap_f1", "overlap", "char_overlap_ratio", "percent", "span_f1", "spans_overlap"]

Span = tuple[int, int]


@dataclass
class PRF:
    """Precision, recall and F1 from true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metrics(self, prefix: str) -> dict[str, float]:
        """``{prefix}.precision``, ``.recall`` and ``.f1`` in percent, for a ``SetResult``."""
        return {f"{prefix}.{name}": round(100 * getattr(self, name), 2) for name in ("precision", "recall", "f1")}

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(100 * self.precision, 2),
            "recall": round(100 * self.recall, 2),
            "f1": round(100 * self.f1, 2),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"accuracy": round(100 * self.value, 2), "correct": self.correct, "total": self.total}


@dataclass
class MacroF1:
    """Per-label F1 averaged over the labels seen in gold or prediction."""

    gold: list[Hashable] = field(default_factory=list)
    predicted: list[Hashable] = field(default_factory=list)

    def add(self, gold: Hashable, predicted: Hashable) -> None:
        self.gold.append(gold)
        self.predicted.append(predicted)

    def per_label(self, labels: Optional[Iterable[Hashable]] = None) -> dict[Hashable, PRF]:
        labels = list(labels) if labels is not None else sorted(set(self.gold) | set(self.predicted) - {None}, key=str)
        out = {label: PRF() for label in labels}
        for g, p in zip(self.gold, self.predicted):
            if g == p and g in out:
                out[g].add(tp=1)
            else:
                if p in out:
                    out[p].add(fp=1)
                if g in out:
                    out[g].add(fn=1)
        return out

    def value(self, labels: Optional[Iterable[Hashable]] = None) -> float:
        scores = [prf.f1 for prf in self.per_label(labels).values()]
        return sum(scores) / len(scores) if scores else 0.0

    def accuracy(self) -> float:
        pairs = list(zip(self.gold, self.predicted))
        return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0

    def as_dict(self, labels: Optional[Iterable[Hashable]] = None) -> dict[str, float]:
        labels = list(labels) if labels is not None else None
        counts = Counter(self.gold)
        return {
            "macro_f1": round(100 * self.value(labels), 2),
            "accuracy": round(100 * self.accuracy(), 2),
            "n": len(self.gold),
            "labels": {str(k): {"f1": round(100 * v.f1, 2), "support": counts.get(k, 0)} for k, v in self.per_label(labels).items()},
        }


def span_f1(counts: Sequence[int]) -> dict[str, float]:
    """Precision, recall and F1 (percent) of span matching where a predicted span and a gold
    span are counted apart — (right predicted, predicted, gold found, gold) — since one
    prediction may cover two gold spans; the counts are kept beside them."""
    correct, n_pred, found, n_gold = counts
    p = correct / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2),
            "correct_predicted": correct, "predicted": n_pred, "found_gold": found, "gold": n_gold}


def percent(numerator: int, denominator: int) -> float:
    """A share in 0-100, rounded as the gate compares it; 0 for an empty denominator."""
    return round(100.0 * numerator / denominator, 2) if denominator else 0.0


def overlap(a: Span, b: Span) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a: Span, b: Span) -> bool:
    """Whether two spans share a character: how judged sets find the row for an output."""
    return a[0] < b[1] and b[0] < a[1]


def char_overlap_ratio(predicted: Sequence[Span], gold: Sequence[Span]) -> float:
    """Share of the gold characters that the predicted spans cover (the GGT criterion)."""
    total = sum(e - s for s, e in gold)
    if not total:
        return 0.0
    covered = sum(overlap(p, g) for p in predicted for g in gold)
    return min(1.0, covered / total)


def bootstrap_f1(per_item: Sequence[PRF], *, resamples: int = 1000, seed: int = 0) -> tuple[float, float]:
    """The 95% interval of pooled F1 (in %) when the items (articles) are drawn again with
    replacement: how far the score could move on another sample of the same kind of text.
    Seeded, so a rerun prints the same interval."""
    if not per_item:
        return 0.0, 0.0
    rng = random.Random(seed)
    scores = []
    for _ in range(resamples):
        total = PRF()
        for item in rng.choices(per_item, k=len(per_item)):
            total.add(item.tp, item.fp, item.fn)
        scores.append(100 * total.f1)
    scores.sort()
    return round(scores[int(0.025 * resamples)], 2), round(scores[int(0.975 * resamples) - 1], 2)
