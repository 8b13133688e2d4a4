"""The shape of the corpus tables that queries return and exports write."""

from __future__ import annotations

__all__ = ["CASUALTY_COLUMNS", "EVENT_COLUMNS"]

# The counts of events and mentions (PLOVER's size object: dead, injured, arrested).
CASUALTY_COLUMNS = ("killed", "injured", "arrested")

# The events table as ``Corpus.events`` returns it and the csv / parquet exports write it.
EVENT_COLUMNS = [
    "event_id", "date", "source_actor", "target_actor", "cameo", "plover_type", "goldstein", "location",
    "mentions", "origins", "contradicted", "first_seen", "last_seen", "source_code", "target_code",
    "source_key", "target_key", "country", "factuality", "date_end", "geonameid", "latitude", "longitude",
    "killed", "injured", "arrested",
]  # fmt: skip
