"""``Corpus``: the store behind one object, every query answered as a pandas DataFrame.

Filters become ``WHERE`` clauses with bound parameters; an actor filter accepts a name, a
CAMEO code or an actor key ("Hamas", "PSEREBHMS", "code:PSEREBHMS"), case-insensitively.

The lists a web server pages through (articles, events, timeline, mentions, claims, quotes,
actors) also answer ``records=True``: the same rows as a list of dicts (``Records``), without
building a DataFrame. A frame and its round trip to JSON cost a page of events about 2 ms, more
than its SQL (docs/benchmarks.md#web-viewer).
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Optional, Union

from ..identity import normalise_name
from ..model import Article, Report
from . import like
from .batch import IngestOptions, IngestStats, Progress, ingest
from .event_counts import contradiction_pairs, stances
from .export import actor_graph
from .store import DEFAULT_STORE, Store, open_store
from .tables import CASUALTY_COLUMNS, EVENT_COLUMNS

__all__ = ["Corpus", "EVENT_COLUMNS", "Records"]

_EVENT_SELECT = (
    "SELECT id AS event_id, date, source_actor, target_actor, cameo, plover_type, goldstein, location, mentions, "
    "origins, contradicted, first_seen, last_seen, source_code, target_code, source_key, target_key, country, "
    "factuality, date_end, geonameid, latitude, longitude, killed, injured, arrested FROM events"
)


_CONTRADICTION_COLUMNS = (
    "event_id", "date", "date_end", "source_actor", "target_actor", "plover_type",
    "asserted_article", "asserted_outlet", "asserted_sentence", "asserted_chain", "asserted_trigger_start", "asserted_trigger",
    "contested_article", "contested_outlet", "contested_sentence", "contested_chain", "contested_as",
    "contested_trigger_start", "contested_trigger",
)  # fmt: skip

# Counts of list queries kept at once (_count): a few per list and filter a reader uses.
_KEPT_COUNTS = 512
# Event ids looked up per query: well under SQLite's bound-parameter limit.
_ID_BATCH = 500

_NULLABLE_INTEGERS = ("geonameid", *CASUALTY_COLUMNS)


class Records(list):
    """Rows as dicts, what ``records=True`` answers: the frame's columns and values (a missing
    value is None), and ``attrs["total"]`` as a frame's when asked ``with_total``."""

    def __init__(self, rows: Iterable[dict] = ()) -> None:
        super().__init__(rows)
        self.attrs: dict[str, Any] = {}


class Corpus:
    """A store of analysed articles: ``Corpus("newsgraph.db")`` or ``Corpus("postgresql://...")``."""

    def __init__(self, target: Union[str, "os.PathLike[str]", None] = None, read_only: bool = False) -> None:
        """``read_only``: the database refuses writes on this connection (a viewer's); the store
        must exist with the current schema."""
        self.store: Store = open_store(os.fspath(target) if target is not None else DEFAULT_STORE, read_only=read_only)
        self._counts: dict[tuple, tuple[object, int]] = {}  # _count's answers, with the store version

    def __enter__(self) -> "Corpus":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- writing ----------------------------------------------------------------------
    def ingest(
        self,
        inputs: Iterable[Union[str, "os.PathLike[str]", Article]],
        progress: Optional[Progress] = None,
        **options: Any,
    ) -> IngestStats:
        """Analyse and store articles (paths, folders, JSONL/feeds/sitemaps, or ``Article``s).

        ``options`` are the fields of ``IngestOptions``: ``workers``, ``model``,
        ``check_language``, ``max_chars`` and ``article_timeout`` (guards against a
        pathological article), ``engine="dask"`` with ``scheduler`` (a cluster; a local one
        of ``workers`` processes without it), and ``event_threshold`` (the event judge's
        confidence an event needs to be stored), and ``encoding`` (of inputs that are not UTF-8).
        """
        if isinstance(inputs, (str, os.PathLike, Article)):
            inputs = [inputs]
        return ingest(self.store, inputs, IngestOptions(**options), progress)

    def store_report(self, report: Report, label: str = "<report>") -> IngestStats:
        """Store a report already made (by ``analyze``, or a web analysis worker) as ingest
        stores its article; an article already stored is skipped. ``label`` names where it came
        from in the store's records."""
        from .writer import article_id, write_report

        stats = IngestStats(seen=1)
        stats.add_written(write_report(self.store, label, article_id(report.article.text), report))
        stats.tick()
        return stats

    def load_parquet(self, directory: Union[str, "os.PathLike[str]"], progress: Optional[Progress] = None) -> IngestStats:
        """Store the Parquet partitions written by ``newsgraph ingest --output-parquet``."""
        from .parquet import load_parquet

        return load_parquet(self.store, directory, progress=progress)

    # -- articles ---------------------------------------------------------------------
    def article(self, article_id: str) -> Optional[dict]:
        columns, rows = self.store.rows(
            "SELECT id, title, url, outlet, published, text, added FROM articles WHERE id = ?", (article_id,)
        )
        return dict(zip(columns, rows[0])) if rows else None

    def report(self, article_id: str) -> Optional[Report]:
        data = self.store.scalar("SELECT report FROM reports WHERE article_id = ?", (article_id,))
        return Report.from_dict(json.loads(data)) if data else None

    def articles(
        self, search: Optional[str] = None, actor: Optional[str] = None, outlet: Optional[str] = None,
        limit: Optional[int] = 100, offset: int = 0, with_total: bool = False, records: bool = False,
    ):
        where, params = [], []
        if search:
            where.append(f"(LOWER(title) LIKE ? {like.ESCAPE} OR LOWER(text) LIKE ? {like.ESCAPE})")
            params += [like.containing(search.lower())] * 2
        if outlet:
            where.append("LOWER(outlet) = ?")
            params.append(outlet.lower())
        if actor:
            keys = self._actor_keys(actor)
            where.append(f"id IN (SELECT article_id FROM article_actors WHERE actor_key IN ({_marks(keys)}))")
            params += keys
        sql = "SELECT id, title, url, outlet, published, added, LENGTH(text) AS chars FROM articles"
        return self._frame(sql, where, params, "published DESC, id", limit, offset, with_total, records)

    # -- events -----------------------------------------------------------------------
    def events(
        self,
        actor: Optional[str] = None,
        type: Optional[str] = None,  # noqa: A002 - the contract's name
        since: Optional[str] = None,
        until: Optional[str] = None,
        min_origins: Optional[int] = None,
        factuality: Optional[str] = None,
        limit: Optional[int] = None,
        offset: int = 0,
        with_total: bool = False,
        records: bool = False,
    ):
        """One row per deduplicated event, newest first. ``with_total``: ``frame.attrs["total"]``
        is the number of matching events, whatever the ``limit`` and ``offset`` (one more query)."""
        where, params = self._event_filters(actor, type, since, until, min_origins, factuality)
        return self._event_frame(where, params, "date DESC, id", limit, offset, with_total, records)

    def _event_frame(self, where: list[str], params: list, order: str, limit: Optional[int], offset: int, with_total: bool, records: bool = False):
        frame = self._frame(_EVENT_SELECT, where, params, order, limit, offset, with_total, records)
        _convert(frame, "contradicted", bool)
        return _nullable_integers(frame)

    def _event_filters(self, actor, type, since, until, min_origins, factuality) -> tuple[list[str], list]:
        where: list[str] = []
        params: list[Any] = []
        if actor:
            keys = self._actor_keys(actor)
            where.append(f"(source_key IN ({_marks(keys)}) OR target_key IN ({_marks(keys)}))")
            params += keys + keys
        if type:
            where.append("(plover_type = ? OR cameo = ? OR SUBSTR(cameo, 1, 2) = ?)")
            params += [type.upper(), type, type]
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append("date <= ?")
            params.append(until)
        if min_origins:
            where.append("origins >= ?")
            params.append(int(min_origins))
        if factuality:
            where.append("factuality = ?")
            params.append(factuality)
        return where, params

    def event(self, event_id: str) -> Optional[dict]:
        """One event's row (as ``events`` gives it), or None."""
        frame = self._frame(_EVENT_SELECT, ["id = ?"], [event_id], "id", 1, 0)
        if frame.empty:
            return None
        frame["contradicted"] = frame["contradicted"].astype(bool)
        return _nullable_integers(frame).iloc[0].to_dict()

    def mentions(self, event_id: str, limit: Optional[int] = None, offset: int = 0, with_total: bool = False, records: bool = False):
        """Every report of one event: where, by whom (the chain, outermost last), how certain,
        and the evidence that joined it to the event (``evidence``: days apart, how the places
        agree, which anchor held; see ``corpus.coref``). ``limit``, ``offset`` and ``with_total``
        as for ``events``."""
        sql = (
            "SELECT article_id, outlet, published, sentence, trigger_start, trigger_end, trigger_text, chain, "
            "factuality, polarity, certainty, mode, disputed, confidence, date, location, country, geonameid, "
            "latitude, longitude, killed, injured, arrested, evidence FROM mentions"
        )
        frame = self._frame(sql, ["event_id = ?"], [event_id], "published, article_id, mention", limit, offset, with_total, records)
        _convert(frame, "chain", json.loads)
        # Why the mention joined the event (coref.Evidence); None for the report that began it.
        _convert(frame, "evidence", lambda e: json.loads(e) if isinstance(e, str) else None)
        _convert(frame, "disputed", bool)
        return _nullable_integers(frame)

    def first_reports(self, event_ids: list[str]) -> dict[str, dict]:
        """The first report of each event (earliest published, then article order): its
        ``trigger_text``, ``sentence``, ``article_id`` and ``trigger_start``, by event id. The
        events table keeps counts, not words: a table of events shows these beside them."""
        found: dict[str, dict] = {}
        for start in range(0, len(event_ids), _ID_BATCH):
            batch = list(event_ids[start : start + _ID_BATCH])
            columns, rows = self.store.rows(
                f"SELECT event_id, trigger_text, sentence, article_id, trigger_start FROM mentions WHERE event_id IN ({_marks(batch)}) "
                "ORDER BY published, article_id, mention",
                batch,
            )
            for row in rows:
                found.setdefault(row[0], dict(zip(columns, row)))
        return found

    def article_events(self, article_id: str) -> dict[str, list[str]]:
        """The corpus events an article's report events were stored as: by the report's event
        id, the ids of the events its mentions joined (one per actor pair: ``mention_rows``)."""
        _, rows = self.store.rows("SELECT mention, event_id FROM mentions WHERE article_id = ? ORDER BY mention", (article_id,))
        found: dict[str, list[str]] = {}
        for mention, event_id in rows:
            ids = found.setdefault(str(mention).rsplit(":", 1)[0], [])
            if event_id not in ids:
                ids.append(event_id)
        return found

    def timeline(
        self, actor: str, limit: Optional[int] = None, offset: int = 0, with_total: bool = False, factuality: Optional[str] = None,
        records: bool = False,
    ):
        """The actor's events in date order (undated ones last); ``factuality``: only those
        with that standing (as ``events``)."""
        where, params = self._event_filters(actor, None, None, None, None, factuality)
        return self._event_frame(where, params, "date IS NULL, date, id", limit, offset, with_total, records)

    def contradictions(self, limit: Optional[int] = None, event_id: Optional[str] = None):
        """Asserted mentions against negated or disputed mentions of the same event, side by
        side: each pair from two sentences that rest on no common source
        (``event_counts.contradicting``). ``event_id``: that event's pairs only."""
        where, params = "contradicted = 1", []
        if event_id is not None:
            where, params = "contradicted = 1 AND id = ?", [event_id]
        _, events = self.store.rows(
            f"SELECT id, date, date_end, source_actor, target_actor, plover_type FROM events WHERE {where} ORDER BY date DESC, id", params
        )
        records: list[tuple] = []
        for event_id, date, date_end, source, target, plover in events:
            shown: set[tuple] = set()
            for a, c in contradiction_pairs(stances(self.store, event_id)):
                if (a.article, a.sentence, c.article, c.sentence) in shown:
                    continue  # two triggers of one sentence against the same denial: one row
                shown.add((a.article, a.sentence, c.article, c.sentence))
                records.append(
                    (event_id, date, date_end, source, target, plover, a.article, a.outlet, a.sentence, list(a.chain), a.trigger_start,
                     a.trigger, c.article, c.outlet, c.sentence, list(c.chain), c.factuality, c.trigger_start, c.trigger)
                )
            if limit is not None and len(records) >= limit:
                break
        frame = _pandas().DataFrame(records, columns=_CONTRADICTION_COLUMNS)
        return frame.head(int(limit)) if limit is not None else frame

    # -- claims, actors, sources ------------------------------------------------------
    def claims(
        self, actor: Optional[str] = None, since: Optional[str] = None, limit: Optional[int] = None, offset: int = 0, with_total: bool = False,
        records: bool = False,
    ):
        where, params = [], []
        if actor:
            keys = self._actor_keys(actor)
            where.append(f"source_key IN ({_marks(keys)})")
            params += keys
        if since:
            where.append("published >= ?")
            params.append(since)
        sql = (
            "SELECT article_id, claim AS claim_id, source, text, chain, outlet, published, polarity, certainty, "
            "disputed, events FROM claims"
        )
        frame = self._frame(sql, where, params, "published DESC, article_id, claim", limit, offset, with_total, records)
        _convert(frame, "chain", json.loads)
        _convert(frame, "disputed", bool)
        return frame

    def quotes(
        self, actor: Optional[str] = None, since: Optional[str] = None, outlet: Optional[str] = None,
        limit: Optional[int] = None, offset: int = 0, with_total: bool = False, records: bool = False,
    ):  # fmt: skip
        """Who said what (``docs/acts.md``): the attributions that are quotes (a statement the
        source said or wrote), newest first, with the speaker's entity key. Rows stored before
        acts were typed (store version 6) are not quotes until re-ingested."""
        where, params = ["s.quote = 1"], []
        if actor:
            keys = self._actor_keys(actor)
            where.append(f"(s.speaker_key IN ({_marks(keys)}) OR LOWER(s.name) = ?)")
            params += [*keys, actor.lower()]
        if since:
            where.append("a.published >= ?")
            params.append(since)
        if outlet:
            where.append("LOWER(s.outlet) = ?")
            params.append(outlet.lower())
        sql = (
            "SELECT a.published, s.outlet, s.name AS speaker, s.speaker_key, s.kind AS speaker_kind, s.cue, s.type, "
            "s.text, s.chain, s.article_id, s.attribution AS quote_id FROM sources s JOIN articles a ON a.id = s.article_id"
        )
        frame = self._frame(sql, where, params, "a.published DESC, s.article_id, s.attribution", limit, offset, with_total, records)
        _convert(frame, "chain", json.loads)
        return frame

    def actor(self, actor: str) -> Optional[dict]:
        """The actors row an actor filter names (a key, name or code, as ``events`` takes
        it): the one with the most events, or None."""
        keys = self._actor_keys(actor)
        frame = self._frame("SELECT a.actor_key, a.name, a.code, a.kind, a.events, a.articles FROM actors a",
                            [f"a.actor_key IN ({_marks(keys)})"], keys, "a.events DESC, a.actor_key", 1, 0)
        return None if frame.empty else frame.iloc[0].to_dict()

    def actors(
        self, search: Optional[str] = None, limit: Optional[int] = None, offset: int = 0, with_total: bool = False, records: bool = False
    ):
        where, params = [], []
        if search:
            where.append(f"(LOWER(a.name) LIKE ? {like.ESCAPE} OR LOWER(a.code) LIKE ? {like.ESCAPE})")
            params += [like.containing(search.lower())] * 2
        sql = "SELECT a.actor_key, a.name, a.code, a.kind, a.events, a.articles FROM actors a"
        return self._frame(sql, where, params, "a.events DESC, a.articles DESC, a.actor_key", limit, offset, with_total, records)

    def sources(self, outlet: Optional[str] = None, limit: Optional[int] = None, offset: int = 0, with_total: bool = False):
        where, params = [], []
        if outlet:
            where.append("LOWER(outlet) = ?")
            params.append(outlet.lower())
        sql = "SELECT name AS source, kind, outlet, COUNT(*) AS claims, COUNT(DISTINCT article_id) AS articles FROM sources"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " GROUP BY name, kind, outlet"
        return self._frame(sql, [], params, "claims DESC, source, outlet", limit, offset, with_total)

    def errors(self, limit: Optional[int] = None):
        """Inputs that could not be stored, with the coded reason."""
        return self._frame("SELECT item, article_id, code, reason, added FROM errors", [], [], "added, item", limit, 0)

    def graph(self, by_factuality: bool = False, **filters):
        """The actor graph of the events matching ``filters`` (as ``events``); ``by_factuality``
        splits each edge by the events' factuality: see ``corpus.export.actor_graph``."""
        return actor_graph(self, by_factuality=by_factuality, **filters)

    def version(self) -> object:
        """A value that changes whenever the store's content does (by this process or another):
        what a cache of query answers is keyed by."""
        return self.store.version()

    def counts(self) -> dict[str, int]:
        """How many articles, events, mentions, claims and errors the store holds."""
        tables = ("articles", "events", "mentions", "claims", "errors")
        return {t: int(self.store.scalar(f"SELECT COUNT(*) FROM {t}")) for t in tables}

    # -- helpers ----------------------------------------------------------------------
    def _actor_keys(self, actor: str) -> list[str]:
        """The actor keys an actor filter means: by key, name, alias-free canonical name or code."""
        _, rows = self.store.rows(
            "SELECT actor_key FROM actors WHERE actor_key = ? OR LOWER(name) = ? OR code = ?",
            (actor, actor.lower(), actor.upper()),
        )
        keys = {r[0] for r in rows} | {f"name:{normalise_name(actor)}", f"code:{actor.upper()}", actor}
        return sorted(keys)

    def _count(self, sql: str, params: list) -> int:
        """How many rows ``sql`` gives. On SQLite a count is kept until the store changes: paging
        through a list asks the same count for every page, and counting half the events (a type
        and a date) took longer than reading a page of them. SQLite tells a change by a pragma;
        PostgreSQL's ``version`` is itself four counts, so there every count is asked."""
        count_sql = f"SELECT COUNT(*) FROM ({sql}) AS listing"
        if self.store.dialect != "sqlite":
            return int(self.store.scalar(count_sql, params))
        key, version = (count_sql, tuple(params)), self.store.version()
        kept = self._counts.get(key)
        if kept is not None and kept[0] == version:
            return kept[1]
        total = int(self.store.scalar(count_sql, params))
        if len(self._counts) >= _KEPT_COUNTS:
            self._counts.clear()
        self._counts[key] = (version, total)
        return total

    def _frame(
        self, sql: str, where: list[str], params: list, order: str, limit: Optional[int], offset: int, with_total: bool = False,
        records: bool = False,
    ):
        if where:
            sql += " WHERE " + " AND ".join(where)
        total = self._count(sql, params) if with_total else None
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, int(limit)]
        if offset:
            sql += (" " if limit is not None else " LIMIT -1 " if self.store.dialect == "sqlite" else " ") + "OFFSET ?"
            params = [*params, int(offset)]
        columns, rows = self.store.rows(sql, params)
        frame: Any = Records(dict(zip(columns, row)) for row in rows) if records else _pandas().DataFrame(rows, columns=columns)
        if total is not None:
            frame.attrs["total"] = total
        return frame


def _convert(frame: Any, column: str, function: Any) -> None:
    """``function`` applied to every value of ``column``, in a frame or ``Records``."""
    if isinstance(frame, Records):
        for row in frame:
            row[column] = function(row[column])
    elif function is bool:
        frame[column] = frame[column].astype(bool)  # a bool column even when empty
    else:
        frame[column] = [function(v) for v in frame[column]]


def _nullable_integers(frame):
    """Ids and counts that may be missing stay integers (pandas' Int64), so that a CSV says
    361058, not 361058.0. ``Records`` hold them as they are: int or None."""
    if isinstance(frame, Records):
        return frame
    for column in _NULLABLE_INTEGERS:
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))


def _pandas():
    import pandas

    return pandas
