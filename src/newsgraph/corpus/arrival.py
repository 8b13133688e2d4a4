"""What a store holds, whatever order its articles arrived in: a snapshot to compare stores
written by one writer, by two at once, or in another order.

An event's id is a hash of the mention that created it, and its ``first_seen`` and the
articles' ``added`` stamps are write times, so two stores of the same content differ there;
the snapshot leaves them out and names each event by the mentions it holds. What remains
differs only where the result depends on the order of arrival (docs/corroboration.md,
"Order of arrival"): which mentions an event groups, the name a side keeps, and the
surname links (``surnames``).
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any, Sequence, Union

from ..model import Report
from .connection import Store
from .store import open_store
from .writer import article_id, write_report

__all__ = ["Snapshot", "compare", "difference", "snapshot", "snapshot_of"]

Snapshot = dict[str, Counter]

# Write times and the id a first mention gives: never compared.
_EVENT_SKIP = {"id", "first_seen", "last_seen"}
# How a mention joined its event (which earlier mention it matched) follows the order.
_MENTION_SKIP = {"event_id", "evidence"}


def snapshot(store: Store) -> Snapshot:
    """The store's articles, actors, events (each with its mentions' keys) and mentions, as
    multisets of plain tuples."""
    out: Snapshot = {}
    out["articles"] = Counter(r for r in store.rows("SELECT id, item, copy_of FROM articles")[1])
    out["actors"] = Counter(store.rows("SELECT actor_key, name, code, kind, events, articles FROM actors")[1])
    out["article_actors"] = Counter(store.rows("SELECT article_id, actor_key FROM article_actors")[1])
    members: dict[str, list[tuple[str, str]]] = {}
    for event_id, article, mention in store.rows("SELECT event_id, article_id, mention FROM mentions")[1]:
        members.setdefault(event_id, []).append((article, mention))
    columns, rows = store.rows("SELECT * FROM events")
    kept = [i for i, c in enumerate(columns) if c not in _EVENT_SKIP]
    key = columns.index("id")
    out["events"] = Counter(
        (tuple(sorted(members.get(row[key], ()))), *(_plain(row[i]) for i in kept)) for row in rows
    )
    columns, rows = store.rows("SELECT * FROM mentions")
    kept = [i for i, c in enumerate(columns) if c not in _MENTION_SKIP]
    out["mentions"] = Counter(tuple(_plain(row[i]) for i in kept) for row in rows)
    for table in ("sources", "claims"):
        out[table] = Counter(tuple(map(_plain, row)) for row in store.rows(f"SELECT * FROM {table}")[1])  # noqa: S608 - fixed names
    return out


def snapshot_of(address: str) -> Snapshot:
    """``snapshot`` of the store at ``address`` (a SQLite path or a PostgreSQL URL), opened and
    closed again."""
    store = open_store(address)
    try:
        return snapshot(store)
    finally:
        store.close()


def _plain(value: Any) -> Any:
    # PostgreSQL returns floats where SQLite may return ints for DOUBLE PRECISION columns.
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def difference(one: Snapshot, other: Snapshot) -> dict[str, tuple[int, int]]:
    """Per table, the rows only in ``one`` and only in ``other`` (tables that agree are left out)."""
    out = {}
    for table in sorted(set(one) | set(other)):
        a, b = one.get(table, Counter()), other.get(table, Counter())
        only_a, only_b = sum((a - b).values()), sum((b - a).values())
        if only_a or only_b:
            out[table] = (only_a, only_b)
    return out


def compare(reports: Sequence[Report], folder: Union[str, "os.PathLike[str]"]) -> dict[str, Any]:
    """Write ``reports`` into two new SQLite stores in ``folder``, in the given order and
    reversed: the events and mentions each holds, and per table the rows only in the one or
    the other (``difference``; empty when the order made no difference)."""
    snapshots = []
    for name, order in (("forward", list(reports)), ("reversed", list(reports)[::-1])):
        store = open_store(os.path.join(os.fspath(folder), f"{name}.db"))
        try:
            for report in order:
                write_report(store, "compare", article_id(report.article.text), report)
            snapshots.append(snapshot(store))
        finally:
            store.close()
    forward, backward = snapshots
    return {
        "events": (sum(forward["events"].values()), sum(backward["events"].values())),
        "mentions": (sum(forward["mentions"].values()), sum(backward["mentions"].values())),
        "difference": difference(forward, backward),
    }
