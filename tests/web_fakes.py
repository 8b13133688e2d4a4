"""A test double of ``newsgraph.Corpus`` for the web tests: the corpus contract over a few Reports.

It keeps everything in memory and derives the contract's rows from real ``Report``s with the
simplest possible rules (an event is deduplicated by who, what, whom and when). It is not
shipped; the real corpus layer (``newsgraph.corpus``) answers the same calls from its store.
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Any, Iterable, Optional

import networkx as nx
import pandas as pd

from newsgraph.model import Article, Event, Report, make_id

ARTICLE_COLUMNS = ["id", "title", "url", "outlet", "published", "added"]
EVENT_COLUMNS = [
    "event_id", "date", "source_actor", "target_actor", "cameo", "plover_type", "goldstein",
    "location", "mentions", "origins", "contradicted", "first_seen", "last_seen",
]


def _factuality(event: Event) -> str:
    f = event.factuality
    if f.disputed:
        return "disputed"
    if f.polarity == "negative":
        return "negated"
    if f.certainty != "certain" or f.mode != "actual":
        return "uncertain"
    return "asserted"


class FakeCorpus:
    """The corpus contract over in-memory Reports. ``delay`` (seconds) slows every query down."""

    def __init__(self, reports: Iterable[Report] = (), delay: float = 0.0) -> None:
        self.reports: dict[str, Report] = {}
        self.delay = delay
        self.ingested: list[Article] = []
        for report in reports:
            self.add(report)

    # -- writing -----------------------------------------------------------------------------
    def add(self, report: Report) -> str:
        article_id = make_id("art", report.article.text)
        self.reports[article_id] = report
        return article_id

    def ingest(self, sources, workers: int = 1, model=None, progress=None) -> dict[str, int]:
        from newsgraph import analyze_many

        articles = list(sources)
        self.ingested.extend(articles)
        for report in analyze_many(articles, model=model):
            self.add(report)
        return {"articles": len(articles), "skipped": 0}

    def close(self) -> None:
        self.reports.clear()

    # -- articles ----------------------------------------------------------------------------
    def article(self, article_id: str) -> Optional[dict[str, Any]]:
        self._wait()
        report = self.reports.get(article_id)
        if report is None:
            return None
        a = report.article
        return {"id": article_id, "title": a.title, "url": a.url, "outlet": a.outlet, "published": a.published, "text": a.text, "added": "2024-06-01T00:00:00"}

    def report(self, article_id: str) -> Optional[Report]:
        self._wait()
        return self.reports.get(article_id)

    def articles(self, search=None, actor=None, outlet=None, limit=100, offset=0) -> pd.DataFrame:
        self._wait()
        out = []
        for article_id, report in self.reports.items():
            a = report.article
            if search and search.casefold() not in a.text.casefold() and search.casefold() not in (a.title or "").casefold():
                continue
            if outlet and a.outlet != outlet:
                continue
            if actor and actor not in {self._key(x) for x in report.actors}:
                continue
            out.append({"id": article_id, "title": a.title, "url": a.url, "outlet": a.outlet, "published": a.published, "added": "2024-06-01T00:00:00"})
        return pd.DataFrame(out[offset : offset + limit], columns=ARTICLE_COLUMNS)

    # -- events ------------------------------------------------------------------------------
    @staticmethod
    def _key(actor) -> str:
        return actor.code or actor.name

    def _mentions(self) -> dict[str, list[dict[str, Any]]]:
        """Every event mention, grouped by the deduplicated event's id."""
        grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for article_id, report in self.reports.items():
            for event in report.events:
                source = next((self._key(a) for i in event.sources if (a := report.actor(i))), None)
                target = next((self._key(a) for i in event.targets if (a := report.actor(i))), None)
                date = event.date.start if event.date else None
                event_id = make_id("ev", source, target, event.cameo, date)
                attribution = report.attribution(event.attribution) if event.attribution else None
                grouped[event_id].append(
                    {
                        "event_id": event_id, "article_id": article_id, "outlet": report.article.outlet,
                        "published": report.article.published, "sentence": report.span_text(event.sentence),
                        "trigger": list(event.trigger), "chain": list(attribution.chain) if attribution else ["author"],
                        "factuality": _factuality(event), "confidence": event.confidence,
                        "source_actor": source, "target_actor": target, "cameo": event.cameo,
                        "plover_type": event.plover.type, "goldstein": event.goldstein, "date": date,
                        "location": event.location.name if event.location else None,
                    }
                )
        return grouped

    def _event_rows(self) -> list[dict[str, Any]]:
        rows = []
        for event_id, mentions in self._mentions().items():
            first = mentions[0]
            seen = sorted(m["published"] or "" for m in mentions)
            facts = {m["factuality"] for m in mentions}
            rows.append(
                {
                    "event_id": event_id, **{k: first[k] for k in ("date", "source_actor", "target_actor", "cameo", "plover_type", "goldstein", "location")},
                    "mentions": len(mentions), "origins": len({m["outlet"] for m in mentions}),
                    "contradicted": "asserted" in facts and bool(facts & {"negated", "disputed"}),
                    "first_seen": seen[0] or None, "last_seen": seen[-1] or None, "factualities": sorted(facts),
                }
            )
        return rows

    def _filtered_events(self, actor=None, type=None, since=None, until=None, min_origins=None, factuality=None) -> list[dict[str, Any]]:
        out = []
        for row in self._event_rows():
            if actor and actor not in (row["source_actor"], row["target_actor"]):
                continue
            if type and row["plover_type"] != type:
                continue
            if since and (row["date"] or "") < since:
                continue
            if until and (row["date"] or "9999") > until:
                continue
            if min_origins and row["origins"] < min_origins:
                continue
            if factuality and factuality not in row["factualities"]:
                continue
            out.append(row)
        return out

    def events(self, actor=None, type=None, since=None, until=None, min_origins=None, factuality=None, limit=None, offset=0) -> pd.DataFrame:
        self._wait()
        rows = self._filtered_events(actor, type, since, until, min_origins, factuality)
        end = None if limit is None else offset + limit
        return pd.DataFrame([{k: r[k] for k in EVENT_COLUMNS} for r in rows[offset:end]], columns=EVENT_COLUMNS)

    def mentions(self, event_id: str) -> pd.DataFrame:
        self._wait()
        columns = ["article_id", "outlet", "sentence", "trigger", "chain", "factuality", "confidence"]
        return pd.DataFrame([{k: m[k] for k in columns} for m in self._mentions().get(event_id, [])], columns=columns)

    def timeline(self, actor: str) -> pd.DataFrame:
        return self.events(actor=actor).sort_values("date", na_position="last")

    def contradictions(self, limit=None) -> pd.DataFrame:
        self._wait()
        rows = [r for r in self._event_rows() if r["contradicted"]][:limit]
        return pd.DataFrame([{k: r[k] for k in EVENT_COLUMNS} for r in rows], columns=EVENT_COLUMNS)

    def graph(self, **filters) -> nx.MultiDiGraph:
        self._wait()
        names = {self._key(a): a for report in self.reports.values() for a in report.actors}
        graph = nx.MultiDiGraph()
        edges: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for row in self._filtered_events(**filters):
            if row["source_actor"] and row["target_actor"]:
                edges[(row["source_actor"], row["target_actor"], row["plover_type"])].append(row)
        for (source, target, plover), rows in edges.items():
            for key in (source, target):
                actor = names.get(key)
                graph.add_node(key, name=actor.name if actor else key, kind=actor.kind if actor else None, code=actor.code if actor else None)
            scores = [r["goldstein"] for r in rows if r["goldstein"] is not None]
            graph.add_edge(
                source, target, count=len(rows), mean_goldstein=sum(scores) / len(scores) if scores else None,
                origins=max(r["origins"] for r in rows), plover_type=plover, event_ids=[r["event_id"] for r in rows],
            )
        return graph

    # -- actors, claims, sources -------------------------------------------------------------
    def actors(self, search=None, limit=None) -> pd.DataFrame:
        self._wait()
        found: dict[str, dict[str, Any]] = {}
        for report in self.reports.values():
            for actor in report.actors:
                key = self._key(actor)
                if search and search.casefold() not in actor.name.casefold() and search.casefold() not in key.casefold():
                    continue
                row = found.setdefault(key, {"actor_key": key, "name": actor.name, "code": actor.code, "kind": actor.kind, "events": 0, "articles": 0})
                row["articles"] += 1
        for row in self._event_rows():
            for key in {row["source_actor"], row["target_actor"]} & found.keys():
                found[key]["events"] += 1
        return pd.DataFrame(list(found.values())[:limit], columns=["actor_key", "name", "code", "kind", "events", "articles"])

    def claims(self, actor=None, since=None, limit=None) -> pd.DataFrame:
        self._wait()
        rows = [
            {"claim_id": c.id, "text": c.text, "chain": list(c.chain), "outlet": r.article.outlet, "published": r.article.published}
            for r in self.reports.values()
            for c in r.claims
            if not since or (r.article.published or "") >= since
        ]
        return pd.DataFrame(rows[:limit], columns=["claim_id", "text", "chain", "outlet", "published"])

    def sources(self, outlet=None, limit=None) -> pd.DataFrame:
        self._wait()
        counts: dict[tuple, int] = defaultdict(int)
        for report in self.reports.values():
            if outlet and report.article.outlet != outlet:
                continue
            for attribution in report.attributions:
                counts[(attribution.source.text, attribution.source.kind, report.article.outlet)] += 1
        rows = [{"source": s, "kind": k, "outlet": o, "claims": n} for (s, k, o), n in counts.items()]
        return pd.DataFrame(rows[:limit], columns=["source", "kind", "outlet", "claims"])

    def _wait(self) -> None:
        if self.delay:
            time.sleep(self.delay)
