"""Independent origins: how many unconnected sources stand behind an event.

A mention's *chain* lists who vouches for it, innermost first and the article's author
last: ``["Israeli intelligence", "MENL", "author"]``. Each chain becomes a set of *nodes*;
two mentions share an origin when their node sets meet, and the origins of an event are
the connected components of that graph. The rule:

* A **named** source (a person, organisation or outlet) is one node wherever it appears,
  keyed by its normalised name: MENL relayed by outlet A and by outlet B is one origin.
* An **unnamed** source ("a source", "officials", "intelligence sources") cannot be
  recognised across reports, so it is scoped to whoever vouches for it: the nearest named
  node outward in its chain, else the outlet. Two unnamed sources behind the same relay (or
  in the same outlet's own reporting) are one origin, because nothing shows they are
  different people; unnamed sources behind different relays are different origins.
* The **author** counts only when the chain is the author alone (the outlet asserts it
  itself): that is an origin of that outlet, the same node as the outlet named as a source
  elsewhere ("..., Reuters reported" meets Reuters' own article). An outlet that merely
  relays someone is not an origin.
* A verbatim republished article is one article (ids are content hashes), so syndicated
  wire copy never counts twice.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from ..identity import normalise_name

__all__ = ["NAMED_KINDS", "chain_nodes", "count_origins", "origin_groups"]

NAMED_KINDS = frozenset({"named_person", "named_organization", "outlet", "author"})


def chain_nodes(chain: Sequence[str], kinds: Sequence[str], outlet: Optional[str], article_id: str) -> frozenset[str]:
    """The origin-graph nodes of one chain (``kinds`` parallel to ``chain``; "author" last)."""
    publisher = f"named:{normalise_name(outlet)}" if normalise_name(outlet) else f"article:{article_id}"
    links = [(name, kind) for name, kind in zip(chain, kinds) if kind != "author"]
    if not links:
        return frozenset({publisher})
    nodes: list[str] = []
    for i, (name, kind) in enumerate(links):
        if kind in NAMED_KINDS and normalise_name(name):
            nodes.append(f"named:{normalise_name(name)}")
            continue
        voucher = next(
            (f"named:{normalise_name(n)}" for n, k in links[i + 1 :] if k in NAMED_KINDS and normalise_name(n)),
            publisher,
        )
        nodes.append(f"unnamed@{voucher}")
    return frozenset(nodes)


def origin_groups(node_sets: Iterable[frozenset[str]]) -> list[int]:
    """For each node set, the index of its connected component (union-find over shared nodes)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sets = list(node_sets)
    for nodes in sets:
        first = None
        for node in nodes:
            parent.setdefault(node, node)
            if first is None:
                first = find(node)
            else:
                root = find(node)
                if root != first:
                    parent[root] = first
    roots: dict[str, int] = {}
    return [roots.setdefault(find(next(iter(nodes))), len(roots)) if nodes else -1 for nodes in sets]


def count_origins(node_sets: Iterable[frozenset[str]]) -> int:
    """How many independent origins: the connected components of the mentions' chains."""
    return len({g for g in origin_groups(node_sets) if g >= 0})
