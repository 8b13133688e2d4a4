"""PLOVER gold standard records (``dev/events/plover/PLOVER_GSR_CAMEO.txt``): event type and
source/target spans, one gold event per sentence (322 sentences; the DOCUMENT record is skipped).

Gold types are PLOVER 0.5b1 names, mapped to the current ones newsgraph emits (CAMEO2PLOVER
2021): FIGHT -> ASSAULT, DISAPPROVE -> ACCUSE, DEMAND -> REQUEST, and INVESTIGATE -> ACCUSE
(investigation is a mode of ACCUSE in the current manual).

Which of our events answers the gold event: among the sentence's events with a PLOVER type,
those whose trigger overlaps a gold ``EVT`` span of the markup; if none does, all of them.
Among the candidates, ``best_event``: highest confidence, then the trigger closest to the root
of the dependency tree (the main clause), then the earliest. No typed event -> "NONE".
``type.accuracy_unaligned`` is the same without the gold EVT preference (best event overall).

This set scores the rule coder: every candidate event with the rules' hand-set confidence
(``build_report(..., judge_events=False)``), since every sentence here reports an event.
``judge.sentences_kept`` says how often the event judge (``event_judge``), which users get,
keeps at least one typed event of a sentence at its default threshold.

Spans: gold source spans are the markup's ``SRC`` and ``SRC/TAR`` spans, target spans ``TAR``
and ``SRC/TAR`` (offsets found by stripping the markup; where the stripped markup differs from
the text, each span is searched in the text). Predicted spans are all mentions of the chosen
event's source (target) actors. Precision = predicted actors with a mention overlapping a gold
span (>= 1 character) / predicted actors; recall = gold spans overlapped by a predicted
mention / gold spans; summed over sentences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..actors import ActorCatalogue
from ..event_judge import DEFAULT_THRESHOLD, EventJudge, rescore
from ..model import Article, Event, Report
from ..pipeline import build_report
from . import SetResult
from .metrics import MacroF1, overlap, span_f1

__all__ = ["TYPE_MAP", "best_event", "evaluate", "map_type", "markup_spans", "span_prf"]

RECORDS = "dev/events/plover/PLOVER_GSR_CAMEO.txt"
TYPE_MAP = {"FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE", "DEMAND": "REQUEST", "INVESTIGATE": "ACCUSE"}
_MARK = re.compile(r"\((SRC/TAR|SRC|TAR|EVT|LOC):\s*([^()]*?)\s*\)")

Span = tuple[int, int]


def map_type(name: str | None) -> str:
    name = (name or "NONE").upper()
    return TYPE_MAP.get(name, name)


def markup_spans(markup: str, text: str) -> dict[str, list[Span]]:
    """Character spans in ``text`` of each markup tag: ``{"SRC": [...], "TAR": [...], ...}``."""
    plain, found, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(markup):
        before = markup[pos : m.start()]
        plain.append(before)
        length += len(before)
        found.append((m.group(1), m.group(2), length))
        plain.append(m.group(2))
        length += len(m.group(2))
        pos = m.end()
    plain.append(markup[pos:])
    exact = "".join(plain) == text
    out: dict[str, list[Span]] = {}
    cursor = 0
    for tag, content, start in found:
        if not content:
            continue
        if not exact:
            start = text.find(content, cursor)
            if start < 0:
                start = text.find(content)
            if start < 0:
                continue
            cursor = start + len(content)
        out.setdefault(tag, []).append((start, start + len(content)))
    return out


def _depth(doc, event: Event) -> int:
    span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    if span is None or not len(span):
        return 99
    token, depth = span.root, 0
    while token.head.i != token.i and depth < 99:
        token, depth = token.head, depth + 1
    return depth


def best_event(events: Sequence[Event], doc) -> Event | None:
    """Highest confidence; ties: trigger nearest the dependency root, then the earliest."""
    if not events:
        return None
    return min(events, key=lambda e: (-e.confidence, _depth(doc, e), e.trigger[0]))


def span_prf(predicted: Sequence[Sequence[Span]], gold: Sequence[Span]) -> tuple[int, int, int, int]:
    """(correct predicted actors, predicted actors, gold spans found, gold spans).

    ``predicted`` holds one list of mention spans per predicted actor."""
    correct = sum(1 for mentions in predicted if any(overlap(m, g) > 0 for m in mentions for g in gold))
    found = sum(1 for g in gold if any(overlap(m, g) > 0 for mentions in predicted for m in mentions))
    return correct, len(predicted), found, len(gold)


def load_records(data_dir: Path, limit: int | None = None) -> list[dict]:
    rows = json.loads((Path(data_dir) / RECORDS).read_text(encoding="utf-8"))
    rows = [r for r in rows if r.get("event") != "DOCUMENT" and r.get("text")]
    return rows[:limit] if limit else rows


def _mentions(report: Report, ids: Sequence[str]) -> list[list[Span]]:
    return [list(a.mentions) for a in (report.actor(i) for i in ids) if a is not None]


def evaluate(data_dir: Path, *, limit: int | None = None, nlp=None) -> SetResult:
    from ..components import load_pipeline

    nlp = nlp or load_pipeline()
    catalogue = ActorCatalogue.packaged(nlp)
    records = load_records(data_dir, limit)
    docs = list(nlp.pipe([r["text"] for r in records], batch_size=32))
    types, unaligned = MacroF1(), MacroF1()
    source_counts, target_counts = [0, 0, 0, 0], [0, 0, 0, 0]
    errors: list[dict[str, Any]] = []
    no_event = judge_kept = 0
    judge = EventJudge.packaged()
    for record, doc in zip(records, docs):
        text = record["text"]
        report = build_report(doc, Article(text=text), catalogue, judge_events=False)
        info = record.get("textInfo") or {}
        spans = markup_spans(info if isinstance(info, str) else info.get("markup", ""), text)  # one record has a bare string
        typed = [e for e in report.events if e.plover.type]
        aligned = [e for e in typed if any(overlap(e.trigger, g) > 0 for g in spans.get("EVT", ()))]
        chosen = best_event(aligned or typed, doc)
        gold = map_type(record["event"])
        predicted = chosen.plover.type if chosen else "NONE"
        top = best_event(typed, doc)
        types.add(gold, predicted)
        unaligned.add(gold, top.plover.type if top else "NONE")
        no_event += chosen is None
        if judge is not None:
            judge_kept += any(e.plover.type and e.confidence >= DEFAULT_THRESHOLD for e in rescore(doc, report, judge).events)
        gold_sources = spans.get("SRC", []) + spans.get("SRC/TAR", [])
        gold_targets = spans.get("TAR", []) + spans.get("SRC/TAR", [])
        pred_sources = _mentions(report, chosen.sources) if chosen else []
        pred_targets = _mentions(report, chosen.targets) if chosen else []
        s = span_prf(pred_sources, gold_sources)
        t = span_prf(pred_targets, gold_targets)
        source_counts = [a + b for a, b in zip(source_counts, s)]
        target_counts = [a + b for a, b in zip(target_counts, t)]
        if predicted != gold or s[0] < s[1] or s[2] < s[3] or t[0] < t[1] or t[2] < t[3]:
            errors.append({
                "kind": "miss" if predicted == "NONE" else ("wrong_type" if predicted != gold else "wrong_actors"),
                "id": record["id"],
                "text": text,
                "gold": {"type": gold, "event": record.get("eventText"),
                         "sources": [text[a:b] for a, b in gold_sources], "targets": [text[a:b] for a, b in gold_targets]},
                "predicted": {
                    "type": predicted,
                    "cameo": chosen.cameo if chosen else None,
                    "trigger": chosen.text if chosen else None,
                    "sources": [report.span_text(m[0]) for m in pred_sources if m],
                    "targets": [report.span_text(m[0]) for m in pred_targets if m],
                },
                "events": [f"{e.text}:{e.cameo}:{e.plover.type}:{e.confidence}" for e in report.events],
            })
    gold_labels = sorted(set(types.gold))
    source, target = span_f1(source_counts), span_f1(target_counts)
    metrics = {
        "type.accuracy": round(100 * types.accuracy(), 2),
        "type.macro_f1": round(100 * types.value(gold_labels), 2),
        "type.accuracy_unaligned": round(100 * unaligned.accuracy(), 2),
        "source.overlap.f1": source["f1"],
        "target.overlap.f1": target["f1"],
        # every sentence reports an event: how often the event judge keeps one (rules alone above)
        "judge.sentences_kept": round(100 * judge_kept / len(records), 2) if records else 0.0,
    }
    details = {
        "sentences": len(records),
        "no_typed_event": no_event,
        "types": types.as_dict(gold_labels),
        "types_unaligned": unaligned.as_dict(gold_labels),
        "source": source,
        "target": target,
    }
    return SetResult(name="plover", metrics=metrics, details=details, errors=errors)
