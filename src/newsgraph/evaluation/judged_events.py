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
  overlapped by a mention of a predicted actor and every predicted actor has a mention that
  overlaps a gold span (both empty counts as right). A chain is right when it has as many
  speakers as the gold one, each overlapping the gold speaker at its place.
- ``all.accuracy``: real events found with every field right / extracted events judged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator, Optional

from ..corpus.writer import factuality_label
from ..model import Event, Report
from ..resources import catalogue_exists, catalogue_jsonl
from . import SetResult

__all__ = ["JUDGMENTS", "SECOND_JUDGMENTS", "agreement", "chain_spans", "evaluate", "load_judgments", "score", "select_articles", "side_right"]

TRAIN = "dev/attribution/polnear/derived/polnear_train.derived.jsonl"
JUDGMENTS = "judged_events.jsonl"
# Articles a second judge judged independently, to measure agreement (reported when present).
SECOND_JUDGMENTS = "judged_events_second.jsonl"
# Articles short enough to judge every event in one sitting; the choice is deterministic.
_MIN_CHARS, _MAX_CHARS = 1200, 3500

Span = tuple[int, int]


def select_articles(data_dir: Path, count: int) -> list[tuple[str, str]]:
    """``count`` PolNeAR train articles of 1,200-3,500 characters, evenly spaced in document-id
    order: (document id, text)."""
    seen: dict[str, str] = {}
    with (Path(data_dir) / TRAIN).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            seen.setdefault(row["doc"], row["text"])
    fitting = sorted((doc, text) for doc, text in seen.items() if _MIN_CHARS <= len(text) <= _MAX_CHARS)
    step = len(fitting) / count
    return [fitting[int(i * step)] for i in range(min(count, len(fitting)))]


def chain_spans(report: Report, event: Event) -> list[Span]:
    """The spans of the speakers who report ``event``, innermost first; [] for the author."""
    spans: list[Span] = []
    attribution = report.attribution(event.attribution) if event.attribution else None
    while attribution is not None and len(spans) < 20:
        spans.append(tuple(attribution.source.span))  # type: ignore[arg-type]
        attribution = report.attribution(attribution.via) if attribution.via else None
    return spans


def load_judgments(path: Optional[Path] = None, *, packaged: str = JUDGMENTS) -> dict[str, list[dict[str, Any]]]:
    """Judgment rows grouped by document id: the file at ``path``, else the packaged one."""
    rows: dict[str, list[dict[str, Any]]] = {}
    if path is None:
        lines: Any = catalogue_jsonl(packaged)
    else:
        lines = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    for row in lines:
        rows.setdefault(row["doc"], []).append(row)
    return rows


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def side_right(report: Report, actor_ids: tuple[str, ...], gold: list[Span]) -> bool:
    """Every gold span overlapped by a predicted actor's mention, and every predicted actor
    with a mention overlapping a gold span."""
    mentions = [list(report.actor(a).mentions) if report.actor(a) else [] for a in actor_ids]
    covered = all(any(_overlaps(m, g) for ms in mentions for m in ms) for g in gold)
    grounded = all(any(_overlaps(m, g) for m in ms for g in gold) for ms in mentions)
    return covered and grounded


def _chain_right(report: Report, event: Event, gold: list[Span]) -> bool:
    predicted = chain_spans(report, event)
    return len(predicted) == len(gold) and all(_overlaps(p, g) for p, g in zip(predicted, gold))


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
            if not any(_overlaps(event.trigger, t) for t in judged_triggers):
                counts["unjudged"] += 1
                continue
            counts["judged"] += 1
            gold = next((r for r in real if _overlaps(event.trigger, tuple(r["trigger"]))), None)
            if gold is None:
                errors.append({"set": "events-judged", "kind": "false_alarm", "doc": doc, "trigger": list(event.trigger), "text": event.text, "cameo": event.cameo})
                continue
            counts["true"] += 1
            f = event.factuality
            right = {
                "type": event.plover.type == gold["type"],
                "sides": side_right(report, event.sources, _spans(gold["sources"])) and side_right(report, event.targets, _spans(gold["targets"])),
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
            if any(_overlaps(e.trigger, tuple(gold["trigger"])) for e in report.events):
                counts["found"] += 1
            else:
                errors.append({"set": "events-judged", "kind": "miss", "doc": doc, "trigger": gold["trigger"], "gold_type": gold["type"]})
    found = counts["true"]
    metrics = {
        "trigger.precision": _pct(counts["true"], counts["judged"]),
        "trigger.recall": _pct(counts["found"], counts["real"]),
        "type.accuracy": _pct(counts["type"], found),
        "sides.accuracy": _pct(counts["sides"], found),
        "factuality.accuracy": _pct(counts["factuality"], found),
        "chain.accuracy": _pct(counts["chain"], found),
        "all.accuracy": _pct(counts["all"], counts["judged"]),
    }
    return metrics, counts, errors


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
            b = next((r for r in b_real if _overlaps(tuple(a["trigger"]), tuple(r["trigger"]))), None)
            if b is None:
                continue
            both += 1
            fields["type"] += a["type"] == b["type"]
            fields["sides"] += all(_same_spans(_spans(a[k]), _spans(b[k])) for k in ("sources", "targets"))
            fields["factuality"] += a["factuality"] == b["factuality"]
            chain_a, chain_b = _spans(a["chain"]), _spans(b["chain"])
            fields["chain"] += len(chain_a) == len(chain_b) and all(_overlaps(x, y) for x, y in zip(chain_a, chain_b))
    same, total = sum(x == y for x, y in pairs), len(pairs)
    out = {
        "event.agreement": _pct(same, total),
        "event.kappa": round(100 * _kappa(pairs), 2),
        "real.f1": _pct(2 * both, found_first + found_second),
    }
    out.update({f"{k}.agreement": _pct(v, both) for k, v in fields.items()})
    return out


def _same_spans(a: list[Span], b: list[Span]) -> bool:
    return all(any(_overlaps(x, y) for y in b) for x in a) and all(any(_overlaps(y, x) for x in a) for y in b)


def _kappa(pairs: list[tuple[bool, bool]]) -> float:
    if not pairs:
        return 0.0
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    p_a, p_b = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    expected = p_a * p_b + (1 - p_a) * (1 - p_b)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def _pct(numerator: int, denominator: int) -> float:
    return round(100.0 * numerator / denominator, 2) if denominator else 0.0


def _texts(data_dir: Path, wanted: set[str]) -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    with (Path(data_dir) / TRAIN).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["doc"] in wanted and row["doc"] not in seen:
                seen.add(row["doc"])
                yield row["doc"], row["text"]


def evaluate(data_dir: Path, limit: Optional[int] = None, nlp=None) -> SetResult:
    from ..actors import ActorCatalogue
    from ..components import DEFAULT_MODEL, load_pipeline
    from ..model import Article
    from ..pipeline import build_report, pipeline_name

    judgments = load_judgments()
    if limit is not None:
        judgments = dict(sorted(judgments.items())[:limit])
    nlp = nlp or load_pipeline(DEFAULT_MODEL)
    catalogue, name = ActorCatalogue.packaged(nlp), pipeline_name(nlp)
    reports = {
        doc: build_report(nlp(text), Article(text=text), catalogue, name) for doc, text in _texts(data_dir, set(judgments))
    }
    metrics, counts, errors = score(reports, judgments)
    details = {
        "articles": len(reports),
        "split": "PolNeAR train (not used to tune events)",
        "counts": counts,
    }
    if catalogue_exists(SECOND_JUDGMENTS):
        details["agreement"] = agreement(load_judgments(), load_judgments(packaged=SECOND_JUDGMENTS))
    return SetResult(name="events-judged", metrics=metrics, details=details, errors=errors)
