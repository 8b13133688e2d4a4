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

How much of the sentence a side's span takes is learned from these very sentences
(``events.extent``; the shipped ``data/extent_model.json`` saw all of them), so the score is
cross-validated: the sentences are dealt into 5 folds (fixed shuffle, seed 13), a model is
fitted on the marked spans of four folds, and the fifth is read with it; the shipped model is
never used here. Which actor is a side comes from the rules, learned from none of this.
Without scikit-learn (``newsgraph[train]``), or with fewer than 10 sentences, the extents are
the rule spans (``details.extent`` says which).

Details: per side precision/recall counts, sentences without any event, each side's F1 per
fold (``fold_f1_min_max``), and why each marked span was missed (``missed_gold_spans``: the
extent differs, the party is on the other side or on a reciprocal event's one side only,
another event of the sentence has it, nothing names it, no event).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any, Iterator

from ..actors import ActorCatalogue
from ..errors import ModelError
from ..events import extent
from ..events.arguments import rule_span
from ..model import Article
from ..pipeline import build_report
from . import SetResult
from .metrics import span_f1
from .plover import best_event

__all__ = ["FOLDS", "RECORDS", "SEED", "evaluate", "extent_groups", "fold_models", "gold_sides", "miss_cause", "ner_sentences", "sentence_folds", "span_counts"]

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


FOLDS = 5
SEED = 13


def sentence_folds(count: int, folds: int = FOLDS, seed: int = SEED) -> list[int]:
    """Each sentence's fold: a fixed shuffle dealt round-robin (no ML library needed)."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    fold_of = [0] * count
    for rank, i in enumerate(order):
        fold_of[i] = rank % folds
    return fold_of


def gold_sides(marked: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """A sentence's marked spans per side; a reciprocal party is on both."""
    return {"source": marked["S"] + marked["R"], "target": marked["T"] + marked["R"]}


def extent_groups(docs: list, golds: list[dict[str, list[Span]]]) -> list[list]:
    """Per sentence, the side-extent model's training groups from its marked spans."""
    return [extent.gold_groups(doc, sorted({*g["source"], *g["target"]}), rule_span) for doc, g in zip(docs, golds)]


def fold_models(groups: list[list], fold_of: list[int], folds: int) -> tuple[dict[int, extent.ExtentModel], str]:
    """The side-extent model of each fold, fitted on the other folds' sentences only, and
    how the extents were read; without scikit-learn (or sentences enough) the rule span."""
    if len(fold_of) < 2 * folds:
        return {}, "rule span (too few sentences to cross-validate)"
    try:
        models = {k: extent.fit([g for i, gs in enumerate(groups) if fold_of[i] != k for g in gs]) for k in range(folds)}
    except ModelError:
        return {}, "rule span (scikit-learn missing: pip install 'newsgraph[train]')"
    return models, f"learned, {folds}-fold cross-validated by sentence (seed {SEED})"


def evaluate(data_dir: Path, *, limit: int | None = None, nlp=None) -> SetResult:
    from ..components import load_pipeline

    nlp = nlp or load_pipeline()
    catalogue = ActorCatalogue.packaged(nlp)
    rows = list(ner_sentences(Path(data_dir) / RECORDS))[: limit or None]
    docs = list(nlp.pipe([t for t, _ in rows], batch_size=32))
    golds = [gold_sides(marked) for _, marked in rows]
    # The shipped extent model learned from every sentence here: each sentence is read with a
    # model fitted on the other folds instead.
    fold_of = sentence_folds(len(rows))
    groups = extent_groups(docs, golds)
    models, reading = fold_models(groups, fold_of, FOLDS)
    keys = [(side, how) for side in ("source", "target") for how in ("exact", "overlap")]
    counts = {key: [0, 0, 0, 0] for key in keys}
    per_fold = {k: {key: [0, 0, 0, 0] for key in keys} for k in range(FOLDS)}
    causes = {side: {c: 0 for c in MISS_CAUSES} for side in ("source", "target")}
    errors: list[dict[str, Any]] = []
    no_event = 0
    for i, ((text, marked), doc, gold) in enumerate(zip(rows, docs, golds)):
        with extent.using(models.get(fold_of[i])):
            report = build_report(doc, Article(text=text), catalogue, judge_events=False)
        chosen = best_event(report.events, doc)
        no_event += chosen is None
        predicted = {
            "source": chosen.source_spans if chosen else (),
            "target": chosen.target_spans if chosen else (),
        }
        for key, total in counts.items():
            side, how = key
            for j, n in enumerate(span_counts(predicted[side], gold[side], exact=how == "exact")):
                total[j] += n
                per_fold[fold_of[i]][key][j] += n
        missed = {side: [miss_cause(g, side, chosen, report.events, reciprocal=g in marked["R"]) for g in gold[side] if g not in predicted[side]] for side in gold}
        for side, found in missed.items():
            for cause in found:
                causes[side][cause] += 1
        if any(set(predicted[side]) != set(gold[side]) for side in gold):
            errors.append({
                "kind": "miss" if chosen is None else "wrong_sides",
                "text": text,
                "gold": {side: [text[a:b] for a, b in spans] for side, spans in gold.items()},
                "predicted": {side: [text[a:b] for a, b in spans] for side, spans in predicted.items()},
                "causes": missed,
                "trigger": chosen.text if chosen else None,
                "fold": fold_of[i],
            })
    metrics: dict[str, float] = {}
    details: dict[str, Any] = {"sentences": len(rows), "no_event": no_event, "extent": reading, "missed_gold_spans": causes}
    for (side, how), total in counts.items():
        scores = details[f"{side}.{how}"] = span_f1(total)
        metrics[f"{side}.{how}.f1"] = scores["f1"]
    for how in ("exact", "overlap"):
        metrics[f"{how}.macro_f1"] = round((metrics[f"source.{how}.f1"] + metrics[f"target.{how}.f1"]) / 2, 2)
    if models:
        spread = {key: [span_f1(per_fold[k][key])["f1"] for k in range(FOLDS)] for key in keys}
        details["fold_f1_min_max"] = {f"{side}.{how}.f1": [min(v), max(v)] for (side, how), v in spread.items()}
    return SetResult(name="confliBERT-ner", metrics=metrics, details=details, errors=errors)


# Why a marked span was not predicted exactly: a predicted span overlaps it (extent); the
# chosen event has it on its other side (wrong_side); another event of the sentence has it
# as a side (other_event: the best event is another verb); nothing names it (unfound); the
# sentence has no event (no_event). A reciprocal party ("X met Y": both sides) found on one
# side only is ``reciprocal``.
MISS_CAUSES = ("extent", "wrong_side", "reciprocal", "other_event", "unfound", "no_event")


def miss_cause(gold: Span, side: str, chosen, events, *, reciprocal: bool = False) -> str:
    def overlaps(spans) -> bool:
        return any(a < gold[1] and gold[0] < b for a, b in spans)

    if chosen is None:
        return "no_event"
    own = chosen.source_spans if side == "source" else chosen.target_spans
    other = chosen.target_spans if side == "source" else chosen.source_spans
    if overlaps(own):
        return "extent"
    if overlaps(other):
        return "reciprocal" if reciprocal else "wrong_side"
    if any(overlaps((*e.source_spans, *e.target_spans)) for e in events if e is not chosen):
        return "other_event"
    return "unfound"
