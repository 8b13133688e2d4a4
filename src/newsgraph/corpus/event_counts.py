"""An event's counters — mentions, independent origins, standing, contradiction, first and
last seen — kept current as mentions arrive, without rereading the event's mentions.

Rereading them on every new mention made ingest quadratic in an event's mention count: a
story that a thousand articles repeat cost a thousand reads per new article. Instead the
store keeps, per event, a bit set of the factuality labels seen (``events.labels``) and the
origin graph itself (``event_origins``: each chain node with the number of its connected
component), and a new mention only merges its own nodes into that graph.

``recount_event`` derives the same counters from scratch; the schema migration that added
the incremental state uses it to fill that state for stores written before, and the tests
check that both ways agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Optional, Sequence

from .connection import Store
from .origins import chain_nodes

__all__ = ["LABEL_BITS", "Tally", "apply_tally", "recount_event", "recount_all", "standing", "contradicted"]

# One bit per factuality label (writer.FACTUALITY_LABELS), in that order.
LABEL_BITS = {"asserted": 1, "hedged": 2, "negated": 4, "disputed": 8}
_VOUCHING = frozenset({"asserted", "hedged"})  # only these lend an event an origin


def standing(labels: int) -> str:
    """The event's overall factuality: asserted if any mention asserts it, else the firmest."""
    for label in ("asserted", "hedged", "disputed", "negated"):
        if labels & LABEL_BITS[label]:
            return label
    return "asserted"


def contradicted(labels: int) -> bool:
    """Asserted somewhere and negated or disputed somewhere else."""
    return bool(labels & LABEL_BITS["asserted"]) and bool(labels & (LABEL_BITS["negated"] | LABEL_BITS["disputed"]))


@dataclass
class Tally:
    """The new mentions of one event within one article, gathered before a single update."""

    mentions: int = 0
    labels: int = 0
    node_sets: list[frozenset[str]] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)

    def add(self, factuality: str, seen: str, chain: Sequence[str], kinds: Sequence[str], outlet: Optional[str], article: str) -> None:
        """One mention: its label, the day it was seen, and (when it vouches for the event,
        i.e. asserts or hedges it) its chain's origin nodes."""
        self.mentions += 1
        self.labels |= LABEL_BITS.get(factuality, 0)
        if factuality in _VOUCHING:
            self.node_sets.append(chain_nodes(chain, kinds, outlet, article))
        self.seen.append(seen)


def apply_tally(store: "Store", event_id: str, tally: Tally) -> None:
    """Fold ``tally`` into the event's stored counters (inside the caller's transaction)."""
    for nodes in tally.node_sets:
        _merge_origin(store, event_id, nodes)
    origins = store.scalar("SELECT COUNT(DISTINCT origin) FROM event_origins WHERE event_id = ?", (event_id,)) or 0
    _, rows = store.rows("SELECT labels, first_seen, last_seen FROM events WHERE id = ?", (event_id,))
    labels, first, last = rows[0]
    labels |= tally.labels
    seen = sorted([*tally.seen, *(d for d in (first, last) if d)])
    store.execute(
        "UPDATE events SET mentions = mentions + ?, labels = ?, origins = ?, contradicted = ?, factuality = ?, "
        "first_seen = ?, last_seen = ? WHERE id = ?",
        (tally.mentions, labels, origins, int(contradicted(labels)), standing(labels), seen[0], seen[-1], event_id),
    )


def _merge_origin(store: "Store", event_id: str, nodes: frozenset[str]) -> None:
    """Add one chain's nodes to the event's origin graph, joining every component they touch."""
    ordered = sorted(nodes)
    marks = ",".join("?" * len(ordered))
    _, found = store.rows(f"SELECT node, origin FROM event_origins WHERE event_id = ? AND node IN ({marks})", (event_id, *ordered))
    touched = sorted({origin for _, origin in found})
    if touched:
        target = touched[0]
        if len(touched) > 1:
            others = touched[1:]
            store.execute(
                f"UPDATE event_origins SET origin = ? WHERE event_id = ? AND origin IN ({','.join('?' * len(others))})",
                (target, event_id, *others),
            )
    else:
        target = (store.scalar("SELECT MAX(origin) FROM event_origins WHERE event_id = ?", (event_id,)) or 0) + 1
    known = {node for node, _ in found}
    for node in ordered:
        if node not in known:
            store.execute("INSERT INTO event_origins (event_id, node, origin) VALUES (?, ?, ?)", (event_id, node, target))


def recount_event(store: "Store", event_id: str) -> None:
    """Rebuild the event's counters and origin graph from all its stored mentions."""
    _, rows = store.rows(
        "SELECT m.article_id, m.outlet, m.chain, m.chain_kinds, m.factuality, a.published, a.added "
        "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY m.article_id, m.mention",
        (event_id,),
    )
    store.execute("DELETE FROM event_origins WHERE event_id = ?", (event_id,))
    store.execute(
        "UPDATE events SET mentions = 0, labels = 0, origins = 0, contradicted = 0, factuality = NULL, "
        "first_seen = NULL, last_seen = NULL WHERE id = ?",
        (event_id,),
    )
    if not rows:
        return
    tally = Tally()
    for article, outlet, chain, kinds, factuality, published, added in rows:
        tally.add(factuality, published or added[:10], json.loads(chain), json.loads(kinds), outlet, article)
    apply_tally(store, event_id, tally)


def recount_all(store: "Store") -> None:
    """Recount every event (the migration step that fills the incremental state)."""
    for (event_id,) in store.rows("SELECT id FROM events ORDER BY id")[1]:
        recount_event(store, event_id)
