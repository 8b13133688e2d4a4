"""Two writers into one store at once: no deadlock, no traceback, the same store as one writer.

The writers are threads with a connection each, writing analysed reports the way ``ingest``
writes them (``write_report``, one transaction an article); the analysis is done once."""

from __future__ import annotations

import contextlib
import sqlite3
import threading

import pytest

from newsgraph import Article, analyze_many
from newsgraph.corpus.arrival import difference, snapshot_of
from newsgraph.corpus.connection import PostgresStore, SQLiteStore, Store
from newsgraph.corpus.store import open_store
from newsgraph.corpus.writer import article_id, write_report
from newsgraph.errors import StoreError

# Pairs that name the same actors in opposite orders, and events that several outlets report:
# the writers insert the same actor rows and join the same events from both sides.
ARTICLES = [
    ("A", "2024-05-01", "Israel accused Iran of attacking ships in the Gulf on Monday, officials said."),
    ("B", "2024-05-01", "Iran accused Israel of attacking ships in the Gulf on Monday."),
    ("C", "2024-05-02", "Egypt and Turkey met in Cairo on Tuesday to discuss the war in Gaza."),
    ("D", "2024-05-02", "Turkey and Egypt met in Cairo on Tuesday, the foreign ministry said."),
    ("A", "2024-05-03", "Hamas attacked Israeli troops in Gaza on Monday, Israeli officials said."),
    ("B", "2024-05-03", "Israeli troops were attacked by Hamas in Gaza on Monday, Amnesty International said."),
    ("C", "2024-05-04", "Russia threatened Ukraine with new strikes, Reuters reported."),
    ("D", "2024-05-04", "Ukraine accused Russia of shelling Kharkiv on Sunday."),
]


@pytest.fixture(scope="module")
def reports(nlp):
    return list(analyze_many([Article(text=text, outlet=outlet, published=day) for outlet, day, text in ARTICLES]))


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """A fresh, empty store address for each use (``fresh()``)."""
    if request.param == "sqlite":
        names = iter(range(1000))
        yield lambda: str(tmp_path / f"store{next(names)}.db")
        return
    import psycopg

    url = request.getfixturevalue("postgres_url")
    admin = url.replace("/newsgraph?", "/postgres?")
    made: list[str] = []

    def fresh() -> str:
        name = f"newsgraph_concurrent{len(made)}"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        made.append(name)
        return url.replace("/newsgraph?", f"/{name}?")

    yield fresh
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in made:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _write(store: Store, reports) -> None:
    for report in reports:
        write_report(store, "item", article_id(report.article.text), report)


def _alone(address: str, reports) -> None:
    store = open_store(address)
    try:
        _write(store, reports)
    finally:
        store.close()


def _together(address: str, *halves) -> list[BaseException]:
    """Each half written by its own thread and connection, all at once; the errors raised."""
    stores = [open_store(address) for _ in halves]
    errors: list[BaseException] = []

    def run(store, half):
        try:
            _write(store, half)
        except BaseException as exc:  # noqa: BLE001 - the test reports what a writer met
            errors.append(exc)

    threads = [threading.Thread(target=run, args=pair) for pair in zip(stores, halves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    return errors


def test_two_writers_give_the_store_one_writer_gives(target, reports):
    alone = target()
    _alone(alone, reports)
    both = target()
    assert _together(both, reports[0::2], reports[1::2]) == []
    assert difference(snapshot_of(both), snapshot_of(alone)) == {}


def test_writers_that_take_the_same_actors_in_opposite_orders_do_not_deadlock(target, reports, monkeypatch):
    """The interleaving that deadlocked PostgreSQL: each writer has inserted its first actor
    when both go on to the other's. Writers that wait for each other's whole article cannot
    meet there, so the barrier is left after a while and the writer goes on."""
    address = target()
    open_store(address).close()  # the schema first: its migrations update actors too
    cls = PostgresStore if address.startswith("postgresql://") else SQLiteStore
    meeting = threading.Barrier(2, timeout=3)
    original = cls.execute

    def execute(self, sql, params=()):
        done = original(self, sql, params)
        if sql.startswith("UPDATE actors SET articles") and not getattr(self, "met", False):
            self.met = True
            with contextlib.suppress(threading.BrokenBarrierError):
                meeting.wait()
        return done

    monkeypatch.setattr(cls, "execute", execute)
    assert _together(address, [reports[0]], [reports[1]]) == []
    assert len(snapshot_of(address)["articles"]) == 2


def _conflict(store: Store) -> BaseException:
    """The error the backend raises when it aborts a transaction for another writer's sake."""
    if store.dialect == "sqlite":
        return sqlite3.OperationalError("database is locked")
    import psycopg

    return psycopg.errors.DeadlockDetected("deadlock detected")


def _failing_once(store: Store, monkeypatch) -> list[str]:
    """Make the store's first actor insert fail as a deadlock would; the statements tried."""
    tried: list[str] = []
    original = store.execute

    def execute(sql, params=()):
        if sql.startswith("INSERT INTO actors"):
            tried.append(sql)
            if len(tried) == 1:
                raise _conflict(store)
        return original(sql, params)

    monkeypatch.setattr(store, "execute", execute)
    return tried


def test_a_write_aborted_by_a_conflict_is_tried_again(target, reports, monkeypatch):
    store = open_store(target())
    try:
        tried = _failing_once(store, monkeypatch)
        assert write_report(store, "item", article_id(reports[0].article.text), reports[0]) > 0
        assert len(tried) == 1 + len(reports[0].actors)  # the failed try, then every actor again
        monkeypatch.undo()
        assert store.scalar("SELECT COUNT(*) FROM actors") == len(reports[0].actors)
    finally:
        store.close()


def test_a_conflict_inside_the_callers_transaction_is_not_retried(target, reports, monkeypatch):
    """The caller's transaction is lost as a whole: only the caller can redo it."""
    store = open_store(target())
    try:
        tried = _failing_once(store, monkeypatch)
        with pytest.raises(type(_conflict(store))):
            with store.transaction():
                write_report(store, "item", article_id(reports[0].article.text), reports[0])
        assert len(tried) == 1
        monkeypatch.undo()
        assert store.scalar("SELECT COUNT(*) FROM articles") == 0
    finally:
        store.close()


def test_a_write_that_keeps_conflicting_stops_with_a_store_error(target, reports, monkeypatch):
    store = open_store(target())
    try:
        original = store.execute

        def execute(sql, params=()):
            if sql.startswith("INSERT INTO actors"):
                raise _conflict(store)
            return original(sql, params)

        monkeypatch.setattr(store, "execute", execute)
        monkeypatch.setattr("newsgraph.corpus.connection._RETRY_PAUSE", 0.0)
        with pytest.raises(StoreError) as caught:
            write_report(store, "item", article_id(reports[0].article.text), reports[0])
        assert caught.value.code == "E420"
    finally:
        store.close()
