"""Measured quality: readers and scorers for the gold sets in ``shared/data``, and the gate.

Each set is a module with ``evaluate(data_dir, *, limit=None, nlp=None) -> SetResult``.
``SetResult.metrics`` maps flat metric names ("cue.exact.f1") to numbers in 0-100;
``SetResult.errors`` lists every miss and false alarm as a plain dict (``kind``: "miss" or
"false_alarm", the text involved and what was expected or predicted), for ``--errors``.
The gate (``gate.py``) compares metrics with the pinned floors in ``quality_floors.json``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

__all__ = ["SETS", "SetResult", "evaluate_set"]

# name -> module implementing evaluate(); names are what `newsgraph eval SET` accepts.
SETS = {
    "polnear": "newsgraph.evaluation.polnear",
    "polnear-voice": "newsgraph.evaluation.polnear_voice",
    "polnear-agreement": "newsgraph.evaluation.polnear_agreement",
    "petrarch": "newsgraph.evaluation.petrarch",
    "plover": "newsgraph.evaluation.plover",
    "confliBERT": "newsgraph.evaluation.conflibert",
    "confliBERT-ner": "newsgraph.evaluation.conflibert_ner",
    "factuality": "newsgraph.evaluation.factuality",
    "dates": "newsgraph.evaluation.dates",
    "events-judged": "newsgraph.evaluation.judged_events",
    "actors-judged": "newsgraph.evaluation.judged_actors",
    "events-nonevents": "newsgraph.evaluation.nonevents",
    "events-conflict": "newsgraph.evaluation.conflict_events",
    "corroboration": "newsgraph.evaluation.corroboration",
    "acts": "newsgraph.evaluation.acts",
    "quotes": "newsgraph.evaluation.quotes",
}


@dataclass
class SetResult:
    name: str
    metrics: dict[str, float]
    details: dict[str, Any] = field(default_factory=dict)  # counts, per-label tables
    errors: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


def evaluate_set(name: str, data_dir: Path, *, limit: Optional[int] = None, **options: Any) -> SetResult:
    """Score set ``name``; ``options`` go to its ``evaluate`` (factuality and polnear take ``split``)."""
    import time

    module = importlib.import_module(SETS[name])
    start = time.perf_counter()
    result = module.evaluate(data_dir, limit=limit, **options)
    result.seconds = round(time.perf_counter() - start, 2)
    return result
