"""Answers of expensive corpus queries (the actor graph, contradictions, sources), kept while
the store is unchanged.

Entries are keyed by the query and its arguments and dropped together as soon as
``corpus.version()`` changes (an ingest by this server or any other process); at most ``size``
are kept, the least recently used going first. One key is computed by one thread at a time:
fifteen requests arriving together at a cold cache had each built the contradictions (2 s) at
once, holding the store connection for half a minute.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable, TypeVar

__all__ = ["StoreCache"]

T = TypeVar("T")


class StoreCache:
    def __init__(self, corpus: Any, size: int = 64) -> None:
        self.corpus = corpus
        self.size = size
        self._lock = threading.Lock()
        self._version: object = None
        self._entries: "OrderedDict[Hashable, Any]" = OrderedDict()
        self._computing: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for ``key``: kept from an earlier call on the same store version, or ``compute()``."""
        found, value = self._kept(key)
        if found:
            return value
        with self._lock:
            computing = self._computing.setdefault(key, threading.Lock())
        try:
            with computing:  # a second caller waits for the first one's answer instead of computing it again
                found, value = self._kept(key)
                return value if found else self._compute(key, compute)
        finally:
            with self._lock:  # the waiters hold the lock itself: the table keeps only keys in computation
                if self._computing.get(key) is computing:
                    del self._computing[key]

    def _kept(self, key: Hashable) -> tuple[bool, Any]:
        version = self.corpus.version()
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            if key in self._entries:
                self._entries.move_to_end(key)
                return True, self._entries[key]
        return False, None

    def _compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = self.corpus.version()
        value = compute()
        with self._lock:
            if version == self._version:  # the store did not change while computing
                self._entries[key] = value
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
        return value
