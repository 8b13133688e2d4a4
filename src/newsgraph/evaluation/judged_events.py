"""Events judged by hand on real news: PolNeAR *train* articles, every event newsgraph
extracted judged field by field, plus the events it missed (``docs/judging-events.md``).

The judgments (``data/judged_events.jsonl``) hold no article text: each row is keyed by the
PolNeAR document id and character offsets into that document's text, which is read from the
shared data. Two kinds of row:

- ``extracted``: an event newsgraph produced when the set was judged, found again by its
  trigger span. ``event`` says whether a real political event is at the trigger; for a real
  one, the gold ``type`` (PLOVER), ``sources`` and ``targets`` (character spans of the actor
  mentions), ``factuality`` (asserted, negated, hedged, disputed) and ``chain`` (the spans of
  the speakers who report it, innermost first; empty for the author's own voice).
- ``missed``: a real event a coder would code that newsgraph did not produce, with the same
  gold fields.

Scores, over the judged articles:

- ``trigger.precision``: extracted events whose trigger overlaps a judged real event /
  extracted events that were judged (``unjudged`` counts the rest: triggers that did not
  exist when the set was judged);
- ``trigger.recall``: judged real events (extracted or missed) whose trigger an extracted
  event overlaps / judged real events;
- ``type.accuracy``, ``sides.accuracy`` (source and target both right), ``factuality.accuracy``
  and ``chain.accuracy``: over the real events found. A side is right when every gold span is
  overlapped by the words naming that side at the event (``Event.source_spans``: "she" for
  the Clinton it resolves to) and each of those overlaps a gold span (both empty counts as
  right). A chain is right when it has as many
  speakers as the gold one, each overlapping the gold speaker at its place; a speaker
  relaying their own words is one speaker, named by any of its mentions (``chain_links``).
- ``all.accuracy``: real events found with every field right / extracted events judged.
"""

from __future__ import annotations

import json
import random
import statistics
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from spacy.tokens import Doc

from ..corpus.writer import factuality_label
from ..model import Event, Report
from ..resources import catalogue_exists, catalogue_jsonl
from . import SetResult
from .metrics import percent, spans_overlap

__all__ = [
    "JUDGMENTS", "SECOND_JUDGMENTS", "TRAINING_JUDGMENTS", "agreement", "article_folds", "conflict_examples", "calibration", "chain_links", "chain_spans", "evaluate", "judged_candidates",
    "TRAIN", "judged_reports", "kept", "load_judgments", "score", "select_articles", "side_right", "train_texts", "training_articles", "with_causes",
]

TRAIN = "dev/attribution/polnear/derived/polnear_train.derived.jsonl"
JUDGMENTS = "judged_events.jsonl"
# Articles a second judge judged independently, to measure agreement (reported when present).
SECOND_JUDGMENTS = "judged_events_second.jsonl"
# Candidates judged on *other* articles, only to train the event judge (never scored).
TRAINING_JUDGMENTS = "event_judge_train.jsonl"
# Cross-validation of the judge on the scored articles: folds by article, fixed in advance.
FOLDS, SEED = 5, 13
# Articles short enough to judge every event in one sitting; the choice is deterministic.
_MIN_CHARS, _MAX_CHARS = 1200, 3500

Span = tuple[int, int]


def select_articles(data_dir: Path, count: int) -> list[tuple[str, str]]:
    """``count`` PolNeAR train articles of 1,200-3,500 characters, evenly spaced in document-id
    order: (document id, text)."""
    fitting = _fitting(data_dir)
    step = len(fitting) / count
    return [fitting[int(i * step)] for i in range(min(count, len(fitting)))]


def _fitting(data_dir: Path) -> list[tuple[str, str]]:
    """(document id, text) of every PolNeAR train article in the length band, by id."""
    seen: dict[str, str] = {}
    with (Path(data_dir) / TRAIN).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            seen.setdefault(row["doc"], row["text"])
    return sorted((doc, text) for doc, text in seen.items() if _MIN_CHARS <= len(text) <= _MAX_CHARS)


def training_articles(data_dir: Path, count: int, *, held_out: int = 40, exclude: Iterable[str] = ()) -> list[tuple[str, str]]:
    """``count`` PolNeAR train articles of the same length band that are not among the
    ``held_out`` scored ones (nor in ``exclude``: articles judged for training before), evenly
    spaced in document-id order: candidates judged only to train the event judge
    (``data/event_judge_train.jsonl``), never scored."""
    scored = {doc for doc, _ in select_articles(data_dir, held_out)} | set(exclude)
    rest = [(doc, text) for doc, text in _fitting(data_dir) if doc not in scored]
    step = len(rest) / count
    return [rest[int(i * step + step / 2)] for i in range(min(count, len(rest)))]


def chain_spans(report: Report, event: Event) -> list[Span]:
    """The spans of the speakers who report ``event``, innermost first; [] for the author."""
    return [link[0] for link in chain_links(report, event)]


def chain_links(report: Report, event: Event) -> list[list[Span]]:
    """The speakers who report ``event``, innermost first, as the spans that name each: a
    speaker relaying their own words ("Clinton ..., saying she applauded") is one link, named
    by both mentions, as ``Attribution.chain`` names it once."""
    links: list[list[Span]] = []
    attribution = report.attribution(event.attribution) if event.attribution else None
    last = None
    while attribution is not None and len(links) < 20:
        span: Span = tuple(attribution.source.span)  # type: ignore[assignment]
        if links and attribution.chain[0] == last:
            links[-1].append(span)
        else:
            links.append([span])
        last = attribution.chain[0]
        attribution = report.attribution(attribution.via) if attribution.via else None
    return links


def load_judgments(
    path: Optional[Path] = None, *, packaged: str = JUDGMENTS, check: Optional[Callable[[dict[str, Any]], None]] = None
) -> dict[str, list[dict[str, Any]]]:
    """Judgment rows grouped by document id: the file at ``path``, else the packaged one
    (any judged set's JSON lines). ``check`` sees each row first and raises on a bad one."""
    rows: dict[str, list[dict[str, Any]]] = {}
    if path is None:
        lines: Any = catalogue_jsonl(packaged)
    else:
        lines = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    for row in lines:
        if check is not None:
            check(row)
        rows.setdefault(row["doc"], []).append(row)
    return rows


def side_right(report: Report, event: Event, side: str, gold: list[Span]) -> bool:
    """Every gold span overlapped by the words naming the event's side ``side`` ("sources"
    or "targets"), and each of those words overlapping a gold span. Words that name none of
    the side's actors by name ("he may back Trump") stand for those actors, so a gold span
    naming one of them in the sentence ("Sheldon Adelson ... he may back") is the same side:
    the guideline lets judges pick a pronoun or its antecedent. Reports written before events
    kept their argument spans are read through the actors' mentions instead."""
    actor_ids: tuple[str, ...] = getattr(event, side)
    spans: tuple[Span, ...] = getattr(event, side[:-1] + "_spans")
    by_actor = [list(actor.mentions) if (actor := report.actor(a)) else [] for a in actor_ids]
    if spans or not actor_ids:
        mentions = [m for ms in by_actor for m in ms]
        start, end = event.sentence
        in_sentence = [m for m in mentions if start <= m[0] and m[1] <= end]
        named = [[s] if any(spans_overlap(s, m) for m in mentions) else [s, *in_sentence] for s in spans]
    else:
        named = by_actor
    covered = all(any(spans_overlap(m, g) for ms in named for m in ms) for g in gold)
    grounded = all(any(spans_overlap(m, g) for m in ms for g in gold) for ms in named)
    return covered and grounded


def _chain_right(report: Report, event: Event, gold: list[Span]) -> bool:
    predicted = chain_links(report, event)
    return len(predicted) == len(gold) and all(any(spans_overlap(p, g) for p in link) for link, g in zip(predicted, gold))


def _spans(values: Any) -> list[Span]:
    return [tuple(v) for v in values or []]  # type: ignore[misc]


def score(
    reports: dict[str, Report], judgments: dict[str, list[dict[str, Any]]]
) -> tuple[dict[str, float], dict[str, int], list[dict[str, Any]]]:
    """Metrics, counts and error rows of ``reports`` (by document id) against ``judgments``."""
    counts = dict.fromkeys(("extracted", "judged", "unjudged", "true", "real", "found", "type", "sides", "factuality", "chain", "all"), 0)
    errors: list[dict[str, Any]] = []
    for doc, rows in sorted(judgments.items()):
        report = reports[doc]
        real = [r for r in rows if r["kind"] == "missed" or r.get("event")]
        judged_triggers = [tuple(r["trigger"]) for r in rows]
        counts["real"] += len(real)
        for event in report.events:
            counts["extracted"] += 1
            if not any(spans_overlap(event.trigger, t) for t in judged_triggers):
                counts["unjudged"] += 1
                continue
            counts["judged"] += 1
            gold = next((r for r in real if spans_overlap(event.trigger, tuple(r["trigger"]))), None)
            if gold is None:
                errors.append({"set": "events-judged", "kind": "false_alarm", "doc": doc, "trigger": list(event.trigger), "text": event.text, "cameo": event.cameo})
                continue
            counts["true"] += 1
            f = event.factuality
            right = {
                "type": event.plover.type == gold["type"],
                "sides": all(side_right(report, event, side, _spans(gold[side])) for side in ("sources", "targets")),
                "factuality": factuality_label(f.polarity, f.certainty, f.mode, f.disputed) == gold["factuality"],
                "chain": _chain_right(report, event, _spans(gold["chain"])),
            }
            for field, ok in right.items():
                counts[field] += ok
            counts["all"] += all(right.values())
            wrong = [field for field, ok in right.items() if not ok]
            if wrong:
                errors.append(
                    {"set": "events-judged", "kind": "wrong", "fields": wrong, "doc": doc, "trigger": list(event.trigger), "text": event.text,
                     "type": event.plover.type, "gold_type": gold["type"]}
                )
        for gold in real:
            if any(spans_overlap(e.trigger, tuple(gold["trigger"])) for e in report.events):
                counts["found"] += 1
            else:
                errors.append({
                    "set": "events-judged", "kind": "miss", "doc": doc, "trigger": gold["trigger"],
                    "text": report.span_text(tuple(gold["trigger"])), "gold_type": gold["type"],
                })
    found = counts["true"]
    metrics = {
        "trigger.precision": percent(counts["true"], counts["judged"]),
        "trigger.recall": percent(counts["found"], counts["real"]),
        "type.accuracy": percent(counts["type"], found),
        "sides.accuracy": percent(counts["sides"], found),
        "factuality.accuracy": percent(counts["factuality"], found),
        "chain.accuracy": percent(counts["chain"], found),
        "all.accuracy": percent(counts["all"], counts["judged"]),
    }
    return metrics, counts, errors


def with_causes(errors: list[dict[str, Any]], candidates: dict[str, Report]) -> list[dict[str, Any]]:
    """``errors`` (of the events kept at the threshold) with the event judge's side: each
    false alarm's confidence, and for each miss whether the rules proposed it at all
    (``cause`` "no candidate") or the judge kept it out (``cause`` "below threshold", with its
    confidence). ``candidates``: the reports with every candidate event, before the threshold."""
    out = []
    for row in errors:
        near = [e for e in candidates[row["doc"]].events if spans_overlap(e.trigger, tuple(row["trigger"]))]
        best = max(near, key=lambda e: e.confidence, default=None)
        row = dict(row)
        if row["kind"] == "miss":
            row["cause"] = "no candidate" if best is None else "below threshold"
        if best is not None:
            row["confidence"] = round(best.confidence, 3)
        out.append(row)
    return out


def agreement(first: dict[str, list[dict[str, Any]]], second: dict[str, list[dict[str, Any]]]) -> dict[str, float]:
    """How far two judges agree on the articles both judged.

    ``event``: share of extracted triggers both judged with the same event / non-event
    decision, and Cohen's kappa of that decision. ``real.f1``: of the real events each judge
    found (extracted or missed), those the other judge also found (trigger overlap), as F1.
    ``type``, ``sides``, ``factuality``, ``chain``: share of the events both found real
    whose field agrees (sides and chains by span overlap, as the scorer matches them).
    """
    pairs: list[tuple[bool, bool]] = []
    fields = dict.fromkeys(("type", "sides", "factuality", "chain"), 0)
    both = found_first = found_second = 0
    for doc in sorted(set(first) & set(second)):
        a_rows, b_rows = first[doc], second[doc]
        for a in (r for r in a_rows if r["kind"] == "extracted"):
            b = next((r for r in b_rows if r["kind"] == "extracted" and r["trigger"] == a["trigger"]), None)
            if b is not None:
                pairs.append((bool(a["event"]), bool(b["event"])))
        a_real = [r for r in a_rows if r["kind"] == "missed" or r.get("event")]
        b_real = [r for r in b_rows if r["kind"] == "missed" or r.get("event")]
        found_first += len(a_real)
        found_second += len(b_real)
        for a in a_real:
            b = next((r for r in b_real if spans_overlap(tuple(a["trigger"]), tuple(r["trigger"]))), None)
            if b is None:
                continue
            both += 1
            fields["type"] += a["type"] == b["type"]
            fields["sides"] += all(_same_spans(_spans(a[k]), _spans(b[k])) for k in ("sources", "targets"))
            fields["factuality"] += a["factuality"] == b["factuality"]
            chain_a, chain_b = _spans(a["chain"]), _spans(b["chain"])
            fields["chain"] += len(chain_a) == len(chain_b) and all(spans_overlap(x, y) for x, y in zip(chain_a, chain_b))
    same, total = sum(x == y for x, y in pairs), len(pairs)
    out = {
        "event.agreement": percent(same, total),
        "event.kappa": round(100 * _kappa(pairs), 2),
        "real.f1": percent(2 * both, found_first + found_second),
    }
    out.update({f"{k}.agreement": percent(v, both) for k, v in fields.items()})
    return out


def _same_spans(a: list[Span], b: list[Span]) -> bool:
    return all(any(spans_overlap(x, y) for y in b) for x in a) and all(any(spans_overlap(y, x) for x in a) for y in b)


def _kappa(pairs: list[tuple[bool, bool]]) -> float:
    if not pairs:
        return 0.0
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    p_a, p_b = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    expected = p_a * p_b + (1 - p_a) * (1 - p_b)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def train_texts(data_dir: Path, wanted: set[str]) -> Iterator[tuple[str, str]]:
    """(document id, text) of each PolNeAR train article in ``wanted``, once each."""
    seen: set[str] = set()
    with (Path(data_dir) / TRAIN).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["doc"] in wanted and row["doc"] not in seen:
                seen.add(row["doc"])
                yield row["doc"], row["text"]


def judged_reports(nlp, data_dir: Path, docs: Iterable[str]) -> dict[str, tuple[Doc, Report]]:
    """(parse, report with *every* candidate event as the rules give it) of each PolNeAR
    train article in ``docs``: no judge has read them yet (its confidence and type come from
    ``event_judge.rescore``), so a fold's judge sees the same candidates as at analysis time."""
    from ..actors import ActorCatalogue
    from ..model import Article
    from ..pipeline import build_report, pipeline_name

    catalogue, name = ActorCatalogue.packaged(nlp), pipeline_name(nlp)
    out = {}
    for doc_id, text in train_texts(data_dir, set(docs)):
        doc = nlp(text)
        out[doc_id] = (doc, build_report(doc, Article(text=text), catalogue, name, judge_events=False))
    return out


def judged_candidates(
    reports: dict[str, tuple[Doc, Report]], judgments: dict[str, list[dict[str, Any]]]
) -> list[tuple[str, list[str], bool, Optional[str]]]:
    """(document id, judge features, judged real, judged PLOVER type or None) of every
    candidate event whose trigger was judged; candidates nobody judged are left out. Both of
    the judge's models learn from these (``judge_training``)."""
    from ..event_judge import features

    examples = []
    for doc_id, (doc, report) in sorted(reports.items()):
        rows = judgments.get(doc_id, [])
        actors = {a.id: a for a in report.actors}
        for event in report.events:
            judged = [r for r in rows if spans_overlap(event.trigger, tuple(r["trigger"]))]
            if judged:
                real = [r for r in judged if r["kind"] == "missed" or r.get("event")]
                kind = next((r["type"] for r in real if r.get("type")), None)
                examples.append((doc_id, features(doc, event, actors, report.attributions), bool(real), kind))
    return examples


def conflict_examples(nlp, data_dir: Path) -> list[tuple[list[str], bool]]:
    """Real events of conflict news, to teach the judge the domain the judged articles lack:
    in each of ConfliBERT's 1,153 NER training sentences (each reports an event, its source
    and target marked), every candidate whose source and target both overlap the marked
    spans, as a positive example. Other candidates are left out (they may be real too)."""
    from ..actors import ActorCatalogue
    from ..event_judge import features
    from ..model import Article
    from ..pipeline import build_report
    from .conflibert_ner import RECORDS, ner_sentences

    path = Path(data_dir) / RECORDS
    if not path.is_file():
        return []
    catalogue = ActorCatalogue.packaged(nlp)
    out = []
    for text, marked in ner_sentences(path):
        doc = nlp(text)
        report = build_report(doc, Article(text=text), catalogue, judge_events=False)
        actors = {a.id: a for a in report.actors}

        def touches(keys: tuple[str, ...], spans: list[Span]) -> bool:
            return any(spans_overlap(m, s) for k in keys if k in actors for m in actors[k].mentions for s in spans)

        for event in report.events:
            if marked["S"] and marked["T"] and touches(event.sources, marked["S"]) and touches(event.targets, marked["T"]):
                out.append((features(doc, event, actors, report.attributions), True))
    return out


def calibration(reports: dict[str, Report], judgments: dict[str, list[dict[str, Any]]], bins: int = 5) -> list[dict[str, Any]]:
    """For confidence bins of width 1/``bins``: how many judged candidates fall in each, and
    the share of them that are real events (what a confidence of 0.8 means, measured)."""
    table = [[0, 0] for _ in range(bins)]
    for doc_id, report in reports.items():
        real = [tuple(r["trigger"]) for r in judgments.get(doc_id, []) if r["kind"] == "missed" or r.get("event")]
        judged = [tuple(r["trigger"]) for r in judgments.get(doc_id, [])]
        for event in report.events:
            if any(spans_overlap(event.trigger, t) for t in judged):
                cell = table[min(int(event.confidence * bins), bins - 1)]
                cell[0] += 1
                cell[1] += any(spans_overlap(event.trigger, t) for t in real)
    return [
        {"confidence": f"{k / bins:.1f}-{(k + 1) / bins:.1f}", "candidates": n, "real": percent(r, n)}
        for k, (n, r) in enumerate(table)
    ]


def real_news_examples(nlp, data_dir: Path) -> list[tuple[list[str], bool]]:
    """Real events from ConfliBERT's sentences, which the judged campaign articles lack:
    the NER positives (``conflict_examples``) and the class positives
    (``conflibert.judge_positives``). Positives only; always in the judge's training."""
    from .conflibert import judge_positives

    return conflict_examples(nlp, data_dir) + judge_positives(nlp, data_dir)


def kept(report: Report, threshold: float) -> Report:
    """``report`` with only the events at or above ``threshold``."""
    return replace(report, events=tuple(e for e in report.events if e.confidence >= threshold))


def article_folds(docs: Iterable[str], folds: int = FOLDS, seed: int = SEED) -> dict[str, int]:
    """A fold number for each document: shuffled with ``seed``, then dealt round-robin."""
    order = sorted(docs)
    random.Random(seed).shuffle(order)
    return {doc: i % folds for i, doc in enumerate(order)}


def evaluate(data_dir: Path, limit: Optional[int] = None, nlp=None) -> SetResult:
    """Scores of the event layer as users get it: the judge's threshold applied, the judge
    cross-validated by article (each fold's articles scored by a judge fitted on the training
    articles and the other folds, never on themselves)."""
    from ..components import DEFAULT_MODEL, load_pipeline
    from ..event_judge import DEFAULT_THRESHOLD, rescore
    from .judge_training import fit_judge, parts_count, training_examples

    judgments = load_judgments()
    if limit is not None:
        judgments = dict(sorted(judgments.items())[:limit])
    nlp = nlp or load_pipeline(DEFAULT_MODEL)
    parsed = judged_reports(nlp, data_dir, judgments)
    examples = training_examples(nlp, data_dir, scored=parsed)
    fold_of = article_folds(parsed)
    reports: dict[str, Report] = {}
    per_fold = []
    for k in sorted(set(fold_of.values())):
        fold = {doc: parsed[doc] for doc in parsed if fold_of[doc] == k}
        judge = fit_judge(examples, set(fold))
        fold_reports = {doc: rescore(*pair, judge) for doc, pair in fold.items()}
        reports.update(fold_reports)
        per_fold.append(score({d: kept(r, DEFAULT_THRESHOLD) for d, r in fold_reports.items()}, {d: judgments[d] for d in fold})[0])
    metrics, counts, errors = score({d: kept(r, DEFAULT_THRESHOLD) for d, r in reports.items()}, judgments)
    errors = with_causes(errors, reports)
    candidates, candidate_counts, _ = score(reports, judgments)
    details = {
        "articles": len(reports),
        "split": "PolNeAR train; the event judge cross-validated by article",
        "folds": {"count": len(per_fold), "seed": SEED, "spread": _spread(per_fold)},
        "threshold": DEFAULT_THRESHOLD,
        "counts": counts,
        "candidates": {"metrics": candidates, "counts": candidate_counts},
        "misses": dict(Counter(e["cause"] for e in errors if e["kind"] == "miss")),
        "calibration": calibration(reports, judgments),
        "judge_trained_on": {**parts_count(e for e in examples if e.part != "judged"), "judged": "the other folds"},
    }
    if catalogue_exists(SECOND_JUDGMENTS):
        details["agreement"] = agreement(load_judgments(), load_judgments(packaged=SECOND_JUDGMENTS))
    return SetResult(name="events-judged", metrics=metrics, details=details, errors=errors)


def _spread(per_fold: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    """Mean, lowest and highest of each metric across folds."""
    return {
        key: {"mean": round(statistics.mean(m[key] for m in per_fold), 2), "min": min(m[key] for m in per_fold), "max": max(m[key] for m in per_fold)}
        for key in per_fold[0]
    } if per_fold else {}
