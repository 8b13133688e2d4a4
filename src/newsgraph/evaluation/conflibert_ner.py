"""ConfliBERT's event-argument sentences (``dev/events/confliBERT/cameo_ner_train.txt``):
1,153 real news sentences, each reporting one event, with its source (``S``) and target
(``T``) marked token by token (``R`` marks participants of a reciprocal event, "X will meet
Y": both source and target here).

What it scores: the sides of the event newsgraph reads in each sentence. The event is
``plover.best_event`` among every candidate of the rule coder (the sentence is known to
report one, as in the PLOVER set); its side is the words that name it at that event
(``Event.source_spans``, ``Event.target_spans``: "she", "Hamas sources"), not every mention
of the actor elsewhere.

- ``source.exact.f1`` / ``target.exact.f1``: a predicted span counts when it has exactly the
  gold span's characters — the measure of ConfliBERT's own argument taggers (72-74 macro-F1
  fine-tuned on this data). The data mark whole noun phrases ("a car bomb in Kiev" is not
  marked, "a car bomb" is; "the Croatian government 's request" is), so names alone rarely
  match exactly; ``exact.macro_f1`` is the mean of the two sides.
- ``source.overlap.f1`` / ``target.overlap.f1``: a predicted span counts when it shares a
  character with a gold span (PLOVER set's measure); ``overlap.macro_f1`` their mean.

Nothing here is learned from these sentences (the event judge sees them as positive
examples, but sides come from the parse), so the whole file is held out for the sides.
Details: per side precision/recall counts, sentences without any event.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..actors import ActorCatalogue
from ..model import Article
from ..pipeline import build_report
from . import SetResult
from .metrics import span_f1
from .plover import best_event

__all__ = ["RECORDS", "evaluate", "ner_sentences", "span_counts"]

RECORDS = "dev/events/confliBERT/cameo_ner_train.txt"

Span = tuple[int, int]


def ner_sentences(path: Path) -> Iterator[tuple[str, dict[str, list[Span]]]]:
    """(text, {"S": [...], "T": [...], "R": [...]}) of a CoNLL file of ``token tag`` lines;
    tokens joined by single spaces, spans in characters of that text."""
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            tokens.append((word, tag))
            continue
        if not tokens:
            continue
        text = ""
        marked: dict[str, list[Span]] = {"S": [], "T": [], "R": []}
        for word, tag in tokens:
            start = len(text) + (1 if text else 0)
            text = f"{text} {word}" if text else word
            side = tag[2:]
            if side in marked:
                if tag.startswith("B-") or not marked[side]:
                    marked[side].append((start, len(text)))
                else:
                    marked[side][-1] = (marked[side][-1][0], len(text))
        tokens = []
        yield text, marked


def span_counts(predicted: tuple[Span, ...], gold: list[Span], *, exact: bool) -> tuple[int, int, int, int]:
    """(right predicted spans, predicted spans, gold spans found, gold spans)."""

    def match(a: Span, b: Span) -> bool:
        return a == b if exact else (a[0] < b[1] and b[0] < a[1])

    right = sum(any(match(p, g) for g in gold) for p in predicted)
    found = sum(any(match(p, g) for p in predicted) for g in gold)
    return right, len(predicted), found, len(gold)


def evaluate(data_dir: Path, *, limit: int | None = None, nlp=None) -> SetResult:
    from ..components import load_pipeline

    nlp = nlp or load_pipeline()
    catalogue = ActorCatalogue.packaged(nlp)
    rows = list(ner_sentences(Path(data_dir) / RECORDS))[: limit or None]
    counts = {(side, how): [0, 0, 0, 0] for side in ("source", "target") for how in ("exact", "overlap")}
    errors: list[dict[str, Any]] = []
    no_event = 0
    for (text, marked), doc in zip(rows, nlp.pipe([t for t, _ in rows], batch_size=32)):
        report = build_report(doc, Article(text=text), catalogue, judge_events=False)
        chosen = best_event(report.events, doc)
        no_event += chosen is None
        gold = {"source": marked["S"] + marked["R"], "target": marked["T"] + marked["R"]}
        predicted = {
            "source": chosen.source_spans if chosen else (),
            "target": chosen.target_spans if chosen else (),
        }
        for (side, how), total in counts.items():
            for i, n in enumerate(span_counts(predicted[side], gold[side], exact=how == "exact")):
                total[i] += n
        if any(set(predicted[side]) != set(gold[side]) for side in gold):
            errors.append({
                "kind": "miss" if chosen is None else "wrong_sides",
                "text": text,
                "gold": {side: [text[a:b] for a, b in spans] for side, spans in gold.items()},
                "predicted": {side: [text[a:b] for a, b in spans] for side, spans in predicted.items()},
                "trigger": chosen.text if chosen else None,
            })
    metrics: dict[str, float] = {}
    details: dict[str, Any] = {"sentences": len(rows), "no_event": no_event}
    for (side, how), total in counts.items():
        scores = details[f"{side}.{how}"] = span_f1(total)
        metrics[f"{side}.{how}.f1"] = scores["f1"]
    for how in ("exact", "overlap"):
        metrics[f"{how}.macro_f1"] = round((metrics[f"source.{how}.f1"] + metrics[f"target.{how}.f1"]) / 2, 2)
    return SetResult(name="confliBERT-ner", metrics=metrics, details=details, errors=errors)
