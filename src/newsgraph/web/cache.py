"""Answers of expensive corpus queries (the actor graph, contradictions, sources), kept while
the store is unchanged.

Entries are keyed by the query and its arguments and dropped together as soon as
``corpus.version()`` changes (an ingest by this server or any other process); at most ``size``
are kept, the least recently used going first.
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

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for ``key``: kept from an earlier call on the same store version, or ``compute()``."""
        version = self.corpus.version()
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        value = compute()
        with self._lock:
            if version == self._version:  # the store did not change while computing
                self._entries[key] = value
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
        return value
