"""Analysis to Parquet partitions, and those partitions into a store.

``ingest_to_parquet`` analyses the inputs (any engine) without a store: each chunk becomes
one partition ``part-NNNNNN.parquet``, numbered in input order and written by whoever
analysed it (a dask worker writes its own, so the folder must be shared with the cluster).
A partition is written to a temporary name and renamed, so a killed run leaves whole
partitions only; a rerun rewrites them.

A row is one input: ``item`` (its label), ``article_id``, ``report`` (the JSON contract,
``Report.to_dict``) or, for an input that failed, its ``code`` and ``reason``.
``load_parquet`` writes the partitions into a store in name order — the same writes, in
the same order, as ``ingest`` would have made, so the corpus is the same; articles already
stored are skipped.
"""

from __future__ import annotations

import json
import os
from collections import deque
from functools import partial
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

from ..errors import Errors, NewsgraphError, ScaleError
from ..model import Article, Report
from .analysis import analyse_chunk
from .batch import CHUNK, IngestOptions, IngestStats, Progress
from .connection import Store
from .engines import analyser_for
from .inputs import Item, iter_items
from .writer import article_id, record_error, write_report

__all__ = ["ingest_to_parquet", "load_parquet", "analyse_to_parquet", "COLUMNS"]

COLUMNS = ("item", "article_id", "report", "code", "reason")
_PATTERN = "part-*.parquet"

Row = tuple[str, Optional[str], Optional[Article], Optional[str], Optional[str]]


def ingest_to_parquet(
    inputs: Iterable[Union[str, "os.PathLike[str]", Article]],
    directory: Union[str, "os.PathLike[str]"],
    options: IngestOptions = IngestOptions(),
    progress: Optional[Progress] = None,
) -> IngestStats:
    """Analyse ``inputs`` into Parquet partitions under ``directory``; ``stats.stored``
    counts the analysed articles, ``stats.errors`` the failed inputs."""
    folder = Path(directory).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    stats = IngestStats()
    report = progress or (lambda _stats: None)
    items = iter_items(inputs, check_language=options.check_language, max_chars=options.max_chars, encoding=options.encoding)
    with analyser_for(options.engine, options.workers, options.model, options.scheduler) as analyser:
        in_flight: deque = deque()
        for number, chunk in enumerate(_chunks(items, stats)):
            path = str(folder / f"part-{number:06d}.parquet")
            in_flight.append(analyser.submit(analyse_to_parquet, chunk, options, path))
            if len(in_flight) >= analyser.depth:
                _count(in_flight.popleft().result(), stats, report)
        while in_flight:
            _count(in_flight.popleft().result(), stats, report)
    stats.tick()
    return stats


def _chunks(items: Iterator[Item], stats: IngestStats) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for item in items:
        stats.seen += 1
        if item.article is None:
            error = item.error
            chunk.append((item.label, None, None, getattr(error, "code", None), str(error)))
        else:
            chunk.append((item.label, article_id(item.article.text), item.article, None, None))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _count(result: tuple[int, int, int], stats: IngestStats, report: Progress) -> None:
    stored, errors, mentions = result
    stats.stored += stored
    stats.errors += errors
    stats.mentions += mentions
    stats.tick()
    report(stats)


def analyse_to_parquet(rows: Sequence[Row], options: IngestOptions, path: str) -> tuple[int, int, int]:
    """Analyse one chunk and write its partition; (analysed, failed, events). Runs on a worker."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    articles = [article for _, _, article, _, _ in rows if article is not None]
    results = iter(analyse_chunk(articles, options.model, options.article_timeout, options.event_threshold))
    out: dict[str, list] = {name: [] for name in COLUMNS}
    analysed = failed = events = 0
    for label, key, article, code, reason in rows:
        report_json = None
        if article is not None:
            result: Union[Report, NewsgraphError] = next(results)
            if isinstance(result, NewsgraphError):
                code, reason = result.code, str(result)
            else:
                report_json = json.dumps(result.to_dict(), ensure_ascii=False)
                events += len(result.events)
        analysed += report_json is not None
        failed += report_json is None
        for name, value in zip(COLUMNS, (label, key, report_json, code, reason)):
            out[name].append(value)
    table = pa.table({name: pa.array(values, type=pa.string()) for name, values in out.items()})
    temporary = f"{path}.tmp-{os.getpid()}"
    pq.write_table(table, temporary)
    os.replace(temporary, path)
    return analysed, failed, events


def load_parquet(store: Store, directory: Union[str, "os.PathLike[str]"], progress: Optional[Progress] = None) -> IngestStats:
    """Write the partitions under ``directory`` into ``store``, in order; reruns skip what is stored."""
    import pyarrow.parquet as pq

    folder = Path(directory)
    parts = sorted(folder.glob(_PATTERN)) if folder.is_dir() else []
    if not parts:
        detail = "no such folder" if not folder.is_dir() else f"no {_PATTERN} files"
        raise ScaleError(Errors.E603, path=str(folder), detail=detail)
    stats = IngestStats()
    report = progress or (lambda _stats: None)
    for part in parts:
        try:
            table = pq.read_table(part, columns=list(COLUMNS))
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for a bad file
            raise ScaleError(Errors.E603, path=str(part), detail=f"{type(exc).__name__}: {exc}") from exc
        rows = table.to_pylist()
        for start in range(0, len(rows), CHUNK):
            block = rows[start : start + CHUNK]
            # One transaction a chunk, as ``ingest`` writes them (batch's docstring says why).
            written = store.write(partial(_store_rows, block=block))
            for row, outcome in zip(block, written):
                stats.seen += 1
                if row["report"] is None:
                    stats.add_error(row["code"])
                else:
                    stats.add_written(outcome)
                stats.tick()
                report(stats)
    stats.tick()
    return stats


def _store_rows(store: Store, block: list[dict]) -> list[int]:
    return [_store_row(store, row) for row in block]


def _store_row(store: Store, row: dict) -> int:
    if row["report"] is None:
        record_error(store, row["item"], row["code"], row["reason"], row["article_id"])
        return 0
    return write_report(store, row["item"], row["article_id"], Report.from_dict(json.loads(row["report"])))
