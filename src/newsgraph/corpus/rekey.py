"""Migration 5: actors keyed by who they are (``Actor.entity``) instead of their role code.

Stores written before keyed an actor by its CAMEO code (countries, organisations, groups,
agents) or its name (persons, outlets): the White House and the State Department were one
``code:USAGOV``. This step recomputes every stored actor's key from its stored name, code and
kind (``identity.entity_key``), moves every reference to it (``article_actors``, the events'
source and target keys and match keys, the claims' source keys), joins rows that now name
one entity and recounts the actors' counters.

What it cannot recompute, because the store does not keep the article's parse: the role a
person held on the publication date (the stored code stays), actors split or joined inside an
article (a "Trump" the NER typed as an organisation stays ``name:trump``), identities taken
wrongly at analysis time (a person named as a country), and events: two stored events that
now share a match key stay two events; new mentions join the nearest. Re-ingesting the
articles into a new store gives today's analysis throughout.
"""

from __future__ import annotations

import logging

from ..identity import entity_key
from .connection import Store
from .coref import match_key

__all__ = ["rekey_actors"]

log = logging.getLogger(__name__)


def rekey_actors(store: Store) -> None:
    _, rows = store.rows("SELECT actor_key, name, code, kind FROM actors ORDER BY actor_key")
    moved = 0
    for old, name, code, kind in rows:
        new = entity_key(name, code, kind)
        if new is None or new == old:
            continue
        _move(store, old, new, (name, code, kind))
        moved += 1
    _, events = store.rows("SELECT id, source_key, target_key, plover_type, cameo, match_key FROM events")
    for event_id, source, target, plover_type, cameo, stored in events:
        key = match_key(source, target, plover_type, cameo)
        if key != stored:
            store.execute("UPDATE events SET match_key = ? WHERE id = ?", (key, event_id))
    store.execute("UPDATE actors SET articles = (SELECT COUNT(*) FROM article_actors aa WHERE aa.actor_key = actors.actor_key)")
    store.execute(
        "UPDATE actors SET events = (SELECT COUNT(*) FROM events e WHERE e.source_key = actors.actor_key OR e.target_key = actors.actor_key)"
    )
    log.info("%s: %d actor keys replaced by entity keys", store.target, moved)


def _move(store: Store, old: str, new: str, fields: tuple) -> None:
    """Every reference to actor ``old`` now points to ``new`` (created with ``old``'s name,
    code and kind unless another row got there first)."""
    store.execute("INSERT INTO actors (actor_key, name, code, kind) VALUES (?, ?, ?, ?) ON CONFLICT (actor_key) DO NOTHING", (new, *fields))
    # An article that names both forms keeps one row for the entity.
    store.execute(
        "UPDATE article_actors SET actor_key = ? WHERE actor_key = ? AND NOT EXISTS "
        "(SELECT 1 FROM article_actors x WHERE x.article_id = article_actors.article_id AND x.actor_key = ?)",
        (new, old, new),
    )
    store.execute("DELETE FROM article_actors WHERE actor_key = ?", (old,))
    store.execute("UPDATE events SET source_key = ? WHERE source_key = ?", (new, old))
    store.execute("UPDATE events SET target_key = ? WHERE target_key = ?", (new, old))
    store.execute("UPDATE claims SET source_key = ? WHERE source_key = ?", (new, old))
    store.execute("DELETE FROM actors WHERE actor_key = ?", (old,))
