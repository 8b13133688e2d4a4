"""Fit the event judge (``src/newsgraph/data/event_judge_model.json``).

Data: the recipe of ``newsgraph.evaluation.judge_training``, every part: the candidate events
judged on PolNeAR *train* articles (US campaign news; 48 picked only for training and the 40
scored ones), real events of conflict news from ConfliBERT's NER and class training sentences
(positives only), the sentences with no political event (``nonevent_sentences.jsonl``:
negatives only) and the candidates on the expected trigger of the sentences with one conflict
event (``conflict_sentences.jsonl``: positives only, with their type). Each candidate's
features are those ``build_report`` gives at analysis time (``newsgraph.event_judge.features``),
so the shipped model sees at run time what it was fitted on.

``newsgraph eval events-judged``, ``events-nonevents`` and ``events-conflict`` never score the
shipped model: each refits the same recipe per fold, so each scored article or sentence is
judged by a model that did not see it. Model: L2 logistic regression (scikit-learn), C=1,
features seen fewer than twice dropped; C was chosen among 0.3, 1 and 3 by those
cross-validations (1 was best), and the sentence sets' weights the same way. The script
reports 5-fold cross-validation by article on the scored articles (no article in both a
fold's training and test part): AUC and, at the default threshold, precision and the share
of real candidates kept, per fold and as mean and spread; then it fits on every example.

    python scripts/train_event_judge.py [--data DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _fold_scores(examples, threshold):
    from sklearn.metrics import roc_auc_score

    from newsgraph.evaluation.judge_training import fit_judge
    from newsgraph.evaluation.judged_events import FOLDS, article_folds

    fold_of = article_folds({e.group for e in examples if e.part == "judged"})
    scores = []
    for k in range(FOLDS):
        judge = fit_judge(examples, {doc for doc, f in fold_of.items() if f == k}, types=False)
        test = [(judge.probability(e.features), e.real) for e in examples if e.part == "judged" and fold_of[e.group] == k]
        kept = [y for p, y in test if p >= threshold]
        real = sum(y for _, y in test)
        scores.append(
            {
                "fold": k,
                "candidates": len(test),
                "auc": round(roc_auc_score([y for _, y in test], [p for p, _ in test]), 4),
                "precision": round(sum(kept) / len(kept), 4) if kept else 0.0,
                "real_kept": round(sum(kept) / real, 4) if real else 0.0,
            }
        )
    summary = {
        key: {"mean": round(statistics.mean(s[key] for s in scores), 4), "stdev": round(statistics.stdev(s[key] for s in scores), 4)}
        for key in ("auc", "precision", "real_kept")
    }
    return scores, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("NEWSGRAPH_DATA") or REPO.parent / "shared" / "data"))
    parser.add_argument("--out", type=Path, default=REPO / "src" / "newsgraph" / "data" / "event_judge_model.json")
    args = parser.parse_args()

    from newsgraph.components import load_pipeline
    from newsgraph.evaluation.conflibert import RECORDS as CLASS_RECORDS
    from newsgraph.evaluation.conflibert_ner import RECORDS as NER_RECORDS
    from newsgraph.evaluation.conflict_events import SENTENCES as CONFLICT
    from newsgraph.evaluation.judge_training import MIN_COUNT, C, fit_judge, parts_count, training_examples
    from newsgraph.evaluation.judged_events import FOLDS, JUDGMENTS, SEED, TRAIN, TRAINING_JUDGMENTS
    from newsgraph.evaluation.nonevents import SENTENCES as NONEVENTS
    from newsgraph.event_judge import DEFAULT_THRESHOLD

    if not (args.data / TRAIN).is_file():
        sys.exit(f"PolNeAR train not found: {args.data / TRAIN} (set NEWSGRAPH_DATA or pass --data)")
    started = time.time()
    examples = training_examples(load_pipeline(), args.data)
    parts = parts_count(examples)
    for part, count in parts.items():
        real = sum(e.real for e in examples if e.part == part)
        print(f"{part}: {count} candidates ({real} real)", file=sys.stderr)
    print(f"parsed in {time.time() - started:.0f}s", file=sys.stderr)
    folds, summary = _fold_scores(examples, DEFAULT_THRESHOLD)
    for s in folds:
        print(f"  fold {s['fold']}: {s['candidates']} candidates, AUC {s['auc']:.3f}, precision {s['precision']:.3f}, real kept {s['real_kept']:.3f}", file=sys.stderr)
    print("  mean (stdev): " + ", ".join(f"{k} {v['mean']:.3f} ({v['stdev']:.3f})" for k, v in summary.items()), file=sys.stderr)
    judge = fit_judge(examples)
    data = {
        **judge.to_dict(),
        "trained_on": {
            "recipe": "newsgraph.evaluation.judge_training",
            "files": [TRAINING_JUDGMENTS, JUDGMENTS, NER_RECORDS, CLASS_RECORDS, NONEVENTS, CONFLICT],
            "candidates": parts,
            "real": {part: sum(e.real for e in examples if e.part == part) for part in parts},
            "typed": {part: sum(bool(e.kind) for e in examples if e.part == part) for part in parts},
            "note": "eval events-judged, events-nonevents and events-conflict refit per fold instead of scoring this model",
        },
        "cross_validation": {"folds": FOLDS, "by": "article", "seed": SEED, "threshold": DEFAULT_THRESHOLD, "per_fold": folds, **summary},
        "hyperparameters": {"C": C, "min_count": MIN_COUNT},
        "made_by": "scripts/train_event_judge.py",
    }
    args.out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(judge.weights)} features) in {time.time() - started:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
