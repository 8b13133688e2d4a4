"""Fit the learned hedge judge (``newsgraph.factuality_judge``) on UW train + dev and write
``src/newsgraph/data/factuality_judge.json``.

The regularisation and the threshold are chosen by cross-validation by contiguous folds of
sentences (the UW files do not mark documents; a fold holds whole runs of them), and the
outer folds report what that choice is worth on text it did not see: for each outer fold, the
grid is searched with inner folds of the other four, and the fold is scored with the winner.

    python scripts/train_factuality_judge.py [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from pathlib import Path

from newsgraph.evaluation.factuality import FOLDS, contiguous_folds, cross_validate, uw_examples
from newsgraph.factuality_judge import MIN_COUNT, fit

REPO = Path(__file__).resolve().parents[1]
GRID_C = (0.3, 1.0)
GRID_THRESHOLD = (0.3, 0.35, 0.4, 0.45)


def best_settings(examples) -> tuple[float, float, float]:
    """(macro-F1, C, threshold) of the grid point with the best cross-validated macro-F1."""
    best = (-1.0, 0.0, 0.0)
    for c in GRID_C:
        for threshold in GRID_THRESHOLD:
            score = cross_validate(examples, c=c, threshold=threshold)["pooled"]["macro_f1"]
            best = max(best, (score, c, threshold))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("NEWSGRAPH_DATA") or REPO.parent / "shared" / "data"))
    args = parser.parse_args()
    examples = uw_examples(args.data)
    assignment = contiguous_folds(examples)
    nested = []
    for k in range(FOLDS):
        inner = [e for e, f in zip(examples, assignment) if f != k]
        _, c, threshold = best_settings(inner)
        outer = cross_validate(examples, c=c, threshold=threshold)["folds"][k]
        nested.append({"fold": k, "c": c, "threshold": threshold, **outer})
        print(nested[-1])
    score, c, threshold = best_settings(examples)
    judge = fit([(list(e.features), e.gold == "hedged") for e in examples], c=c, threshold=threshold)
    trained = {
        "data": "UW factuality (Stanovsky et al. 2017 unified), train + dev: every annotated predicate",
        "examples": len(examples),
        "label": "hedged: gold value between -2 and 2",
        "min_count": MIN_COUNT,
        "c": c,
        "threshold": threshold,
        "cv_macro_f1": score,
        "nested_cv": nested,
        "nested_macro_f1_mean": round(statistics.mean(n["macro_f1"] for n in nested), 2),
    }
    out = REPO / "src" / "newsgraph" / "data" / "factuality_judge.json"
    out.write_text(json.dumps({**judge.to_dict(), "trained": trained}, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out}: C={c}, threshold={threshold}, CV macro-F1 {score}; nested mean {trained['nested_macro_f1_mean']}")


if __name__ == "__main__":
    main()
