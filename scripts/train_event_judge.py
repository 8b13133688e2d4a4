"""Fit the event judge (``src/newsgraph/data/event_judge_model.json``).

Data: the candidate events judged on PolNeAR *train* articles (US campaign news), 48 picked only for training
(``src/newsgraph/data/event_judge_train.jsonl``, ``evaluation.judged_events.training_articles``)
and the 40 scored ones (``judged_events.jsonl``). ``newsgraph eval events-judged`` never
scores the shipped model: it refits the same recipe per fold, so each scored article is
judged by a model that did not see it. Conflict news, which those articles lack, comes from
ConfliBERT's NER training sentences (``cameo_ner_train.txt``): each candidate whose source and
target overlap the marked ones is a real event (positives only). Each candidate's features are those ``build_report`` gives at analysis time
(``newsgraph.event_judge.features``), so the shipped model sees at run time what it was
fitted on.

Sentences with no political event (``nonevent_sentences.jsonl``: disasters, sports, markets,
polls) give negatives only, each weighted 3 (``nonevents.WEIGHT``). Model: L2 logistic regression (scikit-learn), C=1, features seen
fewer than twice dropped; C was chosen among 0.3, 1 and 3 by cross-validation on the scored
articles and, by sentence, on the no-event sentences (``eval events-judged``,
``eval events-nonevents``: 1 was best on both), and the weight among 1, 2, 3 and 5 the same way. The script reports
5-fold cross-validation by article (no article in both a fold's training and test part):
AUC and, at the default threshold, precision and the share of real candidates kept, per fold
and as mean and spread; then it fits on every judged candidate.

    python scripts/train_event_judge.py [--data DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FOLDS, SEED, C, MIN_COUNT = 5, 13, 1.0, 2


def _fold_scores(examples, threshold, always):
    from sklearn.metrics import roc_auc_score

    from newsgraph.event_judge import fit

    docs = sorted({doc for doc, _, _ in examples})
    random.Random(SEED).shuffle(docs)
    fold = {doc: i % FOLDS for i, doc in enumerate(docs)}
    scores = []
    for k in range(FOLDS):
        judge = fit(always + [(f, y) for doc, f, y in examples if fold[doc] != k], c=C, min_count=MIN_COUNT)
        test = [(judge.probability(f), y) for doc, f, y in examples if fold[doc] == k]
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
    from newsgraph.evaluation.judged_events import (
        TRAIN,
        TRAINING_JUDGMENTS,
        judged_candidates,
        judged_reports,
        load_judgments,
        real_news_examples,
        typed_examples,
    )
    from newsgraph.evaluation.nonevents import WEIGHT as NONEVENT_WEIGHT
    from newsgraph.evaluation.nonevents import nonevent_examples
    from newsgraph.event_judge import DEFAULT_THRESHOLD, fit, rules_type

    if not (args.data / TRAIN).is_file():
        sys.exit(f"PolNeAR train not found: {args.data / TRAIN} (set NEWSGRAPH_DATA or pass --data)")
    started = time.time()
    judgments = {**load_judgments(packaged=TRAINING_JUDGMENTS), **load_judgments()}
    nlp = load_pipeline()
    candidates = judged_candidates(judged_reports(nlp, args.data, judgments), judgments)
    examples = [(doc, f, y) for doc, f, y, _ in candidates]
    typed = [(f, t) for _, f, t in typed_examples(candidates)]
    judged_types = len(typed)
    real = sum(y for _, _, y in examples)
    # conflict news, which the judged US campaign articles lack: positives only, always in training
    conflict = real_news_examples(nlp, args.data)
    print(f"{len(conflict)} real events from ConfliBERT's NER and class sentences", file=sys.stderr)
    print(f"{len(examples)} judged candidates ({real} real) from {len(judgments)} articles in {time.time() - started:.0f}s", file=sys.stderr)
    # sentences with no political event (disasters, sports, markets, polls): negatives only, always in training
    nonevents = [(f, y, NONEVENT_WEIGHT) for _, f, y in nonevent_examples(nlp)]
    print(f"{len(nonevents)} candidates in sentences with no event", file=sys.stderr)
    folds, summary = _fold_scores(examples, DEFAULT_THRESHOLD, conflict + nonevents)
    for s in folds:
        print(f"  fold {s['fold']}: {s['candidates']} candidates, AUC {s['auc']:.3f}, precision {s['precision']:.3f}, real kept {s['real_kept']:.3f}", file=sys.stderr)
    print("  mean (stdev): " + ", ".join(f"{k} {v['mean']:.3f} ({v['stdev']:.3f})" for k, v in summary.items()), file=sys.stderr)
    # conflict news has no judged types: there the rules' type stands
    typed += [(f, rules_type(f)) for f, _ in conflict if rules_type(f)]
    judge = fit(conflict + nonevents + [(f, y) for _, f, y in examples], c=C, min_count=MIN_COUNT, typed=typed)
    data = {
        **judge.to_dict(),
        "trained_on": (
            f"{TRAINING_JUDGMENTS} and judged_events.jsonl: {len(examples)} judged candidate events ({real} real) on "
            f"{len(judgments)} PolNeAR train articles; {len(conflict)} real events of ConfliBERT cameo_ner_train.txt and cameo_class_train.tsv sentences; "
            f"{len(nonevents)} candidates in nonevent_sentences.jsonl, none real; "
            f"types: the {judged_types} judged real events with their judged PLOVER type and the "
            f"{len(typed) - judged_types} ConfliBERT events with the rules' type; "
            "eval events-judged refits per fold instead of scoring this model"
        ),
        "cross_validation": {"folds": FOLDS, "by": "article", "seed": SEED, "threshold": DEFAULT_THRESHOLD, "per_fold": folds, **summary},
        "hyperparameters": {"C": C, "min_count": MIN_COUNT},
        "made_by": "scripts/train_event_judge.py",
    }
    args.out.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(judge.weights)} features) in {time.time() - started:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
