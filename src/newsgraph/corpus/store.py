"""Opening the corpus store: a file path (SQLite) or a ``postgresql://`` URL, its schema
brought up to date by ``migrations``. The connection itself is ``connection.Store``."""

from __future__ import annotations

import os
from typing import Optional

from ..errors import Errors, StoreError
from .connection import PostgresStore, SQLiteStore, Store, redact
from .migrations import migrate

__all__ = ["DEFAULT_STORE", "Store", "open_store"]

DEFAULT_STORE = "newsgraph.db"


def open_store(target: Optional[str] = None) -> Store:
    """The store at ``target`` (a file path or ``postgresql://`` URL), schema brought up to date."""
    target = os.fspath(target) if target is not None else DEFAULT_STORE
    if target.startswith(("postgresql://", "postgres://")):
        store: Store = PostgresStore(target)
    elif "://" in target and not target.startswith("sqlite:///"):
        raise StoreError(Errors.E405, target=redact(target))
    else:
        store = SQLiteStore(target.removeprefix("sqlite:///") if target.startswith("sqlite:///") else target)
    try:
        migrate(store)
    except BaseException:
        store.close()
        raise
    return store
