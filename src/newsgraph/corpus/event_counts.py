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

__all__ = [
    "LABEL_BITS", "Stance", "Tally", "apply_tally", "contradicted", "contradicting", "contradiction_pairs", "recount_all", "recount_event", "stances", "standing",
]

# One bit per factuality label (writer.FACTUALITY_LABELS), in that order.
LABEL_BITS = {"asserted": 1, "hedged": 2, "negated": 4, "disputed": 8}
_VOUCHING = frozenset({"asserted", "hedged"})  # only these lend an event an origin
_CONTESTING = frozenset({"negated", "disputed"})


def standing(labels: int) -> str:
    """The event's overall factuality: asserted if any mention asserts it, else the firmest."""
    for label in ("asserted", "hedged", "disputed", "negated"):
        if labels & LABEL_BITS[label]:
            return label
    return "asserted"


def contradicted(labels: int) -> bool:
    """Asserted somewhere and negated or disputed somewhere: the precondition of a contradiction
    (``contradicting`` says whether two mentions make one)."""
    return bool(labels & LABEL_BITS["asserted"]) and bool(labels & (LABEL_BITS["negated"] | LABEL_BITS["disputed"]))


@dataclass(frozen=True)
class Stance:
    """One mention as contradiction sees it: where it is, what it says, and who vouches for it."""

    article: str
    sentence: str
    factuality: str
    nodes: frozenset[str]  # its chain's origin nodes (origins.chain_nodes)
    # What a listing of contradictions shows of it.
    outlet: Optional[str] = None
    chain: tuple[str, ...] = ()
    trigger_start: Optional[int] = None
    trigger: Optional[str] = None


def contradicting(asserted: Stance, contested: Stance) -> bool:
    """One source asserts the event, another negates or disputes it: the two mentions stand in
    different sentences (a sentence never contradicts itself: "failing to reject" is not a
    rejection and its denial) and rest on no common source."""
    if asserted.factuality != "asserted" or contested.factuality not in _CONTESTING:
        return False
    if (asserted.article, asserted.sentence) == (contested.article, contested.sentence):
        return False
    common = asserted.nodes & contested.nodes
    if common and all(n.startswith("unnamed@") for n in common):
        # "Egypt accused Israel ..., Egyptian officials said" against "Israel denied ...,
        # according to anonymous sources": the shared node is the outlet's pool of unnamed
        # relays, not a common source, when each side names a different claimant.
        claimants = [{n for n in s.nodes if n.startswith("named:")} for s in (asserted, contested)]
        return all(claimants) and not (claimants[0] & claimants[1])
    return not common


def stances(store: "Store", event_id: str) -> list[Stance]:
    """The event's asserting and contesting mentions in store order, copies vouching as their
    originals."""
    _, rows = store.rows(
        "SELECT m.article_id, m.sentence, m.factuality, m.chain, m.chain_kinds, COALESCE(o.outlet, m.outlet), "
        "COALESCE(a.copy_of, m.article_id), m.outlet, m.trigger_start, m.trigger_text "
        "FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.copy_of "
        "WHERE m.event_id = ? AND m.factuality IN ('asserted', 'negated', 'disputed') ORDER BY m.article_id, m.mention",
        (event_id,),
    )
    found = []
    for article, sentence, factuality, chain, kinds, publisher, root, outlet, start, trigger in rows:
        links = json.loads(chain)
        nodes = chain_nodes(links, json.loads(kinds), publisher, root)
        found.append(Stance(article, sentence or "", factuality, nodes, outlet, tuple(links), start, trigger))
    return found


def contradiction_pairs(found: list[Stance]) -> list[tuple[Stance, Stance]]:
    """Every (asserting, contesting) pair of ``found`` that is a contradiction, in order."""
    contested = [s for s in found if s.factuality in _CONTESTING]
    return [(a, c) for a in found if a.factuality == "asserted" for c in contested if contradicting(a, c)]


def _contradiction_found(store: "Store", event_id: str) -> bool:
    return bool(contradiction_pairs(stances(store, event_id)))


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
    _, rows = store.rows("SELECT labels, first_seen, last_seen, contradicted FROM events WHERE id = ?", (event_id,))
    labels, first, last, was_contradicted = rows[0]
    labels |= tally.labels
    seen = sorted([*tally.seen, *(d for d in (first, last) if d)])
    # Mentions are stored before their tally, so the check sees this article's too. It reads
    # the event's mentions only while both an assertion and a contest are there and no pair
    # has been found yet: rare, unlike a rereading on every mention.
    now_contradicted = bool(was_contradicted) or (contradicted(labels) and _contradiction_found(store, event_id))
    store.execute(
        "UPDATE events SET mentions = mentions + ?, labels = ?, origins = ?, contradicted = ?, factuality = ?, "
        "first_seen = ?, last_seen = ? WHERE id = ?",
        (tally.mentions, labels, origins, int(now_contradicted), standing(labels), seen[0], seen[-1], event_id),
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
        "SELECT COALESCE(a.copy_of, m.article_id), COALESCE(o.outlet, m.outlet), m.chain, m.chain_kinds, m.factuality, "
        "a.published, a.added FROM mentions m JOIN articles a ON a.id = m.article_id "
        "LEFT JOIN articles o ON o.id = a.copy_of WHERE m.event_id = ? ORDER BY m.article_id, m.mention",
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
