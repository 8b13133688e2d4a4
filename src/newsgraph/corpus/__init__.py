"""Corpus mode: many articles in one store, events deduplicated across them, sources counted.

``Corpus(path_or_url)`` is the entry point (see ``query``); ``ingest`` fills the store,
``coref`` decides which mentions are one event, ``origins`` how many independent sources
stand behind it, ``store`` holds it (SQLite or PostgreSQL).
"""

from __future__ import annotations

from .batch import IngestOptions, IngestStats
from .query import Corpus

__all__ = ["Corpus", "IngestOptions", "IngestStats"]
