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
    # entity: who the actor is in every article; code: the role it acted in here.
    for column in ("name", "entity", "code", "kind", "aliases", "mentions"):
        table.add_column(column)
    for actor in report.actors:
        table.add_row(
            Text(actor.name), Text(actor.entity or "-"), actor.code or "-", actor.kind, Text(", ".join(actor.aliases[:5])), str(len(actor.mentions))
        )
    return table


def _names(report: Report, ids) -> Text:
    names = []
    for actor_id in ids:
        actor = report.actor(actor_id)
        names.append(actor.name if actor else actor_id)
    return Text(" + ".join(names) or "—")


def _factuality(event: Event) -> str:
    # The two states a reader must not miss, in capitals.
    return event.factuality.summary().replace("negated", "NEGATED").replace("disputed", "DISPUTED")


def _events(report: Report) -> Table:
    table = Table(title="Events (who did what to whom — and who says so)", title_justify="left")
    for column in ("event", "CAMEO · PLOVER", "factuality", "said by"):
        table.add_column(column)
    for event in report.events:
        attribution = report.attribution(event.attribution) if event.attribution else None
        chain = " → ".join(attribution.chain) if attribution else "author"
        targets = Text("each other") if event.reciprocal else _names(report, event.targets)
        who = Text.assemble(_names(report, event.sources), " —", (event.text, "bold"), "→ ", targets)
        where = " · ".join(x for x in (event.date.text if event.date else "", event.location.name if event.location else "") if x)
        if where:
            who.append(f"\n{where}", style="dim")
        table.add_row(who, f"{event.cameo} · {event.plover.type or '-'}", _factuality(event), Text(chain))
    return table


def _attributions(report: Report) -> Table:
    table = Table(title="Attributions", title_justify="left")
    for column in ("source (kind)", "cue (type)", "content", "chain"):
        table.add_column(column)
    for attribution in report.attributions:
        content = report.content_text(attribution)
        table.add_row(
            Text.assemble(attribution.source.text or "—", (f"\n{attribution.source.kind}", "dim")),
            Text.assemble(attribution.cue.text, (f"\n{attribution.type}", "dim")),
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


def scores_table(results, verdicts) -> Table:
    """One row per metric of each gold set, with its floor and whether it holds."""
    floors = {(v.set, v.metric): v for v in verdicts}
    table = Table(title="Quality on gold sets", title_justify="left")
    for column in ("set", "metric", "score", "floor", ""):
        table.add_column(column)
    for result in results:
        for metric, value in sorted(result.metrics.items()):
            verdict = floors.get((result.name, metric))
            status = "" if verdict is None else ("ok" if verdict.ok else "BELOW")
            table.add_row(result.name, metric, f"{value:.2f}", f"{verdict.floor:.2f}" if verdict else "", status)
        table.add_row(result.name, "(seconds)", f"{result.seconds:.1f}", "", "")
    return table


def causes_table(results) -> Table:
    """Errors by role, kind and cause, for the sets that classify theirs (PolNeAR)."""
    table = Table(title="Errors by cause (exact level)", title_justify="left")
    for column in ("set", "errors", "cause", "count"):
        table.add_column(column)
    for result in results:
        for key, causes in result.details.get("error_causes", {}).items():
            for cause, count in causes.items():
                table.add_row(result.name, key, cause, str(count))
    return table
