"""The stored events a new mention may join, read by its match key (``coref`` decides which
one it joins, ``writer`` reads them here). Every read answers the same columns, in no
particular order: ``coref.best_match`` ranks by gap and id.

A dated mention meets the events whose dates overlap its window, its dates widened by
``DATE_TOLERANCE_DAYS``. One-day events, most of them, are read by their day on
``events_match``; those that span days on their own index (``events_spans``, migration 8).
The single condition "date <= high AND date_end >= low" bounds only where an event begins,
so it walked every earlier event of the key, and the commonest keys (a type with no side
known) hold thousands.
"""

from __future__ import annotations

import datetime as _dt
from typing import Optional

from .connection import Store
from .coref import DATE_TOLERANCE_DAYS, undated

__all__ = ["CANDIDATE_COLUMNS", "overlapping_events", "retold_events", "shift", "undated_events"]

# A stored event as matching reads it (coref.Candidate), by match key.
CANDIDATE_COLUMNS = "SELECT id, date, date_end, location, country, lemma, dated, actual, occasion, factuality FROM events WHERE match_key = ?"


def undated_events(store: Store, key: str) -> list[tuple]:
    """The key's events without a date (a mention without one meets only these)."""
    return list(store.rows(f"{CANDIDATE_COLUMNS} AND date IS NULL", (key,))[1])


def overlapping_events(store: Store, key: str, dates: tuple[str, str]) -> list[tuple]:
    """The key's events whose dates overlap ``dates`` (start, end) widened by the tolerance."""
    low, high = shift(dates[0], -DATE_TOLERANCE_DAYS), shift(dates[1], DATE_TOLERANCE_DAYS)
    _, rows = store.rows(
        f"{CANDIDATE_COLUMNS} AND date = date_end AND date >= ? AND date <= ? "
        f"UNION ALL {CANDIDATE_COLUMNS} AND date <> date_end AND date <= ? AND date_end >= ?",
        (key, low, high, key, high, low),
    )
    return list(rows)


def retold_events(store: Store, key: str, lemma: str, dates: tuple[str, str], dated: bool, reach: Optional[int]) -> list[tuple]:
    """Events a report can retell or be retold by (coref.retold), beyond the date window: for a
    mention without a date of its own, events with one that began by its publication day; for
    a dated one, events without a date of their own published from its start on. ``reach``
    (days), where given, bounds how long after the act the retelling was published."""
    columns = f"{CANDIDATE_COLUMNS} AND lemma = ? "
    if undated(dates, dated):
        earliest = shift(dates[0], -reach) if reach is not None else "0000-00-00"
        _, rows = store.rows(
            columns + "AND (dated = 1 OR date <> date_end) AND date <= ? AND COALESCE(date_end, date) >= ?",
            (key, lemma, shift(dates[0], DATE_TOLERANCE_DAYS), earliest),
        )
    else:
        latest = shift(dates[1] or dates[0], reach) if reach is not None else "9999-12-31"
        _, rows = store.rows(
            columns + "AND dated = 0 AND date = date_end AND date >= ? AND date <= ?",
            (key, lemma, shift(dates[0], -DATE_TOLERANCE_DAYS), latest),
        )
    return list(rows)


def shift(day: str, days: int) -> str:
    """The ISO day ``days`` after ``day`` (before, when negative)."""
    return (_dt.date.fromisoformat(day) + _dt.timedelta(days=days)).isoformat()
