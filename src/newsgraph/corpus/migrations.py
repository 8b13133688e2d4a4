"""The store's schema as numbered migrations, applied in order and recorded in ``schema_version``.

Statements are written in the SQL that SQLite and PostgreSQL share (TEXT, INTEGER, DOUBLE
PRECISION, ``ON CONFLICT``), so one list serves both backends. A step that SQL cannot
express (filling new bookkeeping from existing rows) is a function of the store, run in
the same transaction. Never edit a released migration: add the next number.
"""

from __future__ import annotations

import logging
from typing import Callable, Union

from ..errors import Errors, StoreError
from .connection import Store
from .copies import backfill_copies
from .event_counts import recount_all
from .quotes import backfill_quotes
from .rekey import rekey_actors

__all__ = ["LATEST", "MIGRATIONS", "migrate"]

log = logging.getLogger(__name__)

_MIGRATION_LOCK = "newsgraph-migrations"

Step = Union[str, Callable[[Store], object]]

def backfill_anchors(store: Store) -> None:
    """Events stored before version 4 take their first mention's trigger word, lower-cased, as
    the lemma (the parse that gave a true lemma is gone); whether it gave the event's date is
    not recorded, so ``dated`` stays 0 and they join later reports by trigger or place only;
    ``actual`` comes from that mention's mode."""
    store.execute("UPDATE mentions SET lemma = LOWER(trigger_text) WHERE lemma IS NULL")
    store.execute(
        "UPDATE events SET lemma = (SELECT m.lemma FROM mentions m WHERE m.event_id = events.id "
        "ORDER BY m.article_id, m.mention LIMIT 1) WHERE lemma IS NULL"
    )
    store.execute(
        "UPDATE events SET actual = COALESCE((SELECT CASE WHEN m.mode = 'actual' THEN 1 ELSE 0 END FROM mentions m "
        "WHERE m.event_id = events.id ORDER BY m.article_id, m.mention LIMIT 1), 1)"
    )


MIGRATIONS: list[tuple[int, tuple[Step, ...]]] = [
    (
        1,
        (
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY, title TEXT, url TEXT, outlet TEXT, published TEXT,
                text TEXT NOT NULL, added TEXT NOT NULL, item TEXT)""",
            "CREATE INDEX articles_outlet ON articles (outlet)",
            "CREATE INDEX articles_published ON articles (published)",
            "CREATE TABLE reports (article_id TEXT PRIMARY KEY REFERENCES articles (id), report TEXT NOT NULL)",
            """CREATE TABLE actors (
                actor_key TEXT PRIMARY KEY, name TEXT NOT NULL, code TEXT, kind TEXT,
                events INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0)""",
            "CREATE INDEX actors_name ON actors (name)",
            "CREATE INDEX actors_events ON actors (events)",
            """CREATE TABLE article_actors (
                article_id TEXT NOT NULL REFERENCES articles (id), actor_key TEXT NOT NULL,
                PRIMARY KEY (article_id, actor_key))""",
            "CREATE INDEX article_actors_actor ON article_actors (actor_key)",
            """CREATE TABLE events (
                id TEXT PRIMARY KEY, match_key TEXT NOT NULL, date TEXT, date_end TEXT,
                source_actor TEXT, source_key TEXT, source_code TEXT,
                target_actor TEXT, target_key TEXT, target_code TEXT,
                cameo TEXT, plover_type TEXT, goldstein DOUBLE PRECISION,
                location TEXT, country TEXT,
                mentions INTEGER NOT NULL DEFAULT 0, origins INTEGER NOT NULL DEFAULT 0,
                contradicted INTEGER NOT NULL DEFAULT 0, factuality TEXT,
                first_seen TEXT, last_seen TEXT)""",
            "CREATE INDEX events_match ON events (match_key, date)",
            "CREATE INDEX events_date ON events (date)",
            "CREATE INDEX events_source ON events (source_key, date)",
            "CREATE INDEX events_target ON events (target_key, date)",
            "CREATE INDEX events_type ON events (plover_type, date)",
            "CREATE INDEX events_origins ON events (origins)",
            """CREATE TABLE mentions (
                article_id TEXT NOT NULL REFERENCES articles (id), mention TEXT NOT NULL,
                event_id TEXT NOT NULL REFERENCES events (id),
                outlet TEXT, published TEXT, sentence TEXT, trigger_start INTEGER, trigger_end INTEGER,
                trigger_text TEXT, chain TEXT NOT NULL, chain_kinds TEXT NOT NULL,
                polarity TEXT, certainty TEXT, mode TEXT, disputed INTEGER, factuality TEXT,
                confidence DOUBLE PRECISION, date TEXT, date_end TEXT, location TEXT, country TEXT,
                PRIMARY KEY (article_id, mention))""",
            "CREATE INDEX mentions_event ON mentions (event_id)",
            """CREATE TABLE claims (
                article_id TEXT NOT NULL REFERENCES articles (id), claim TEXT NOT NULL,
                text TEXT, source TEXT, source_key TEXT, chain TEXT NOT NULL, outlet TEXT, published TEXT,
                polarity TEXT, certainty TEXT, disputed INTEGER, events INTEGER,
                PRIMARY KEY (article_id, claim))""",
            "CREATE INDEX claims_source ON claims (source_key)",
            "CREATE INDEX claims_published ON claims (published)",
            """CREATE TABLE sources (
                article_id TEXT NOT NULL REFERENCES articles (id), attribution TEXT NOT NULL,
                name TEXT NOT NULL, kind TEXT, outlet TEXT, cue TEXT, chain TEXT NOT NULL,
                PRIMARY KEY (article_id, attribution))""",
            "CREATE INDEX sources_name ON sources (name)",
            """CREATE TABLE errors (
                item TEXT PRIMARY KEY, article_id TEXT, code TEXT, reason TEXT NOT NULL, added TEXT NOT NULL)""",
        ),
    ),
    (
        # Event counters kept incrementally (corpus.event_counts): the factuality labels seen
        # and each event's origin graph, so that a new mention never rereads the old ones.
        2,
        (
            "ALTER TABLE events ADD COLUMN labels INTEGER NOT NULL DEFAULT 0",
            """CREATE TABLE event_origins (
                event_id TEXT NOT NULL REFERENCES events (id), node TEXT NOT NULL, origin INTEGER NOT NULL,
                PRIMARY KEY (event_id, node))""",
            "CREATE INDEX event_origins_origin ON event_origins (event_id, origin)",
            # The counters were filled here by a recount until migration 4 changed how they are
            # counted; that recount now runs once, as migration 4's last step, which every
            # upgrade reaches (a recount reads the latest schema).
        ),
    ),
    (
        # Where an event happened as a GeoNames record, and the casualty counts its sentence
        # states (PLOVER's size object). Rows stored before stay NULL: unknown, not zero.
        3,
        tuple(
            f"ALTER TABLE {table} ADD COLUMN {column} {kind}"
            for table in ("events", "mentions")
            for column, kind in (
                ("geonameid", "INTEGER"), ("latitude", "DOUBLE PRECISION"), ("longitude", "DOUBLE PRECISION"),
                ("killed", "INTEGER"), ("injured", "INTEGER"), ("arrested", "INTEGER"),
            )
        ),  # fmt: skip
    ),
    (
        # Cross-article matching by evidence (corpus.coref): each event's anchor (its first
        # mention's trigger lemma, whether that gave the event's own date, whether it reports
        # an actual act), each mention's
        # lemma and the evidence that joined it; republished copies (corpus.copies).
        4,
        (
            "ALTER TABLE events ADD COLUMN lemma TEXT",
            "ALTER TABLE events ADD COLUMN dated INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE events ADD COLUMN actual INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE mentions ADD COLUMN lemma TEXT",
            "ALTER TABLE mentions ADD COLUMN evidence TEXT",
            "ALTER TABLE articles ADD COLUMN copy_of TEXT",
            """CREATE TABLE article_sentences (
                hash TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles (id),
                PRIMARY KEY (hash, article_id))""",
            "CREATE INDEX article_sentences_article ON article_sentences (article_id)",
            backfill_anchors,
            backfill_copies,
            recount_all,
        ),
    ),
    (
        # Actors keyed by their entity (who they are: ``identity``), not their role code; the
        # keys are recomputed from the stored name, code and kind (``rekey`` says what cannot be).
        5,
        (rekey_actors,),
    ),
    (
        # Quotes (docs/acts.md): each attribution's act, how it was reported, its words and who
        # the speaker is. Rows stored before stay act NULL (the act is read from the parse,
        # which is gone: re-ingest to type them); their words, type and speaker key come
        # from the stored report.
        6,
        (
            "ALTER TABLE sources ADD COLUMN act TEXT",
            "ALTER TABLE sources ADD COLUMN type TEXT",
            "ALTER TABLE sources ADD COLUMN text TEXT",
            "ALTER TABLE sources ADD COLUMN speaker_key TEXT",
            "ALTER TABLE sources ADD COLUMN quote INTEGER NOT NULL DEFAULT 0",
            "CREATE INDEX sources_act ON sources (act)",
            "CREATE INDEX sources_quote ON sources (quote, speaker_key)",
            backfill_quotes,
        ),
    ),
    (
        # Whether an event's first mention tells of one occasion (corpus.coref: a habit, a kind
        # or a run of acts joins nothing). Events stored before read as one occasion, as they
        # were matched.
        7,
        ("ALTER TABLE events ADD COLUMN occasion INTEGER NOT NULL DEFAULT 1",),
    ),
    (
        # The events that span days, for matching a dated mention to the events its window
        # overlaps (corpus.candidates): one-day events, most of them, are found by their day
        # on ``events_match``, which bounds only where an event begins, so it walked every
        # earlier event of the key for the rest.
        8,
        ("CREATE INDEX events_spans ON events (match_key, date, date_end) WHERE date <> date_end",),
    ),
]

LATEST = MIGRATIONS[-1][0]


def migrate(store: Store) -> int:
    """Apply the migrations ``store`` lacks; returns the schema version."""
    with store.transaction():
        store.lock(_MIGRATION_LOCK)
        store.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)")
        found = store.scalar("SELECT MAX(version) FROM schema_version") or 0
        if found > LATEST:
            raise StoreError(Errors.E406, target=store.target, found=found, latest=LATEST)
        for version, statements in MIGRATIONS:
            if version <= found:
                continue
            for step in statements:
                if callable(step):
                    step(store)
                else:
                    store.execute(step)
            store.execute("INSERT INTO schema_version (version, applied) VALUES (?, CURRENT_TIMESTAMP)", (version,))
            log.info("%s: applied schema migration %d", store.target, version)
    return max(found, LATEST)
