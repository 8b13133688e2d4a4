"""A connection to the corpus store: one small interface over SQLite (default) and PostgreSQL.

SQL is written once, with ``?`` placeholders, in the dialect both databases share; the
PostgreSQL backend rewrites the placeholders for psycopg. Values always travel as bound
parameters, never inside the SQL text.

Crash and concurrency safety rest on transactions: a writer wraps each article in
``store.transaction()``. SQLite runs in WAL mode and takes the write lock up front
(``BEGIN IMMEDIATE``), so two ingests into one file queue instead of failing half-way;
PostgreSQL serialises the work that must not interleave with ``lock(key)``, a
transaction-scoped advisory lock.

One ``Store`` may be shared by threads (the web server answers requests from a thread
pool): each statement, and each transaction as a whole, holds the store's re-entrant lock,
so one thread's transaction never interleaves with another's statements on the connection.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import zlib
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

from ..errors import Errors, StoreError

__all__ = ["PostgresStore", "SQLiteStore", "Store", "redact"]

_BUSY_TIMEOUT_MS = 120_000


class Store:
    """A connection plus the few operations the corpus needs."""

    dialect = ""

    def __init__(self, target: str) -> None:
        self.target = target
        self._guard = threading.RLock()

    # -- statements -------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; the number of rows it changed."""
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
        """Hold ``key`` until the transaction ends (serialises event matching across writers)."""

    def close(self) -> None:
        raise NotImplementedError


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        super().__init__(path)
        try:
            # Autocommit mode: transactions are opened explicitly, with the lock taken up front.
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=_BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            _switch_to_wal(self.conn)
            # NORMAL in WAL mode survives a killed process; only a power cut may lose the last commits.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise StoreError(Errors.E408, target=path, detail=str(exc)) from exc
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._guard:
            return self.conn.execute(sql, tuple(params)).rowcount

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

    def __init__(self, url: str) -> None:
        super().__init__(redact(url))
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(Errors.E407, feature="A PostgreSQL store", extra="postgres") from exc
        try:
            self.conn = psycopg.connect(url, autocommit=True)
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

    def rows(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        with self._guard, self.conn.cursor() as cursor:
            cursor.execute(self._translate(sql), tuple(params))
            columns = [d.name for d in cursor.description or ()]
            return columns, cursor.fetchall()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        with self._guard, self.conn.transaction():
            yield self

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
