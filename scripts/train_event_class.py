"""Fit the learned event-class model (``src/newsgraph/data/event_class_model.json``).

Data: ConfliBERT's labelled sentences, ``$NEWSGRAPH_DATA/dev/events/confliBERT/cameo_class_train.tsv``
(1,349 sentences, five quad classes). No other set is read. The features of each sentence are
those the pipeline gives at analysis time (``newsgraph.event_class.features`` over the sentence's
best event), so the shipped model sees at run time what it was fitted on.

Model: L2 multinomial logistic regression (scikit-learn), C=1, features seen fewer than twice
dropped; both fixed in advance, not searched. ``newsgraph eval confliBERT`` scores the same
recipe by stratified 5-fold cross-validation; this script records that score next to the
weights and then fits on every sentence.

    python scripts/train_event_class.py [--data DIR] [--out PATH]
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
    parser.add_argument("--out", type=Path, default=REPO / "src" / "newsgraph" / "data" / "event_class_model.json")
    args = parser.parse_args()

    from newsgraph.components import load_pipeline
    from newsgraph.evaluation.conflibert import FOLDS, RECORDS, SEED, cross_validated, load_records, sentence_examples
    from newsgraph.evaluation.metrics import MacroF1
    from newsgraph.event_class import fit

    if not (args.data / RECORDS).is_file():
        sys.exit(f"ConfliBERT sentences not found: {args.data / RECORDS} (set NEWSGRAPH_DATA or pass --data)")
    started = time.time()
    examples = sentence_examples(load_pipeline(), load_records(args.data))
    print(f"featurised {len(examples)} sentences in {time.time() - started:.0f}s", file=sys.stderr)
    scores = MacroF1()
    for example, predicted in zip(examples, cross_validated(examples)):
        scores.add(example["gold"], predicted)
    cv = {"folds": FOLDS, "seed": SEED, "macro_f1": round(scores.value(list(range(5))), 4), "accuracy": round(scores.accuracy(), 4)}
    print(f"{FOLDS}-fold cross-validated macro-F1 {cv['macro_f1']:.3f}, accuracy {cv['accuracy']:.3f}", file=sys.stderr)
    model = fit([(e["features"], e["gold"]) for e in examples])
    data = {
        **model.to_dict(),
        "classes": ["statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"],
        "trained_on": "ConfliBERT cameo_class_train.tsv (all 1,349 sentences); no other set read",
        "cross_validation": cv,
        "hyperparameters": {"C": 1.0, "min_count": 2},
        "made_by": "scripts/train_event_class.py",
    }
    args.out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights)} features) in {time.time() - started:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
