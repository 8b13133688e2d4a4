"""The stored events a mention may join: the window read finds exactly the events whose dates
overlap it, and migration 8 adds the index it reads spans by to a store written before."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from newsgraph.corpus.candidates import overlapping_events, shift
from newsgraph.corpus.migrations import LATEST
from newsgraph.corpus.store import open_store

KEY = "-|-|plover:ASSAULT"
# (id, date, date_end): one-day events, spans, an open end, a reversed span, another key's event
EVENTS = [
    ("ev-day-before", "2020-03-08", "2020-03-08"),
    ("ev-day-low", "2020-03-09", "2020-03-09"),
    ("ev-day-in", "2020-03-10", "2020-03-10"),
    ("ev-day-high", "2020-03-11", "2020-03-11"),
    ("ev-day-after", "2020-03-12", "2020-03-12"),
    ("ev-week-over", "2020-03-02", "2020-03-09"),
    ("ev-week-ends-before", "2020-03-01", "2020-03-08"),
    ("ev-year", "2019-06-01", "2020-05-31"),
    ("ev-span-starts-in", "2020-03-11", "2020-03-20"),
    ("ev-span-starts-after", "2020-03-12", "2020-03-20"),
    ("ev-no-end", "2020-03-10", None),
    ("ev-reversed", "2020-03-12", "2020-03-01"),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        target = str(tmp_path / "c.db")
    else:
        import psycopg

        url = request.getfixturevalue("postgres_url")
        # A database of its own: the session's server is shared with the other PostgreSQL tests.
        with psycopg.connect(url.replace("/newsgraph?", "/postgres?"), autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS newsgraph_candidates")
            conn.execute("CREATE DATABASE newsgraph_candidates")
        target = url.replace("/newsgraph?", "/newsgraph_candidates?")
    store = open_store(target)
    for event_id, date, date_end in EVENTS:
        store.execute("INSERT INTO events (id, match_key, date, date_end) VALUES (?, ?, ?, ?)", (event_id, KEY, date, date_end))
    store.execute("INSERT INTO events (id, match_key, date, date_end) VALUES ('ev-other', 'x|y|plover:ASSAULT', '2020-03-10', '2020-03-10')")
    yield store
    store.close()


@pytest.mark.parametrize(
    "dates, expected",
    [
        (("2020-03-10", "2020-03-10"), {"ev-day-low", "ev-day-in", "ev-day-high", "ev-week-over", "ev-year", "ev-span-starts-in"}),
        (("2020-03-13", "2020-03-14"), {"ev-day-after", "ev-year", "ev-span-starts-in", "ev-span-starts-after"}),
        (("2020-02-01", "2020-02-29"), {"ev-year", "ev-week-ends-before"}),
        (("2020-02-01", "2020-02-28"), {"ev-year"}),
        (("2021-01-01", "2021-01-01"), set()),
    ],
)
def test_the_window_read_finds_the_events_that_overlap_it(store, dates, expected):
    found = overlapping_events(store, KEY, dates)
    assert {row[0] for row in found} == expected
    assert len(found) == len(expected)  # each once
    # the same as the one condition the read replaces, widened by a day each side
    low, high = shift(dates[0], -1), shift(dates[1], 1)
    _, plain = store.rows("SELECT id FROM events WHERE match_key = ? AND date <= ? AND date_end >= ?", (KEY, high, low))
    assert {row[0] for row in plain} == expected


def test_a_version_7_store_gains_the_spans_index_and_keeps_every_row(tmp_path, corpus_db):
    path = tmp_path / "v7.db"
    shutil.copy(corpus_db, path)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX events_spans")
        conn.execute("DELETE FROM schema_version WHERE version > 7")
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_version'")]
        before = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    assert before["events"] and before["mentions"]
    store = open_store(str(path))
    try:
        assert store.scalar("SELECT MAX(version) FROM schema_version") == LATEST
        assert store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'events_spans'") == 1
        assert {t: sorted(store.rows(f"SELECT * FROM {t}")[1], key=repr) for t in tables} == before
    finally:
        store.close()
