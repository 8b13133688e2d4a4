"""The store keys actors by entity; migration 5 rekeys a store written before, without losing data."""

from __future__ import annotations

import pytest

from newsgraph.corpus.coref import match_key
from newsgraph.corpus.migrations import LATEST, migrate
from newsgraph.corpus.store import open_store

# (old key, name, code, kind) as migrations 1-3 stored them, and the key each gets now.
OLD_ACTORS = [
    ("code:USAGOV", "White House", "USAGOV", "organization", "cat:white house"),
    ("code:PSEREBHMS", "Hamas", "PSEREBHMS", "group", "cat:hamas"),
    ("code:ISR", "Israel", "ISR", "country", "country:ISR"),
    ("code:ISRMIL", "Israeli troops", "ISRMIL", "agent", "code:ISRMIL"),
    ("name:donald j trump", "Donald J. Trump", None, "person", "person:donald trump"),
    ("name:donald trump", "Donald Trump", None, "person", "person:donald trump"),
    ("name:jerusalem post", "The Jerusalem Post", "ISRMED", "outlet", "cat:jerusalem post"),
]
# article -> the old actor keys it names
ARTICLE_ACTORS = {
    "art-1": ["code:PSEREBHMS", "code:ISRMIL", "name:donald j trump", "name:donald trump"],
    "art-2": ["code:PSEREBHMS", "code:USAGOV", "name:donald trump", "code:ISR"],
}
# (event id, old source key, old target key, PLOVER type)
EVENTS = [
    ("ev-1", "code:PSEREBHMS", "code:ISRMIL", "ASSAULT"),
    ("ev-2", "name:donald j trump", "code:USAGOV", "ACCUSE"),
    ("ev-3", "name:donald trump", None, "ACCUSE"),
]


def _old_store(target: str):
    """A store at schema 4 with actors keyed the old way (by code, or by name)."""
    store = open_store(target)
    with store.transaction():
        store.execute("DELETE FROM schema_version WHERE version > 4")
        store.execute("DROP INDEX sources_act")
        store.execute("DROP INDEX sources_quote")
        for column in ("act", "quote", "type", "text", "speaker_key"):  # what migration 6 adds
            store.execute(f"ALTER TABLE sources DROP COLUMN {column}")
        store.execute("ALTER TABLE events DROP COLUMN occasion")  # migration 7's
        store.execute("DROP INDEX events_spans")  # migration 8's
        for key, name, code, kind, _ in OLD_ACTORS:
            store.execute("INSERT INTO actors (actor_key, name, code, kind) VALUES (?, ?, ?, ?)", (key, name, code, kind))
        for article, keys in ARTICLE_ACTORS.items():
            store.execute("INSERT INTO articles (id, text, added) VALUES (?, ?, ?)", (article, article, "2016-01-10"))
            for key in keys:
                store.execute("INSERT INTO article_actors (article_id, actor_key) VALUES (?, ?)", (article, key))
                store.execute("UPDATE actors SET articles = articles + 1 WHERE actor_key = ?", (key,))
        for event_id, source, target, plover in EVENTS:
            store.execute(
                "INSERT INTO events (id, match_key, source_key, target_key, plover_type, cameo) VALUES (?, ?, ?, ?, ?, ?)",
                (event_id, match_key(source, target, plover, None), source, target, plover, None),
            )
            for key in {source, target} - {None}:
                store.execute("UPDATE actors SET events = events + 1 WHERE actor_key = ?", (key,))
        store.execute(
            "INSERT INTO claims (article_id, claim, source_key, chain) VALUES (?, ?, ?, ?)", ("art-2", "cl-1", "code:USAGOV", "[]")
        )
    return store


def _check_rekeyed(store) -> None:
    assert migrate(store) == LATEST
    new = {old: new for old, *_, new in OLD_ACTORS}
    actors = {r[0]: r[1:] for r in store.rows("SELECT actor_key, articles, events FROM actors")[1]}
    assert set(actors) == set(new.values())
    # counters agree with the rows they count; an article naming both Trumps counts once
    assert actors["person:donald trump"] == (2, 2)
    assert actors["cat:hamas"] == (2, 1)
    linked = store.rows("SELECT article_id, actor_key FROM article_actors ORDER BY article_id, actor_key")[1]
    assert {tuple(r) for r in linked} == {(a, new[k]) for a, keys in ARTICLE_ACTORS.items() for k in keys}
    events = {r[0]: tuple(r[1:]) for r in store.rows("SELECT id, source_key, target_key, match_key FROM events")[1]}
    for event_id, source, target, plover in EVENTS:
        s, t = new.get(source), new.get(target)
        assert events[event_id] == (s, t, match_key(s, t, plover, None))
    assert store.scalar("SELECT source_key FROM claims WHERE claim = 'cl-1'") == "cat:white house"


def test_migration_5_rekeys_a_sqlite_store(tmp_path):
    store = _old_store(str(tmp_path / "old.db"))
    try:
        _check_rekeyed(store)
    finally:
        store.close()


def test_migration_5_rekeys_a_postgres_store(postgres_url):
    import psycopg

    # A database of its own: the session's server is shared with the other PostgreSQL tests.
    admin = postgres_url.replace("/newsgraph?", "/postgres?")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS newsgraph_rekey")
        conn.execute("CREATE DATABASE newsgraph_rekey")
    store = _old_store(postgres_url.replace("/newsgraph?", "/newsgraph_rekey?"))
    try:
        _check_rekeyed(store)
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["actors", "events"])
def test_the_store_keys_actors_by_entity(corpus_db, kind):
    from newsgraph import Corpus

    with Corpus(corpus_db) as corpus:
        if kind == "actors":
            keys = set(corpus.actors()["actor_key"])
            assert {"cat:hamas", "code:ISRMIL", "country:EGY", "country:TUR"} <= keys
        else:
            events = corpus.events()
            assert "cat:hamas" in set(events["source_key"])
