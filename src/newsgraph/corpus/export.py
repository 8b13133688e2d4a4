"""Exports of a corpus's events: tables, event-data formats and the actor graph.

* ``jsonl``: one event a line, its mentions (chains, sentences, factuality) under ``mention_records``.
* ``csv`` / ``parquet``: the events table as ``Corpus.events`` gives it. ``source_key`` and
  ``target_key`` are the sides' entity keys (who each actor is in every article: ``identity``).
* ``plover``: PLOVER JSONL, one record a line, with the field names of the PLOVER manual's
  "PLOVER JSON" table (``id``, ``date``, ``enddate``, ``actor``/``recipient`` entity objects,
  ``event``, ``mode``, ``context``, ``event_loc``, ``event_text``, ``quad_code``, ``cite_info``,
  ``coder``, ``coded_date``, ``comment``) plus newsgraph's own named fields (``goldstein``,
  ``mentions``, ``origins``, ``contradicted``), as the manual allows. The names are the
  manual's snake_case (its current version, 2024); camelCase ``eventText``, ``eventLoc``,
  ``actorText`` are PLOVER 0.5b1's, kept only in its old gold-standard records. Every
  record validates against ``data/plover_schema.json``, a JSON Schema of the manual's
  tables: the manual requires an ``actor`` and an ``event``, so an event without a PLOVER
  category, or with no words for its actor, is left out, and counted in the export's
  ``left_out``. ``quad_code`` is the PLOVER category's quad class (``PLOVER_QUADS``), not
  the CAMEO code's: the two differ where the category was chosen from the report (a
  threatened attack is THREATEN, verbal conflict, though CAMEO 19x is material). An entity object's
  ``identifier_id`` is the actor's entity key. ``event_loc`` is the
  manual's location object: ``extracted_place``, ``country_code`` and, when the place resolved
  to a GeoNames record, ``geonameid`` (and ``lat``/``lon`` for a city). ``size`` is the
  manual's size object (``dead``, ``injured``, ``arrested``), present when a report states a
  count; an event's count is the largest its mentions state. A side no actor stands for
  ("protesters", an unresolved "he") is an entity object with only ``entity_text``: the words
  that name it in the first report (``Event.source_spans``).
* ``cameo-tsv``: a dyadic tab-separated file in the Phoenix column order (GDELT-style counts
  of mentions and sources at the end).
* ``graphml`` / ``gexf``: the actor graph (Gephi, networkx): actors as nodes, one edge per
  source, target and PLOVER type with ``count``, ``mean_goldstein``, ``origins`` and
  ``event_ids``.

Tables are read page by page, so an export's memory does not grow with the store.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator, Optional, Union

from ..version import __version__
from .tables import EVENT_COLUMNS

__all__ = ["FORMATS", "PLOVER_QUADS", "Written", "export", "actor_graph", "plover_record", "quad_class", "PHOENIX_COLUMNS"]

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo-tsv", "graphml", "gexf")
_PAGE = 5000
# Actor keys looked up per query: well under SQLite's bound-parameter limit.
_KIND_BATCH = 500

PHOENIX_COLUMNS = [
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
    "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources", "NumMentions", "NumOrigins",
]  # fmt: skip


def quad_class(cameo: Optional[str]) -> Optional[int]:
    """GDELT/Phoenix QuadClass of a CAMEO code: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    try:
        root = int(str(cameo)[:2])
    except (TypeError, ValueError):
        return None
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


# The quad class of each PLOVER category, from the manual's "Summary of event categories"
# and each category's own section: 1 verbal and 2 material cooperation, 3 verbal and 4
# material conflict. SANCTION is 4 there; the manual's shorter "Quad categories" table puts
# it under verbal conflict, alone against both.
PLOVER_QUADS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


class Written(int):
    """How many records an export wrote (an ``int``), and in ``left_out`` how many events it
    left out and why ("no PLOVER category", "no actor"): the PLOVER format needs both."""

    left_out: dict[str, int]

    def __new__(cls, count: int, left_out: Optional[dict[str, int]] = None) -> "Written":
        written = super().__new__(cls, count)
        written.left_out = dict(left_out or {})
        return written


def export(corpus, format: str, output: Union[str, Path, None] = None, **filters) -> Written:  # noqa: A002
    """Write the events matching ``filters`` in ``format`` to ``output`` (None: standard output
    for text formats). Returns the number of events (graphs: edges) written, with the events
    left out and why in its ``left_out`` (``Written``)."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; choose from {', '.join(FORMATS)}")
    if format in {"parquet", "graphml", "gexf"} and output is None:
        raise ValueError(f"the {format} format is binary or XML: give an output file")
    if format == "parquet":
        return Written(_parquet(corpus, Path(output or ""), filters))  # output is set: checked above
    if format in {"graphml", "gexf"}:
        import networkx as nx

        graph = actor_graph(corpus, **filters)
        (nx.write_graphml if format == "graphml" else nx.write_gexf)(graph, str(output))
        return Written(graph.number_of_edges())
    with _open_text(output) as handle:
        count = {"jsonl": _jsonl, "csv": _csv, "plover": _plover, "cameo-tsv": _cameo_tsv}[format](corpus, handle, filters)
    return count if isinstance(count, Written) else Written(count)


@contextmanager
def _open_text(output) -> Iterator[IO[str]]:
    if output is None or str(output) == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _pages(corpus, filters: dict) -> Iterator[Any]:
    offset = 0
    while True:
        frame = corpus.events(**filters, limit=_PAGE, offset=offset)
        if frame.empty:
            return
        yield frame
        offset += len(frame)


def _records(corpus, filters: dict) -> Iterator[dict]:
    for frame in _pages(corpus, filters):
        for record in frame.to_dict("records"):
            yield {k: (None if _missing(v) else v) for k, v in record.items()}


def _missing(value: Any) -> bool:
    # NaN in float columns, pd.NA in nullable integer ones (geonameid, counts).
    return (isinstance(value, float) and value != value) or type(value).__name__ == "NAType"


def _jsonl(corpus, handle: IO[str], filters: dict) -> int:
    count = 0
    for record in _records(corpus, filters):
        mentions = [{k: (None if _missing(v) else v) for k, v in m.items()} for m in corpus.mentions(record["event_id"]).to_dict("records")]
        handle.write(json.dumps({**record, "mention_records": mentions}, ensure_ascii=False, default=_plain) + "\n")
        count += 1
    return count


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def _csv(corpus, handle: IO[str], filters: dict) -> int:
    count = 0
    for number, frame in enumerate(_pages(corpus, filters)):
        frame.to_csv(handle, index=False, header=number == 0)
        count += len(frame)
    if count == 0:
        csv.writer(handle).writerow(EVENT_COLUMNS)
    return count


def _parquet(corpus, output: Path, filters: dict) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, count = None, 0
    try:
        for frame in _pages(corpus, filters):
            table = pa.Table.from_pandas(frame, schema=writer.schema if writer else None, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(str(output), table.schema)
            writer.write_table(table)
            count += len(frame)
        if writer is None:  # no events: still a readable file with the events' columns
            pq.write_table(pa.table({c: pa.array([], pa.string()) for c in EVENT_COLUMNS}), str(output))
    finally:
        if writer is not None:
            writer.close()
    return count


def _entity(name: Optional[str], code: Optional[str], key: Optional[str] = None) -> list[dict]:
    if not name and not code:
        return []
    entity: dict[str, Any] = {"entity_text": name}
    if key:
        # The manual's identifier of the entity: newsgraph's entity key, the same for this
        # actor in every article ("cat:hamas", "country:ISR", "person:donald trump").
        entity["identifier_id"] = key
    if code:
        # Phoenix-style codes: three letters of country or international entity, then the sector.
        entity["code"] = code[:3]
        if len(code) > 3:
            entity["sector"] = code[3:6]
    return [entity]


def plover_record(event: dict, first_mention: Optional[dict], article: Optional[dict], coded: str) -> dict:
    """One event as a PLOVER JSON record (field names from the manual's tables)."""
    record: dict[str, Any] = {
        "id": event["event_id"],
        "date": event["date"],
        "enddate": event["date_end"] if event.get("date_end") not in (None, event["date"]) else None,
        "actor": _entity(event["source_actor"], event["source_code"], event.get("source_key")),
        "recipient": _entity(event["target_actor"], event["target_code"], event.get("target_key")),
        "event": [event["plover_type"]] if event["plover_type"] else [],
        "mode": [],
        "context": [],
        "event_loc": _event_loc(event),
        "event_text": [first_mention["trigger_text"]] if first_mention else [],
        "quad_code": PLOVER_QUADS.get(event["plover_type"] or ""),
        "cite_info": {
            "url": article.get("url"),
            "title": article.get("title"),
            "publication": article.get("outlet"),
            "language": "en",
            "coder": f"newsgraph {__version__}",
        } if article else None,
        "coder": f"newsgraph {__version__}",
        "coded_date": coded,
        "comment": f"CAMEO {event['cameo']}; {event['mentions']} mention(s), {event['origins']} independent origin(s)",
        "goldstein": event["goldstein"],
        "mentions": event["mentions"],
        "origins": event["origins"],
        "contradicted": bool(event["contradicted"]),
    }
    size = _size(event)
    if size:
        record["size"] = size
    return record


def _event_loc(event: dict) -> Optional[dict]:
    """The manual's location object (Mordecai3 / GeoNames field names); only what is known."""
    if not event["location"]:
        return None
    place: dict[str, Any] = {"extracted_place": event["location"], "country_code": event["country"]}
    if event.get("geonameid") is not None:
        place["geonameid"] = int(event["geonameid"])
        if event.get("latitude") is not None and event.get("longitude") is not None:
            place["lat"], place["lon"] = float(event["latitude"]), float(event["longitude"])
    return place


def _size(event: dict) -> dict:
    """The manual's size object ("Information object for size"): dead, injured, arrested,
    each only where a report states it."""
    names = {"dead": "killed", "injured": "injured", "arrested": "arrested"}
    return {key: int(event[column]) for key, column in names.items() if event.get(column) is not None}


def _plover(corpus, handle: IO[str], filters: dict) -> Written:
    coded = _dt.date.today().isoformat()
    count, left_out = 0, dict[str, int]()
    for event in _records(corpus, filters):
        if not event["plover_type"]:
            left_out["no PLOVER category"] = left_out.get("no PLOVER category", 0) + 1
            continue
        mentions = corpus.mentions(event["event_id"])
        first = mentions.iloc[0].to_dict() if not mentions.empty else None
        article = corpus.article(first["article_id"]) if first else None
        record = plover_record(event, first, article, coded)
        # The mode and context of the first mention's report, when the pipeline coded them,
        # and the words naming a side no actor stands for ("protesters").
        report = corpus.report(first["article_id"]) if first else None
        if first is not None and report is not None:
            for item in report.events:
                if item.trigger == (first["trigger_start"], first["trigger_end"]):
                    record["mode"] = [item.plover.mode] if item.plover.mode else []
                    record["context"] = [item.plover.context] if item.plover.context else []
                    for side, spans in (("actor", item.source_spans), ("recipient", item.target_spans)):
                        if not record[side]:
                            record[side] = [{"entity_text": text} for text in map(report.span_text, spans) if text.strip()]
                    break
        if not record["actor"]:  # the manual requires one: "someone" is no record
            left_out["no actor"] = left_out.get("no actor", 0) + 1
            continue
        handle.write(json.dumps(record, ensure_ascii=False, default=_plain) + "\n")
        count += 1
    if left_out:
        log.info("PLOVER export left out %s", ", ".join(f"{n} event(s) with {why}" for why, n in sorted(left_out.items())))
    return Written(count, left_out)


def _cameo_tsv(corpus, handle: IO[str], filters: dict) -> int:
    writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
    writer.writerow(PHOENIX_COLUMNS)
    count = 0
    for event in _records(corpus, filters):
        mentions = corpus.mentions(event["event_id"])
        urls, outlets = [], []
        for article_id, outlet in zip(mentions["article_id"], mentions["outlet"]):
            article = corpus.article(article_id) or {}
            if article.get("url") and article["url"] not in urls:
                urls.append(article["url"])
            if outlet and outlet not in outlets:
                outlets.append(outlet)
        day = event["date"] or ""
        source, target = event["source_code"] or "", event["target_code"] or ""
        writer.writerow([
            event["event_id"], day.replace("-", ""), day[:4], day[5:7], day[8:10],
            source, source[:3], source[3:6], source[6:], target, target[:3], target[3:6], target[6:],
            event["cameo"], (event["cameo"] or "")[:2], quad_class(event["cameo"]) or "",
            "" if event["goldstein"] is None else event["goldstein"], "", _blank(event.get("latitude")),
            _blank(event.get("longitude")), event["location"] or "", "",
            event["country"] or "", "", ";".join(urls), ";".join(outlets), event["mentions"], event["origins"],
        ])  # fmt: skip
        count += 1
    return count


def _blank(value: Any) -> Any:
    return "" if value is None else value


def actor_graph(corpus, by_factuality: bool = False, **filters):
    """``networkx.MultiDiGraph``: actors as nodes (``label``, ``code`` and ``kind``, the actors
    table's: country, organization, person, ...; "" when unknown); one edge per (source,
    target, PLOVER type) with ``count``, ``mean_goldstein``, ``origins`` (summed over its
    events), ``plover_type`` and ``event_ids`` (space-separated, so that GraphML and GEXF can
    hold it). ``by_factuality``: one edge per factuality too (asserted, hedged, negated,
    disputed), each with a ``factuality`` attribute, so that a drawing can tell a denied attack
    from a reported one; an event one source asserts and another contradicts is disputed."""
    import networkx as nx

    graph = nx.MultiDiGraph(name="newsgraph actor graph")
    edges: dict[tuple, dict] = {}
    for event in _records(corpus, filters):
        if not event["source_key"] or not event["target_key"]:
            continue
        for key, name, code in ((event["source_key"], event["source_actor"], event["source_code"]), (event["target_key"], event["target_actor"], event["target_code"])):
            if key not in graph:
                graph.add_node(key, label=name or key, code=code or "")
        kind = event["plover_type"] or f"CAMEO {(event['cameo'] or '')[:2]}"
        # asserted by one source and contradicted by another: drawn as disputed, not as a fact
        standing = ("disputed" if event["contradicted"] else event["factuality"] or "asserted") if by_factuality else None
        edge = edges.setdefault((event["source_key"], event["target_key"], kind, standing), {"ids": [], "goldstein": [], "origins": 0})
        edge["ids"].append(event["event_id"])
        edge["origins"] += int(event["origins"])
        if event["goldstein"] is not None:
            edge["goldstein"].append(float(event["goldstein"]))
    for key, actor_kind in _actor_kinds(corpus, list(graph.nodes)).items():
        graph.nodes[key]["kind"] = actor_kind
    for node in graph.nodes:
        graph.nodes[node].setdefault("kind", "")
    for (source, target, kind, standing), edge in edges.items():
        attributes = {
            "count": len(edge["ids"]),
            "origins": edge["origins"],
            "plover_type": kind,
            "event_ids": " ".join(edge["ids"]),
        }
        if standing:
            attributes["factuality"] = standing
        if edge["goldstein"]:
            attributes["mean_goldstein"] = round(sum(edge["goldstein"]) / len(edge["goldstein"]), 3)
        graph.add_edge(source, target, key=f"{kind} {standing}" if standing else kind, **attributes)
    return graph


def _actor_kinds(corpus, keys: list[str]) -> dict[str, str]:
    """The actors table's kind of each actor key that has one (the events table holds none)."""
    kinds: dict[str, str] = {}
    for start in range(0, len(keys), _KIND_BATCH):
        batch = keys[start : start + _KIND_BATCH]
        _, rows = corpus.store.rows(f"SELECT actor_key, kind FROM actors WHERE actor_key IN ({', '.join('?' * len(batch))})", batch)
        kinds.update({key: kind for key, kind in rows if kind})
    return kinds
