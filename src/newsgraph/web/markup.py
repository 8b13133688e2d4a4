"""A ``Report`` as the article page shows it: the text cut into marked segments, plus the side panel.

Spans overlap freely (an actor inside an attribution's content inside an author sentence), so
the text is cut at every span edge and each piece carries all the marks that cover it. Class
names come only from the model's closed vocabularies: nothing from the article reaches an HTML
attribute except record ids, and the templates escape those too.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Iterator, Optional

from ..corpus.writer import factuality_label
from ..model import ACTOR_KINDS, MARKER_TYPES, Attribution, Event, Report

__all__ = ["Segment", "segments", "records", "event_rows", "chain_tree", "chain_label", "act_label"]


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    classes: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    anchor: Optional[str] = None  # "t-<offset>" where an event trigger begins: mention links jump here


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    cls: str
    ref: Optional[str] = None


def segments(report: Report) -> list[Segment]:
    """The article text as consecutive segments; joined, their texts give the text back."""
    text = report.article.text
    marks = [m for m in _marks(report) if 0 <= m.start < m.end <= len(text)]
    edges = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    triggers = {e.trigger[0] for e in report.events if e.trigger}
    by_start = sorted(marks, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    out = []
    for left, right in zip(edges, edges[1:]):
        # marks that begin at or before ``left`` and reach ``right`` cover the whole piece
        covering = [m for m in by_start[: bisect_left(starts, left + 1)] if m.end >= right]
        classes = tuple(dict.fromkeys(m.cls for m in covering))
        refs = tuple(dict.fromkeys(m.ref for m in covering if m.ref))
        anchor = f"t-{left}" if left in triggers else None
        out.append(Segment(text[left:right], left, classes, refs, anchor))
    return out


def _marks(report: Report) -> Iterator[_Mark]:
    for span in report.voice.author_sentences:
        yield _Mark(span[0], span[1], "author-voice")
    for attribution in report.attributions:
        ref = f"attribution:{attribution.id}"
        for span in attribution.content:
            yield _Mark(span[0], span[1], "content", ref)
        yield _Mark(*attribution.source.span, "source", ref)
        yield _Mark(*attribution.cue.span, "cue", ref)
    for actor in report.actors:
        kind = actor.kind if actor.kind in ACTOR_KINDS else "other"
        for span in actor.mentions:
            yield _Mark(span[0], span[1], f"actor actor-{kind}", f"actor:{actor.id}")
    for event in report.events:
        negated = " negated" if event.factuality.polarity == "negative" else ""
        yield _Mark(event.trigger[0], event.trigger[1], f"trigger{negated}", f"event:{event.id}")
    for index, marker in enumerate(report.voice.markers):
        kind = marker.type if marker.type in MARKER_TYPES else "other"
        yield _Mark(marker.span[0], marker.span[1], f"marker marker-{kind}", f"marker:{index}")


def chain_label(chain: Iterable[str]) -> str:
    return " → ".join(chain)


def _names(report: Report, actor_ids: Iterable[str]) -> list[str]:
    return [actor.name if (actor := report.actor(i)) else i for i in actor_ids]


def _chain(report: Report, attribution_id: Optional[str]) -> list[str]:
    attribution = report.attribution(attribution_id) if attribution_id else None
    return list(attribution.chain) if attribution else ["author"]


def event_rows(report: Report) -> list[dict[str, Any]]:
    """The side panel's events: who did what to whom, how factual, and who says so."""
    rows = []
    for event in report.events:
        rows.append(
            {
                "id": event.id,
                "ref": f"event:{event.id}",
                "anchor": f"t-{event.trigger[0]}",
                "text": event.text or report.span_text(event.trigger),
                "sources": _names(report, event.sources),
                "targets": _names(report, event.targets),
                "reciprocal": event.reciprocal,
                "cameo": event.cameo,
                "plover": event.plover.type,
                # the corpus's word (the events filter's), with what set it as a tooltip
                "factuality": _standing(event),
                "factuality_detail": event.factuality.summary(),
                "negated": event.factuality.polarity == "negative",
                "chain": _chain(report, event.attribution),
                "date": event.date.start if event.date else None,
            }
        )
    return rows


def _standing(event: Event) -> str:
    f = event.factuality
    return factuality_label(f.polarity, f.certainty, f.mode, f.disputed)


def chain_tree(report: Report) -> dict[str, Any]:
    """Every attribution chain as one tree rooted at the author ("author" → "MENL" → "a source").

    Each node lists the attributions whose innermost source it is, so the panel shows who
    relays whom and what each source is made to say.
    """
    root: dict[str, Any] = {"name": "author", "attributions": [], "children": {}}
    for attribution in report.attributions:
        chain = list(attribution.chain) or ["author"]
        if chain[-1] != "author":
            chain.append("author")
        node = root
        for name in reversed(chain[:-1]):
            node = node["children"].setdefault(name, {"name": name, "attributions": [], "children": {}})
        node["attributions"].append(_attribution_brief(report, attribution))

    def freeze(node: dict[str, Any]) -> dict[str, Any]:
        return {**node, "children": [freeze(child) for child in node["children"].values()]}

    return freeze(root)


def _attribution_brief(report: Report, attribution: Attribution) -> dict[str, Any]:
    content = report.content_text(attribution)
    return {
        "ref": f"attribution:{attribution.id}", "cue": attribution.cue.text, "content": content, "type": attribution.type,
        "act": attribution.act, "act_label": act_label(attribution),
    }  # fmt: skip


# What the article page calls each act (docs/acts.md): a speech act stating something is a quote.
_ACT_LABELS = {"speech": "said", "thought": "believes", "intention": "intends", "perception": "saw", "evidence": "finding"}


def act_label(attribution: Attribution) -> str:
    """One word for what the source did: quote, said, believes, intends, saw, finding."""
    if attribution.is_quote:
        return "quote"
    return _ACT_LABELS.get(attribution.act or "", "attribution")


def records(report: Report) -> dict[str, dict[str, Any]]:
    """What hovering or clicking a span shows: each record by the ref its spans carry."""
    out: dict[str, dict[str, Any]] = {}
    for actor in report.actors:
        out[f"actor:{actor.id}"] = {"title": f"Actor: {actor.name}", "record": asdict(actor)}
    for event in report.events:
        record = asdict(event)
        record["source_names"] = _names(report, event.sources)
        record["target_names"] = _names(report, event.targets)
        out[f"event:{event.id}"] = {
            "title": f"Event: {event.text or report.span_text(event.trigger)} ({_standing(event)})",
            "record": record,
            "chain": _chain(report, event.attribution),
        }
    for attribution in report.attributions:
        record = asdict(attribution)
        record["content_text"] = [report.span_text(span) for span in attribution.content]
        out[f"attribution:{attribution.id}"] = {
            "title": f"Attribution ({act_label(attribution)}): {attribution.source.text} {attribution.cue.text}",
            "record": record,
            "chain": list(attribution.chain),
        }
    for index, marker in enumerate(report.voice.markers):
        out[f"marker:{index}"] = {"title": f"Author voice: {marker.type}", "record": asdict(marker)}
    return out

