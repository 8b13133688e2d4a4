"""A connection to the corpus store: one small interface over SQLite (default) and PostgreSQL.

SQL is written once, with ``?`` placeholders, in the dialect both databases share; the
PostgreSQL backend rewrites the placeholders for psycopg. Values always travel as bound
parameters, never inside the SQL text.

Crash and concurrency safety rest on transactions: a writer puts each article (ingest,
each chunk of articles) in ``store.write(work)``, one transaction that writers take one at
a time. SQLite runs in WAL mode and takes the write lock up front (``BEGIN IMMEDIATE``),
so two ingests into one file queue instead of failing half-way; PostgreSQL does the same
with a transaction-level advisory lock on one fixed key (``WRITE_LOCK``). Without it two
writers inserting the same actors in opposite orders each waited for the other's
uncommitted row, and PostgreSQL aborted one of them (deadlock_detected). Writes are a
small part of an ingest (analysis is the rest), so queueing them costs little, and it
makes the result that of some one order. A transaction the database still aborts for
another writer's sake (a deadlock, a serialisation failure, SQLite's "database is locked")
is tried again, a few times, with a growing pause; not when it runs inside a caller's
transaction, which is lost as a whole and only the caller can redo.

One ``Store`` may be shared by threads (the web server answers requests from a thread
pool): each statement, and each transaction as a whole, holds the store's re-entrant lock,
so one thread's transaction never interleaves with another's statements on the connection.
"""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import threading
import time
import urllib.parse
import zlib
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from ..errors import Errors, StoreError

__all__ = ["PostgresStore", "SQLiteStore", "Store", "WRITE_ATTEMPTS", "WRITE_LOCK", "redact"]

log = logging.getLogger(__name__)

_BUSY_TIMEOUT_MS = 120_000
# Pages in the WAL before a commit copies them back into the database. A checkpoint is the one
# place WAL mode at synchronous=NORMAL syncs the disk (twice, 3-4 ms each here), and a page
# written again before it is copied once. SQLite's 1,000 pages (4 MiB) are every 6 articles
# of an ingest (about 170 pages an article); 10,000 let the WAL grow to about 40 MiB, removed
# when the store is closed. What a commit guarantees is the same either way.
_CHECKPOINT_PAGES = 10_000
# The key every write transaction locks first, so that writers take turns.
WRITE_LOCK = "newsgraph-write"
# Tries of one write the database aborts for another writer's sake, and the first pause
# (seconds) before the next; it doubles each time, with jitter so that writers spread out.
WRITE_ATTEMPTS = 5
_RETRY_PAUSE = 0.05
# SQLSTATEs of transactions aborted for another's sake: serialization_failure, deadlock_detected.
_CONFLICT_STATES = frozenset({"40001", "40P01"})

T = TypeVar("T")


class Store:
    """A connection plus the few operations the corpus needs."""

    dialect = ""

    def __init__(self, target: str) -> None:
        self.target = target
        self._guard = threading.RLock()
        self._depth = 0  # open transaction() blocks: more than 0 inside a transaction

    # -- statements -------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; the number of rows it changed."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once for each row of parameters (an article's claims, say): one
        call instead of one per row."""
        raise NotImplementedError

    def rows(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Column names and all rows of a query."""
        raise NotImplementedError

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        _, rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        raise NotImplementedError
        yield self  # pragma: no cover

    def lock(self, key: str) -> None:
        """Hold ``key`` until the transaction ends (another transaction locking it waits)."""

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def conflict(self, error: BaseException) -> bool:
        """Whether ``error`` aborted a transaction for another writer's sake (worth a retry)."""
        return False

    def write(self, work: Callable[["Store"], T], attempts: int = WRITE_ATTEMPTS) -> T:
        """``work(store)`` in a write transaction of its own, writers one at a time, tried
        again when the database aborts it for another writer's sake. Inside a caller's
        transaction it joins that transaction and is not retried."""
        if self.in_transaction:
            with self.transaction():
                self.lock(WRITE_LOCK)
                return work(self)
        for attempt in range(1, attempts + 1):
            try:
                with self.transaction():
                    self.lock(WRITE_LOCK)
                    return work(self)
            except Exception as exc:
                if not self.conflict(exc):
                    raise
                if attempt == attempts:
                    raise StoreError(Errors.E420, target=self.target, attempts=attempts, detail=str(exc).strip()) from exc
                pause = _RETRY_PAUSE * 2 ** (attempt - 1) * (1 + random.random())  # noqa: S311 - jitter, not secrets
                log.info("%s: write aborted by another writer (%s); try %d of %d in %.2f s", self.target, exc, attempt + 1, attempts, pause)
                time.sleep(pause)
        raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover

    def version(self) -> object:
        """A value that changes whenever the content does. Ingest only adds: articles and the
        mentions of their events, or errors, so their counts and the latest addition tell."""
        _, rows = self.rows(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT MAX(added) FROM articles), "
            "(SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM errors)"
        )
        return rows[0]

    def close(self) -> None:
        raise NotImplementedError


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str, read_only: bool = False) -> None:
        super().__init__(path)
        try:
            # Autocommit mode: transactions are opened explicitly, with the lock taken up front.
            # Read-only: SQLite itself refuses every write ("attempt to write a readonly database").
            target, uri = (f"file:{urllib.parse.quote(os.path.abspath(path))}?mode=ro", True) if read_only else (path, False)
            self.conn = sqlite3.connect(target, isolation_level=None, timeout=_BUSY_TIMEOUT_MS / 1000, check_same_thread=False, uri=uri)
            if not read_only:  # a read-only connection cannot change the journal; the store was made in WAL mode
                _switch_to_wal(self.conn)
            # NORMAL in WAL mode survives a killed process; only a power cut may lose the last commits.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            if not read_only:
                self.conn.execute(f"PRAGMA wal_autocheckpoint={_CHECKPOINT_PAGES}")
            self.conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise StoreError(Errors.E408, target=path, detail=str(exc)) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._guard:
            return self.conn.execute(sql, tuple(params)).rowcount

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._guard:
            self.conn.executemany(sql, rows)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        with self._guard:
            cursor = self.conn.execute(sql, tuple(params))
            columns = [d[0] for d in cursor.description or ()]
            return columns, cursor.fetchall()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        with self._guard:
            if self._depth:
                yield self
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._depth = 0

    def version(self) -> object:
        # data_version changes when another connection commits, total_changes when this one
        # writes: both without reading a table.
        with self._guard:
            return (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)

    def conflict(self, error: BaseException) -> bool:
        # BEGIN IMMEDIATE waits up to the busy timeout for the write lock; past it, "locked".
        return isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error))

    def close(self) -> None:
        with self._guard:
            self.conn.close()


def _switch_to_wal(conn: sqlite3.Connection, attempts: int = 200) -> None:
    """WAL mode, retried: SQLite answers "database is locked" at once, without waiting, when
    two processes open a new store at the same moment and both try to change its journal."""
    for attempt in range(attempts):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05)


class PostgresStore(Store):
    dialect = "postgresql"

    def __init__(self, url: str, read_only: bool = False) -> None:
        super().__init__(redact(url))
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(Errors.E407, feature="A PostgreSQL store", extra="postgres") from exc
        try:
            self.conn = psycopg.connect(url, autocommit=True)
            if read_only:  # every transaction of this session, each autocommitted statement too
                self.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        except psycopg.Error as exc:
            raise StoreError(Errors.E408, target=self.target, detail=str(exc).strip()) from exc
        self._sql: dict[str, str] = {}

    def _translate(self, sql: str) -> str:
        out = self._sql.get(sql)
        if out is None:
            out = self._sql[sql] = sql.replace("%", "%%").replace("?", "%s")
        return out

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._guard, self.conn.cursor() as cursor:
            cursor.execute(self._translate(sql), tuple(params))
            return cursor.rowcount

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._guard, self.conn.cursor() as cursor:
            cursor.executemany(self._translate(sql), [tuple(row) for row in rows])

    def rows(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        with self._guard, self.conn.cursor() as cursor:
            cursor.execute(self._translate(sql), tuple(params))
            columns = [d.name for d in cursor.description or ()]
            return columns, cursor.fetchall()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        with self._guard, self.conn.transaction():
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1

    def conflict(self, error: BaseException) -> bool:
        return getattr(error, "sqlstate", None) in _CONFLICT_STATES

    def lock(self, key: str) -> None:
        # A 63-bit key from the text: advisory locks take integers.
        number = zlib.crc32(key.encode("utf-8")) | (zlib.adler32(key.encode("utf-8")) << 32)
        self.execute("SELECT pg_advisory_xact_lock(?)", (number - (1 << 64) if number >= 1 << 63 else number,))

    def close(self) -> None:
        with self._guard:
            self.conn.close()


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    return f"{scheme}://{credentials.split(':', 1)[0]}@{host}"
