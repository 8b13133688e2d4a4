"""Fit the side-extent model (``src/newsgraph/data/extent_model.json``).

Data: ConfliBERT's argument sentences, ``$NEWSGRAPH_DATA/dev/events/confliBERT/cameo_ner_train.txt``
(1,153 sentences with their source, target and reciprocal spans marked). No other set is
read. For each marked span, the candidate extents of its head noun (and of each name in it
that hangs on that head) are described as at analysis time (``newsgraph.events.extent``); the
candidate equal to the marked span is the positive example.

Model: L2 logistic regression (scikit-learn), C=1, features seen fewer than twice dropped;
both fixed in advance, not searched. ``newsgraph eval confliBERT-ner`` scores the same recipe
by 5-fold cross-validation over sentences; this script records that score next to the
weights and then fits on every sentence.

    python scripts/train_extent.py [--data DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("NEWSGRAPH_DATA") or REPO.parent / "shared" / "data"))
    parser.add_argument("--out", type=Path, default=REPO / "src" / "newsgraph" / "data" / "extent_model.json")
    args = parser.parse_args()

    from newsgraph.components import load_pipeline
    from newsgraph.evaluation.conflibert_ner import FOLDS, RECORDS, SEED, evaluate, extent_groups, gold_sides, ner_sentences
    from newsgraph.events import extent

    if not (args.data / RECORDS).is_file():
        sys.exit(f"ConfliBERT argument sentences not found: {args.data / RECORDS} (set NEWSGRAPH_DATA or pass --data)")
    started = time.time()
    nlp = load_pipeline()
    scored = evaluate(args.data, nlp=nlp)  # refits per fold: never reads the shipped model
    cv = {"folds": FOLDS, "seed": SEED, **scored.metrics, "fold_f1_min_max": scored.details.get("fold_f1_min_max")}
    print(f"{FOLDS}-fold cross-validated: {json.dumps(scored.metrics)} ({time.time() - started:.0f}s)", file=sys.stderr)
    rows = list(ner_sentences(args.data / RECORDS))
    docs = list(nlp.pipe([text for text, _ in rows], batch_size=32))
    groups = [g for gs in extent_groups(docs, [gold_sides(marked) for _, marked in rows]) for g in gs]
    model = extent.fit(groups)
    data = {
        **model.to_dict(),
        "trained_on": f"ConfliBERT cameo_ner_train.txt (all {len(rows):,} sentences, {len(groups):,} marked spans' candidate groups); no other set read",
        "cross_validation": cv,
        "hyperparameters": {"C": 1.0, "min_count": 2},
        "made_by": "scripts/train_extent.py",
    }
    args.out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights)} features) in {time.time() - started:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
