"""ConfliBERT's CAMEO "pentacode" sentences (``dev/events/confliBERT/cameo_class_train.tsv``,
1,349 sentences, ``sentence<TAB>label``).

Classes are the Phoenix quad classes of ``newsgraph.event_class`` (0 statement, 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict); the data bear
the mapping out: "suggested", "expressed hopes" are 0, "will meet", "apologize" are 1, and most
sentences whose event we code 16 (suspend, expel, impose sanctions) are labelled 3, not 4.

Two readings of each sentence, each scored as macro-F1 over the five classes and accuracy:

- ``penta.*``: the learned event-class model (``event_class``), scored by stratified 5-fold
  cross-validation: each sentence is judged by a model fitted on the other four folds only
  (fixed seed, fixed hyper-parameters C=1, min_count=2 — nothing is tuned on the folds).
  Features come from the sentence's best event (below), or from the sentence alone when it
  has none. Needs scikit-learn (``newsgraph[train]``). Left out when the sentences scored
  (``--limit``) hold fewer than two of some class.
- ``penta.*_rules``: the class of the best event's dictionary CAMEO code; a sentence without
  any event is class 0 (newsgraph reads "X said ..." as an attribution, not as an event, and a
  bare statement is what class 0 holds).

Best event per sentence: ``plover.best_event`` (highest confidence, then the trigger nearest the
dependency root, then the earliest). Details: per-class F1 and the confusion matrix (gold row ->
predicted column) of the learned reading, how many sentences had an event, and the accuracy an
oracle choice among our events' code classes would reach (``any_event_accuracy``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..actors import ActorCatalogue
from ..event_class import code_class, fit
from ..event_class import features as class_features
from ..model import Article
from ..nlp import sentence_of
from ..pipeline import build_report
from . import SetResult
from .metrics import MacroF1
from .plover import best_event

__all__ = ["CLASS_NAMES", "NO_EVENT_CLASS", "cross_validated", "evaluate", "penta_class", "sentence_examples"]

RECORDS = "dev/events/confliBERT/cameo_class_train.tsv"
CLASS_NAMES = {0: "statement", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
NO_EVENT_CLASS = 0


def penta_class(cameo: str | None) -> int | None:
    """CAMEO code -> quad class (None for a code without a numeric root)."""
    return code_class(cameo)


def load_records(data_dir: Path, limit: int | None = None) -> list[tuple[str, int]]:
    rows = []
    for line in (Path(data_dir) / RECORDS).read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        if text and label.strip().isdigit():
            rows.append((text, int(label)))
    return rows[:limit] if limit else rows


FOLDS = 5
SEED = 13


def sentence_examples(nlp, records: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """Per sentence: the learned model's features, the gold class, and the dictionary reading."""
    catalogue = ActorCatalogue.packaged(nlp)
    out = []
    for (text, gold), doc in zip(records, nlp.pipe([t for t, _ in records], batch_size=32)):
        report = build_report(doc, Article(text=text), catalogue, judge_events=False)
        events = [e for e in report.events if code_class(e.cameo) is not None]
        chosen = best_event(events, doc)
        if chosen is None:
            feats = class_features(doc[:], None, None)
        else:
            trigger = doc.char_span(*chosen.trigger, alignment_mode="expand").root
            feats = class_features(sentence_of(trigger), trigger, chosen.cameo)
        out.append({
            "text": text,
            "gold": gold,
            "features": feats,
            "rules": code_class(chosen.cameo) if chosen else NO_EVENT_CLASS,
            "event": f"{chosen.text}:{chosen.cameo}" if chosen else None,
            "classes": sorted({code_class(e.cameo) for e in events}) or [NO_EVENT_CLASS],
        })
    return out


def judge_positives(nlp, data_dir: Path) -> list[tuple[list[str], bool]]:
    """Real events for the event judge: in each sentence labelled with an event class (1-4),
    every rule candidate whose dictionary code has that class, as a positive example — the
    protests, bombings and visits of real news the judged campaign articles lack. Candidates
    of other classes are left out (they may be real too). [] without the file."""
    from ..event_judge import features

    path = Path(data_dir) / RECORDS
    if not path.is_file():
        return []
    catalogue = ActorCatalogue.packaged(nlp)
    records = [(text, label) for text, label in load_records(data_dir) if label != NO_EVENT_CLASS]
    out = []
    for (text, gold), doc in zip(records, nlp.pipe([t for t, _ in records], batch_size=32)):
        report = build_report(doc, Article(text=text), catalogue, judge_events=False)
        actors = {a.id: a for a in report.actors}
        out += [(features(doc, e, actors, report.attributions), True) for e in report.events if code_class(e.cameo) == gold]
    return out


def cross_validated(examples: list[dict[str, Any]], folds: int = FOLDS, seed: int = SEED) -> list[int]:
    """The learned model's class for each example, from a model that never saw it."""
    from sklearn.model_selection import StratifiedKFold

    labels = [e["gold"] for e in examples]
    predicted = [0] * len(examples)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(examples, labels):
        model = fit([(examples[i]["features"], labels[i]) for i in train])
        for i in test:
            predicted[i] = model.predict(examples[i]["features"])
    return predicted


def evaluate(data_dir: Path, *, limit: int | None = None, nlp=None) -> SetResult:
    from ..components import load_pipeline

    nlp = nlp or load_pipeline()
    examples = sentence_examples(nlp, load_records(data_dir, limit))
    folds = min(FOLDS, _smallest_class(examples))
    # Cross-validation needs two sentences of every class; a small --limit may not have them.
    learned = cross_validated(examples, folds=folds) if folds >= 2 else None
    labels = list(CLASS_NAMES)
    scores, rules = MacroF1(), MacroF1()
    confusion = {g: {p: 0 for p in labels} for g in labels}
    errors: list[dict[str, Any]] = []
    for i, example in enumerate(examples):
        gold = example["gold"]
        predicted = learned[i] if learned is not None else example["rules"]
        scores.add(gold, predicted)
        rules.add(gold, example["rules"])
        confusion[gold][predicted] += 1
        if predicted != gold:
            errors.append({
                "kind": "wrong_class",
                "text": example["text"],
                "gold": gold,
                "predicted": predicted,
                "rules": example["rules"],
                "event": example["event"],
            })
    metrics = {
        "penta.macro_f1_rules": round(100 * rules.value(labels), 2),
        "penta.accuracy_rules": round(100 * rules.accuracy(), 2),
    }
    if learned is not None:
        metrics["penta.macro_f1"] = round(100 * scores.value(labels), 2)
        metrics["penta.accuracy"] = round(100 * scores.accuracy(), 2)
    details = {
        "sentences": len(examples),
        "with_event": sum(1 for e in examples if e["event"]),
        "folds": folds if learned is not None else "skipped: cross-validation needs two sentences of every class",
        "any_event_accuracy": round(100 * sum(e["gold"] in e["classes"] for e in examples) / len(examples), 2) if examples else 0.0,
        "per_class": {f"{k} {CLASS_NAMES[k]}": v.as_dict() for k, v in scores.per_label(labels).items()},
        "confusion": {str(g): {str(p): n for p, n in row.items()} for g, row in confusion.items()},
    }
    return SetResult(name="confliBERT", metrics=metrics, details=details, errors=errors)


def _smallest_class(examples: list[dict[str, Any]]) -> int:
    counts = {k: 0 for k in CLASS_NAMES}
    for e in examples:
        counts[e["gold"]] += 1
    return min(counts.values())
