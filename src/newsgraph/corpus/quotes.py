"""Quotes in the store: the ``sources`` rows whose act is speech, with their words and speaker.

Each attribution is one ``sources`` row (``writer``); its ``act``, ``type``, ``text`` (the
quoted or reported words) and ``speaker_key`` (the speaker's entity key, or ``name:...``
for a speaker no actor stands for) make it a quote a tracker can count by speaker.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from ..identity import normalise_name
from ..model import Attribution, Report
from .connection import Store

__all__ = ["backfill_quotes", "quote_columns", "speaker_key"]


def speaker_key(entity: Optional[str], name: str) -> str:
    """Who a speaker is across articles: the actor's entity key, else ``name:`` and the name."""
    return entity or f"name:{normalise_name(name)}"


def quote_columns(report: Report, attribution: Attribution, speaker_entity: Optional[str]) -> dict[str, Any]:
    """The quote columns of one attribution's ``sources`` row."""
    return {
        "act": attribution.act,
        "quote": int(attribution.is_quote),
        "type": attribution.type,
        "text": report.content_text(attribution),
        "speaker_key": speaker_key(speaker_entity, attribution.chain[0]),
    }


def backfill_quotes(store: Store) -> None:
    """Words, type and speaker key of the rows stored before version 6, from the stored
    reports (the act stays NULL and ``quote`` 0: they need the parse)."""
    from .writer import entity_of  # the writer imports this module

    _, rows = store.rows("SELECT article_id, report FROM reports", [])
    for article_id, raw in rows:
        report = Report.from_dict(json.loads(raw))
        for attribution in report.attributions:
            actor = report.actor(attribution.source.actor) if attribution.source.actor else None
            columns = quote_columns(report, attribution, entity_of(actor) if actor else None)
            store.execute(
                "UPDATE sources SET type = ?, text = ?, speaker_key = ? WHERE article_id = ? AND attribution = ?",
                (columns["type"], columns["text"], columns["speaker_key"], article_id, attribution.id),
            )
