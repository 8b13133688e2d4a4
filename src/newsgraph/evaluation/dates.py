"""Date resolution against the derived NGEC gold cases.

Gold: ``dev/dates/ngec_date_resolution_cases.derived.jsonl``, one case a line: ``expr``,
``ref_date``, ``expected_start``, ``expected_end``, ``date_type`` (and provenance fields).
Each expression is resolved with :func:`newsgraph.dates.resolve_date` against its reference
date; :func:`agrees` is the one statement of how the gold's conventions map onto ours (the
test suite uses it too).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Optional, Union

from ..model import EventDate
from ..resources import data_dir as resolve_data_dir
from . import SetResult
from .metrics import Accuracy

__all__ = ["GOLD_PATH", "agrees", "read_cases", "evaluate"]

GOLD_PATH = "dev/dates/ngec_date_resolution_cases.derived.jsonl"


def agrees(case: dict, got: EventDate) -> bool:
    """Gold conventions, mapped onto ours.

    * A ``None`` expected start/end means the source test did not assert it; ``unresolved``
      cases must come back unresolved with no dates (the gold's "falls back to the pub date"
      is a pipeline-level fallback, not a resolution).
    * Gold ``exact`` means "precisely delimited" at its granularity (day, week, month, year),
      so our ``exact`` (one day) and ``range`` (a whole calendar period) both agree with it.
      Gold ``approximate``/``range`` must equal ours; ``not range`` means anything but range;
      a ``None`` type is not asserted.
    * A partial expected date ("1992", "2025-03") is a prefix of our start/end.
    * Whenever both our start and end are set, end >= start.
    """
    gold_type = case["date_type"]
    if gold_type == "unresolved":
        return got.type == "unresolved" and got.start is None and got.end is None
    ok = True
    if gold_type == "not range":
        ok &= got.type != "range"
    elif gold_type == "exact":
        ok &= got.type in ("exact", "range")
    elif gold_type is not None:
        ok &= got.type == gold_type
    for key, value in (("expected_start", got.start), ("expected_end", got.end)):
        want = case[key]
        if want is not None:
            ok &= value is not None and (value == want if len(want) == 10 else value.startswith(want))
    if got.start and got.end:
        ok &= got.end >= got.start
    return ok


def read_cases(path: Union[str, Path], *, limit: Optional[int] = None) -> list[dict]:
    lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit is not None:
        lines = lines[:limit]
    return [json.loads(line) for line in lines]


def evaluate(data_dir: Union[str, Path, None] = None, *, limit: Optional[int] = None, nlp=None) -> SetResult:
    """``exact.accuracy``: percent of cases agreeing on start, end and type (``nlp`` unused)."""
    from ..dates import resolve_date

    data_dir = resolve_data_dir(data_dir)
    cases = read_cases(data_dir / GOLD_PATH, limit=limit)
    accuracy = Accuracy()
    by_type: dict[str, Accuracy] = {}
    errors: list[dict[str, Any]] = []
    for case in cases:
        got = resolve_date(case["expr"], dt.date.fromisoformat(case["ref_date"]))
        ok = agrees(case, got)
        accuracy.add(ok)
        by_type.setdefault(str(case["date_type"]), Accuracy()).add(ok)
        if not ok:
            errors.append(
                {
                    "kind": "mismatch",
                    "text": case["expr"],
                    "ref_date": case["ref_date"],
                    "expected": {"start": case["expected_start"], "end": case["expected_end"], "type": case["date_type"]},
                    "predicted": {"start": got.start, "end": got.end, "type": got.type},
                    "note": case.get("note"),
                }
            )
    return SetResult(
        name="dates",
        metrics={"exact.accuracy": round(100 * accuracy.value, 2)},
        details={"cases": accuracy.total, "correct": accuracy.correct, "by_type": {k: v.as_dict() for k, v in sorted(by_type.items())}},
        errors=errors,
    )
