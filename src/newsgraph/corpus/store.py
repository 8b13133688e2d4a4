"""Opening the corpus store: a file path (SQLite) or a ``postgresql://`` URL, its schema
brought up to date by ``migrations``. The connection itself is ``connection.Store``."""

from __future__ import annotations

import os
from typing import Optional

from ..errors import Errors, StoreError
from .connection import PostgresStore, SQLiteStore, Store, redact
from .migrations import LATEST, migrate

__all__ = ["DEFAULT_STORE", "Store", "open_store"]

DEFAULT_STORE = "newsgraph.db"


def open_store(target: Optional[str] = None, read_only: bool = False) -> Store:
    """The store at ``target`` (a file path or ``postgresql://`` URL), schema brought up to date.

    ``read_only``: a connection the database refuses writes on, for a server that only reads.
    It cannot migrate: the store must exist with the current schema (E408 otherwise)."""
    target = os.fspath(target) if target is not None else DEFAULT_STORE
    if target.startswith(("postgresql://", "postgres://")):
        store: Store = PostgresStore(target, read_only=read_only)
    elif "://" in target and not target.startswith("sqlite:///"):
        raise StoreError(Errors.E405, target=redact(target))
    else:
        store = SQLiteStore(target.removeprefix("sqlite:///") if target.startswith("sqlite:///") else target, read_only=read_only)
    try:
        if read_only:
            _check_schema(store)
        else:
            migrate(store)
    except BaseException:
        store.close()
        raise
    return store


def _check_schema(store: Store) -> None:
    """Raise unless ``store`` holds the schema this newsgraph writes (E406 newer, E408 older)."""
    try:
        found = store.scalar("SELECT MAX(version) FROM schema_version") or 0
    except Exception as exc:  # no such table: not a store, or an empty file
        raise StoreError(Errors.E408, target=store.target, detail=f"no newsgraph schema to read ({exc})") from exc
    if found > LATEST:
        raise StoreError(Errors.E406, target=store.target, found=found, latest=LATEST)
    if found < LATEST:
        detail = f"its schema is version {found}, this newsgraph reads {LATEST}: open it once for writing to upgrade it"
        raise StoreError(Errors.E408, target=store.target, detail=detail)
