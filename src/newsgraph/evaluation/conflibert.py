"""ConfliBERT's CAMEO "pentacode" sentences (``dev/events/confliBERT/cameo_class_train.tsv``,
1,349 sentences, ``sentence<TAB>label``): scored as they are, nothing trains on them.

Classes (ConfliBERT / Phoenix penta-class, from the CAMEO root of an event):

    0 make statement       roots 01-02 (public statement, appeal)
    1 verbal cooperation   roots 03-05 (intent to cooperate, consult, diplomatic cooperation)
    2 material cooperation roots 06-08 (cooperate materially, aid, yield)
    3 verbal conflict      roots 09-13 and 16 (investigate, demand, disapprove, reject,
                           threaten; reduce relations)
    4 material conflict    roots 14-15, 17-20 (protest, force posture, coerce ... mass violence)

This is the Phoenix quad-class (neutral 01-02 as class 0; "reduce relations" 16 with verbal
conflict); the data bear it out: "suggested", "expressed hopes" are 0, "will meet",
"apologize" are 1, and 44 of the 55 sentences whose event we code 16 (suspend, expel, impose
sanctions) are labelled 3, not 4.

Event per sentence: ``plover.best_event`` over all events (highest confidence, then the
trigger nearest the dependency root, then the earliest). A sentence without any event is class
0: newsgraph reads "X said ..." as an attribution, not as an event, and a bare statement is what
class 0 holds.

Metrics: ``penta.macro_f1`` (over the five classes), ``penta.accuracy``. Details: per-class F1,
the confusion matrix (gold row -> predicted column), how many sentences had an event, and the
accuracy an oracle choice among our events would reach (``any_event_accuracy``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..actors import ActorCatalogue
from ..model import Article
from ..pipeline import build_report
from . import SetResult
from .metrics import MacroF1
from .plover import best_event

__all__ = ["CLASS_NAMES", "NO_EVENT_CLASS", "evaluate", "penta_class"]

RECORDS = "dev/events/confliBERT/cameo_class_train.tsv"
CLASS_NAMES = {0: "statement", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
NO_EVENT_CLASS = 0


def penta_class(cameo: str | None) -> int | None:
    """CAMEO code -> penta class (None for a code without a numeric root)."""
    if not cameo or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 2:
        return 0
    if 3 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13 or root == 16:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def load_records(data_dir: Path, limit: int | None = None) -> list[tuple[str, int]]:
    rows = []
    for line in (Path(data_dir) / RECORDS).read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        if text and label.strip().isdigit():
            rows.append((text, int(label)))
    return rows[:limit] if limit else rows


def evaluate(data_dir: Path, *, limit: int | None = None, nlp=None) -> SetResult:
    from ..nlp import load_pipeline

    nlp = nlp or load_pipeline()
    catalogue = ActorCatalogue.packaged(nlp)
    records = load_records(data_dir, limit)
    docs = list(nlp.pipe([t for t, _ in records], batch_size=32))
    scores = MacroF1()
    labels = list(CLASS_NAMES)
    confusion = {g: {p: 0 for p in labels} for g in labels}
    with_event = oracle = 0
    errors: list[dict[str, Any]] = []
    for (text, gold), doc in zip(records, docs):
        report = build_report(doc, Article(text=text), catalogue)
        events = [e for e in report.events if penta_class(e.cameo) is not None]
        chosen = best_event(events, doc)
        predicted = penta_class(chosen.cameo) if chosen else NO_EVENT_CLASS
        with_event += chosen is not None
        classes = {penta_class(e.cameo) for e in events} or {NO_EVENT_CLASS}
        oracle += gold in classes
        scores.add(gold, predicted)
        confusion[gold][predicted] += 1
        if predicted != gold:
            errors.append({
                "kind": "miss" if chosen is None else "wrong_class",
                "text": text,
                "gold": gold,
                "predicted": predicted,
                "event": f"{chosen.text}:{chosen.cameo}" if chosen else None,
                "events": [f"{e.text}:{e.cameo}:{penta_class(e.cameo)}:{e.confidence}" for e in events],
            })
    per_class = scores.per_label(labels)
    metrics = {
        "penta.macro_f1": round(100 * scores.value(labels), 2),
        "penta.accuracy": round(100 * scores.accuracy(), 2),
    }
    details = {
        "sentences": len(records),
        "with_event": with_event,
        "any_event_accuracy": round(100 * oracle / len(records), 2) if records else 0.0,
        "per_class": {f"{k} {CLASS_NAMES[k]}": v.as_dict() for k, v in per_class.items()},
        "confusion": {str(g): {str(p): n for p, n in row.items()} for g, row in confusion.items()},
    }
    return SetResult(name="confliBERT", metrics=metrics, details=details, errors=errors)
