"""The quality gate: pinned floors that scores may rise above but never fall below.

``quality_floors.json`` maps set name -> metric name -> floor (0-100). ``check`` compares a
run with the floors; ``raise_floors`` writes the new, higher values back, and lowers a floor
only when explicitly allowed (``allow_regression``), so every lowering is a visible decision
in the repository history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from . import SetResult

__all__ = ["Floors", "Verdict", "check", "load_floors", "raise_floors"]

# Scores are rounded to two decimals; a change below this is noise, not a regression.
TOLERANCE = 0.01

Floors = dict[str, dict[str, float]]


@dataclass(frozen=True)
class Verdict:
    set: str
    metric: str
    floor: float
    score: float | None

    @property
    def ok(self) -> bool:
        return self.score is not None and self.score + TOLERANCE >= self.floor


def load_floors(path: Path) -> Floors:
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def check(results: Iterable[SetResult], floors: Floors) -> list[Verdict]:
    verdicts = []
    for result in results:
        for metric, floor in floors.get(result.name, {}).items():
            verdicts.append(Verdict(result.name, metric, floor, result.metrics.get(metric)))
    return verdicts


def raise_floors(results: Iterable[SetResult], floors: Floors, *, allow_regression: bool = False) -> Floors:
    """Floors moved up to the new scores (down too, only with ``allow_regression``)."""
    updated = {name: dict(metrics) for name, metrics in floors.items()}
    for result in results:
        for metric in floors.get(result.name, {}):
            score = result.metrics.get(metric)
            if score is None:
                continue
            old = updated[result.name][metric]
            if score > old or allow_regression:
                updated[result.name][metric] = round(score, 2)
    return updated


def write_floors(path: Path, floors: Floors) -> None:
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
