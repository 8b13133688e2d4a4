"""Corpus answers as JSON-ready rows: the one place that knows the corpus API's return shapes.

The corpus answers with pandas DataFrames and a networkx graph; pages and the API want plain
lists of dicts with JSON values (no NaN, numpy numbers or Timestamps).
"""

from __future__ import annotations

import json
import math
from typing import Any, Optional

from ..corpus.query import Records
from ..corpus.writer import FACTUALITY_LABELS

__all__ = [
    "rows",
    "sort_rows",
    "graph_elements",
    "focus",
    "with_first_reports",
    "source_summary",
    "EVENT_COLUMNS",
    "SORT_PATTERN",
    "FACTUALITY_CHOICES",
    "SOURCE_KINDS_ANONYMOUS",
]

# The events table's sortable columns (the corpus contract's event row, with the first
# report's trigger and sentence: what a reader checks the coding against).
EVENT_COLUMNS = (
    "date", "source_actor", "trigger", "target_actor", "plover_type", "cameo", "factuality", "goldstein",
    "location", "mentions", "origins", "contradicted", "first_seen", "last_seen", "sentence",
)
SORT_PATTERN = f"^({'|'.join(EVENT_COLUMNS)})?$"
# The corpus's one-word standing of an event.
FACTUALITY_CHOICES = FACTUALITY_LABELS
# Source kinds that name no one the reader could check.
SOURCE_KINDS_ANONYMOUS = ("anonymous", "vague")


def rows(frame: Any) -> list[dict[str, Any]]:
    """A DataFrame (or an iterable of dicts) as a list of dicts with JSON values."""
    if frame is None:
        return []
    if isinstance(frame, Records):  # the corpus's own rows: JSON values already
        return list(frame)
    if hasattr(frame, "to_json"):
        return json.loads(frame.to_json(orient="records", date_format="iso", default_handler=str))
    return [{key: _json_value(value) for key, value in dict(row).items()} for row in frame]


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return _json_value(value.item())
    return str(value)


def sort_rows(items: list[dict[str, Any]], column: Optional[str], descending: bool = False) -> list[dict[str, Any]]:
    """Rows sorted by one column; rows without a value go last either way."""
    if not column:
        return items
    present = [row for row in items if row.get(column) is not None]
    missing = [row for row in items if row.get(column) is None]
    present.sort(key=lambda row: _sort_key(row[column]), reverse=descending)
    return present + missing


def _sort_key(value: Any) -> tuple[int, Any]:
    # numbers before text, so a column mixing both still sorts
    if isinstance(value, (int, float)):
        return (0, value)
    return (1, str(value).casefold())


def graph_elements(graph: Any) -> dict[str, list[dict[str, Any]]]:
    """A networkx (Multi)DiGraph of actors and events as cytoscape.js elements."""
    nodes = []
    for node, data in graph.nodes(data=True):
        nodes.append(
            {
                "id": str(node),
                "label": str(data.get("label") or node),
                "kind": data.get("kind") or None,
                "code": data.get("code") or None,
            }
        )
    edges = []
    for index, (source, target, data) in enumerate(graph.edges(data=True)):
        # GraphML and GEXF hold no lists: the corpus graph keeps its event ids space-separated.
        event_ids = str(data.get("event_ids") or "").split()
        edges.append(
            {
                "id": f"e{index}",
                "source": str(source),
                "target": str(target),
                "count": int(data.get("count") or len(event_ids) or 1),
                "mean_goldstein": _json_value(data.get("mean_goldstein")),
                "origins": _json_value(data.get("origins")),
                "plover_type": _json_value(data.get("plover_type")),
                "factuality": _json_value(data.get("factuality")),
                "event_ids": [str(e) for e in event_ids],
            }
        )
    events = _events_per_node(edges)
    for node in nodes:
        node["events"] = events.get(str(node["id"]), 0)
    return {"nodes": _json_safe(nodes), "edges": edges}


def _events_per_node(edges: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for edge in edges:
        for end in {edge["source"], edge["target"]}:
            counts[end] = counts.get(end, 0) + edge["count"]
    return counts


def focus(elements: dict[str, list[dict[str, Any]]], top: Optional[int]) -> dict[str, Any]:
    """The graph cut to its ``top`` actors by events (all when ``top`` is None) and the edges
    between them, with the whole graph's ``total_nodes`` and ``total_edges``: a corpus of
    thousands of actors drawn at once is a hairball no one can read."""
    nodes, edges = elements["nodes"], elements["edges"]
    if top is not None and len(nodes) > top:
        ranked = sorted(nodes, key=lambda n: (-n["events"], n["label"].casefold(), n["id"]))[:top]
        kept = {n["id"] for n in ranked}
        nodes = [n for n in nodes if n["id"] in kept]
        edges = [e for e in edges if e["source"] in kept and e["target"] in kept]
    return {"nodes": nodes, "edges": edges, "total_nodes": len(elements["nodes"]), "total_edges": len(elements["edges"])}


def with_first_reports(items: list[dict[str, Any]], first: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows with their first report's ``trigger`` and ``sentence`` (``Corpus.first_reports``)."""
    out = []
    for row in items:
        report = first.get(row.get("event_id") or "", {})
        out.append({**row, "trigger": report.get("trigger_text"), "sentence": report.get("sentence")})
    return out


def _json_safe(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: _json_value(value) for key, value in item.items()} for item in items]


def source_summary(source_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per outlet: how many sources and claims it relies on, and how many of them are anonymous."""
    outlets: dict[str, dict[str, Any]] = {}
    for row in source_rows:
        outlet = row.get("outlet") or "(unknown outlet)"
        entry = outlets.setdefault(outlet, {"outlet": outlet, "sources": 0, "claims": 0, "anonymous_sources": 0, "anonymous_claims": 0})
        claims = int(row.get("claims") or 0)
        entry["sources"] += 1
        entry["claims"] += claims
        if row.get("kind") in SOURCE_KINDS_ANONYMOUS:
            entry["anonymous_sources"] += 1
            entry["anonymous_claims"] += claims
    for entry in outlets.values():
        entry["anonymous_share"] = round(entry["anonymous_claims"] / entry["claims"], 3) if entry["claims"] else 0.0
    return sorted(outlets.values(), key=lambda e: (-e["claims"], e["outlet"]))
