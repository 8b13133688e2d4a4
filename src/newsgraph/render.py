"""Readable summaries of a ``Report`` as rich renderables (the CLI prints them)."""

from __future__ import annotations

from typing import Iterator

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .model import Event, Report

__all__ = ["summary"]

_MAX_SNIPPET = 90


def summary(report: Report) -> RenderableType:
    return Group(*_sections(report))


def _sections(report: Report) -> Iterator[RenderableType]:
    article = report.article
    header = Text(article.title or "(untitled)", style="bold")
    meta = " · ".join(x for x in (article.outlet, article.published, f"{len(article.text):,} chars") if x)
    yield Panel(Text.assemble(header, "\n", meta), title="newsgraph", expand=False)
    yield _actors(report)
    yield _events(report)
    yield _attributions(report)
    if report.relations:
        yield _relations(report)
    yield _voice(report)


def _snippet(text: str) -> Text:
    """Article words as plain text: brackets in news copy ("[ed.]") are not rich markup."""
    text = " ".join(text.split())
    return Text(text if len(text) <= _MAX_SNIPPET else text[: _MAX_SNIPPET - 1] + "…")


def _actors(report: Report) -> Table:
    table = Table(title="Actors", title_justify="left")
    for column in ("name", "code", "kind", "aliases", "mentions"):
        table.add_column(column)
    for actor in report.actors:
        table.add_row(Text(actor.name), actor.code or "-", actor.kind, Text(", ".join(actor.aliases[:5])), str(len(actor.mentions)))
    return table


def _names(report: Report, ids) -> Text:
    names = []
    for actor_id in ids:
        actor = report.actor(actor_id)
        names.append(actor.name if actor else actor_id)
    return Text(" + ".join(names) or "—")


def _factuality(event: Event) -> str:
    f = event.factuality
    parts = ["NEGATED" if f.polarity == "negative" else "asserted"]
    if f.certainty != "certain":
        parts.append(f.certainty)
    if f.mode != "actual":
        parts.append(f.mode)
    if f.disputed:
        parts.append("DISPUTED")
    return ", ".join(parts)


def _events(report: Report) -> Table:
    table = Table(title="Events (who did what to whom — and who says so)", title_justify="left")
    for column in ("source", "event", "target", "CAMEO / PLOVER", "factuality", "when / where", "said by (chain)"):
        table.add_column(column)
    for event in report.events:
        attribution = report.attribution(event.attribution) if event.attribution else None
        chain = " → ".join(attribution.chain) if attribution else "author"
        when = event.date.text if event.date else ""
        if event.location:
            when = f"{when} {event.location.name}".strip()
        table.add_row(
            _names(report, event.sources),
            Text(event.text),
            _names(report, event.targets),
            f"{event.cameo} / {event.plover.type or '-'}",
            _factuality(event),
            Text(when),
            Text(chain),
        )
    return table


def _attributions(report: Report) -> Table:
    table = Table(title="Attributions", title_justify="left")
    for column in ("source", "kind", "cue", "type", "content", "chain"):
        table.add_column(column)
    for attribution in report.attributions:
        content = " … ".join(report.span_text(s) for s in attribution.content)
        table.add_row(
            Text(attribution.source.text or "—"),
            attribution.source.kind,
            Text(attribution.cue.text),
            attribution.type,
            _snippet(content),
            Text(" → ".join(attribution.chain)),
        )
    return table


def _relations(report: Report) -> Table:
    table = Table(title="Relations between claims", title_justify="left")
    for column in ("type", "from", "to", "evidence"):
        table.add_column(column)
    for relation in report.relations:
        source = report.attribution(relation.from_)
        target = report.attribution(relation.to)
        table.add_row(
            relation.type,
            Text(source.source.text if source else relation.from_),
            Text(target.source.text if target else relation.to),
            _snippet(report.span_text(relation.span)),
        )
    return table


def _voice(report: Report) -> Table:
    voice = report.voice
    table = Table(title=f"Author voice ({len(voice.author_sentences)} unattributed sentences)", title_justify="left")
    table.add_column("marker")
    table.add_column("text")
    for marker in voice.markers:
        table.add_row(marker.type, _snippet(marker.text))
    for drift in voice.drift:
        table.add_row(
            "drift",
            _snippet(f"{drift.claim} — attributed in “{report.span_text(drift.attributed_span)}”, later asserted as “{report.span_text(drift.asserted_span)}”"),
        )
    return table
