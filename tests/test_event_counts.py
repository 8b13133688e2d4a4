"""Event counters kept incrementally agree with counting every mention from scratch."""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.corpus.event_counts import LABEL_BITS, Tally, apply_tally, contradicted, recount_event, standing
from newsgraph.corpus.migrations import LATEST, migrate
from newsgraph.corpus.origins import chain_nodes, count_origins
from newsgraph.corpus.store import open_store

COUNTERS = "SELECT mentions, origins, labels, contradicted, factuality, first_seen, last_seen FROM events WHERE id = ?"

CHAINS = [
    (["Israeli intelligence sources", "MENL", "author"], ["anonymous", "outlet", "author"]),
    (["Amnesty International", "author"], ["named_organization", "author"]),
    (["a source", "author"], ["anonymous", "author"]),
    (["author"], ["author"]),
    (["Reuters", "author"], ["outlet", "author"]),
    (["X", "Y", "author"], ["named_person", "outlet", "author"]),
    (["Z", "Y", "author"], ["named_person", "outlet", "author"]),
    (["Z", "author"], ["named_person", "author"]),
]
OUTLETS = ["Reuters", "Outlet A", "Outlet B", None]
LABELS = list(LABEL_BITS)

mention = st.tuples(st.sampled_from(range(len(CHAINS))), st.sampled_from(LABELS))
article = st.tuples(st.sampled_from(OUTLETS), st.dates().map(lambda d: d.isoformat()), st.lists(mention, min_size=1, max_size=4))

_events = itertools.count()


@pytest.mark.parametrize(
    "labels, expected, clash",
    [
        ({"asserted"}, "asserted", False),
        ({"hedged", "negated"}, "hedged", False),
        ({"negated", "disputed"}, "disputed", False),
        ({"negated"}, "negated", False),
        ({"asserted", "negated"}, "asserted", True),
        ({"asserted", "hedged", "disputed"}, "asserted", True),
        ({"hedged", "disputed"}, "hedged", False),
    ],
)
def test_standing_and_contradiction(labels, expected, clash):
    bits = sum(LABEL_BITS[label] for label in labels)
    assert standing(bits) == expected
    assert contradicted(bits) is clash


@pytest.fixture(scope="module")
def bare_store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("counts") / "counts.db"))
    migrate(store)
    yield store
    store.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(articles=st.lists(article, min_size=1, max_size=6))
def test_incremental_counts_equal_a_recount(bare_store, articles):
    store = bare_store
    event = f"ev-{next(_events)}"
    vouching = []
    stances = []  # (article, label, nodes): each mention's sentence is the article's one unnamed sentence
    with store.transaction():
        store.execute("INSERT INTO events (id, match_key) VALUES (?, ?)", (event, event))
        # Article by article, as the writer does: mentions in, then one tally per article.
        for number, (outlet, published, mentions) in enumerate(articles):
            key = f"{event}-art-{number}"
            store.execute(
                "INSERT INTO articles (id, outlet, published, text, added) VALUES (?, ?, ?, ?, ?)",
                (key, outlet, published, key, "2026-01-01T00:00:00+00:00"),
            )
            tally = Tally()
            for i, (chain_no, label) in enumerate(mentions):
                chain, kinds = CHAINS[chain_no]
                store.execute(
                    "INSERT INTO mentions (article_id, mention, event_id, outlet, chain, chain_kinds, factuality) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (key, str(i), event, outlet, json.dumps(chain), json.dumps(kinds), label),
                )
                if label in {"asserted", "hedged"}:
                    vouching.append(chain_nodes(chain, kinds, outlet, key))
                stances.append((key, label, chain_nodes(chain, kinds, outlet, key)))
                tally.add(label, published, chain, kinds, outlet, key)
            apply_tally(store, event, tally)
        incremental = store.rows(COUNTERS, (event,))[1][0]
        recount_event(store, event)
        recounted = store.rows(COUNTERS, (event,))[1][0]
    assert incremental == recounted
    every = [label for _, _, mentions in articles for _, label in mentions]
    days = sorted(published for _, published, _ in articles)
    assert incremental[0] == len(every)
    assert incremental[1] == count_origins(vouching)
    # Contradicted: an assertion and a negation or dispute in different sentences, resting on no common source.
    clash = any(
        a[1] == "asserted" and c[1] in {"negated", "disputed"} and a[0] != c[0] and not a[2] & c[2]
        for a in stances
        for c in stances
    )
    assert incremental[3] == int(clash)
    assert (incremental[5], incremental[6]) == (days[0], days[-1])


MIGRATION_4_COLUMNS = (
    ("events", "lemma"), ("events", "dated"), ("events", "actual"), ("mentions", "lemma"), ("mentions", "evidence"), ("articles", "copy_of"),
)


MIGRATION_6_COLUMNS = ("act", "quote", "type", "text", "speaker_key")


def drop_after_version_5(conn: sqlite3.Connection) -> None:
    """Remove what migrations 6 (the quote columns of ``sources``), 7 (``events.occasion``) and
    8 (the index ``events_spans``) add."""
    conn.execute("DROP INDEX sources_act")
    conn.execute("DROP INDEX sources_quote")
    for column in MIGRATION_6_COLUMNS:
        conn.execute(f"ALTER TABLE sources DROP COLUMN {column}")
    conn.execute("ALTER TABLE events DROP COLUMN occasion")
    conn.execute("DROP INDEX events_spans")


def _drop_after_version_2(conn: sqlite3.Connection) -> None:
    """Remove what migrations 3 and 4 add, so that a store reads as written before them."""
    for table in ("events", "mentions"):
        for column in ("geonameid", "latitude", "longitude", "killed", "injured", "arrested"):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    for table, column in MIGRATION_4_COLUMNS:
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("DROP TABLE article_sentences")
    drop_after_version_5(conn)


def test_a_version_1_store_is_upgraded_with_its_counts(tmp_path, corpus_db):
    """Migration 2 fills the incremental bookkeeping of events written before it existed."""
    path = tmp_path / "old.db"
    shutil.copy(corpus_db, path)
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT id, mentions, origins, contradicted, factuality, first_seen, last_seen FROM events ORDER BY id").fetchall()
        assert before and any(row[2] > 1 for row in before)
        conn.execute("DROP TABLE event_origins")
        conn.execute("ALTER TABLE events DROP COLUMN labels")
        _drop_after_version_2(conn)
        conn.execute("UPDATE events SET origins = 0, mentions = 0")
        conn.execute("DELETE FROM schema_version WHERE version > 1")
    store = open_store(str(path))
    try:
        assert migrate(store) == LATEST
        after = store.rows("SELECT id, mentions, origins, contradicted, factuality, first_seen, last_seen FROM events ORDER BY id")[1]
        assert [tuple(r) for r in after] == before
        assert store.scalar("SELECT COUNT(*) FROM event_origins") > 0
    finally:
        store.close()


def test_a_version_3_store_gains_copies_and_anchors_without_losing_data(tmp_path, corpus_db):
    """Migration 4 fingerprints the stored articles (republished copies), gives each event its
    anchor lemma, and keeps every row."""
    path = tmp_path / "v3.db"
    shutil.copy(corpus_db, path)
    with sqlite3.connect(path) as conn:
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "mentions", "claims")}
        conn.execute("DROP INDEX article_sentences_article")
        for table, column in MIGRATION_4_COLUMNS:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("DROP TABLE article_sentences")
        drop_after_version_5(conn)
        conn.execute("DELETE FROM schema_version WHERE version > 3")
    store = open_store(str(path))
    try:
        assert {t: store.scalar(f"SELECT COUNT(*) FROM {t}") for t in counts} == counts
        assert store.scalar("SELECT COUNT(*) FROM article_sentences") > 0
        assert store.scalar("SELECT COUNT(*) FROM events WHERE lemma IS NULL") == 0
        assert store.scalar("SELECT COUNT(*) FROM mentions WHERE lemma IS NULL") == 0
    finally:
        store.close()
