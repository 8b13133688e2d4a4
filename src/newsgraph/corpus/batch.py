"""Filling a store in batches: inputs -> analysed reports -> the store, idempotent,
resumable and streaming.

The parent process reads inputs lazily (``inputs.iter_items``), skips articles whose
content hash is already stored, sends the rest in small chunks to the analysis (in
process, or a pool of ``workers`` processes each holding its own spaCy pipeline) and
writes every result itself, one transaction per chunk. At most ``2 * workers`` chunks
are in flight, so memory stays flat however large the input; results are written in
input order, so a run is deterministic whatever the number of workers.

Killing the process loses at most the articles in flight (the chunk being written
included), and a rerun picks them up: nothing is written half, nothing twice. A bad
input or an article the pipeline fails on is recorded in the ``errors`` table with its
reason and the run goes on.

A chunk's articles and errors go in one transaction rather than one each: a commit costs
about as much as writing an article, the pages every article touches (index roots, the
actors, the newest rows of each table) are written once a chunk instead of once an
article (a chunk of 16 writes 170 pages an article at 1,000 stored articles, not 330),
and the counts a run reports are of committed articles only.

Resource guards: an article longer than ``max_chars`` is refused before analysis (E004),
and one whose parse or analysis runs past ``article_timeout`` seconds is stopped and
recorded as E601 (``analysis``); the chunk goes on without it.

``engine="dask"`` sends the chunks to a dask.distributed cluster instead (``engines``,
``dask_engine``); reading, skipping and writing stay here, so the store is filled in input
order and a distributed run gives the same corpus as a single process.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from ..errors import NewsgraphError
from ..ingest import DEFAULT_MAX_CHARS
from ..limits import DEFAULT_ARTICLE_TIMEOUT
from ..model import Article, Report
from .analysis import analyse_chunk
from .connection import Store
from .engines import analyser_for
from .inputs import Item, iter_items
from .writer import article_id, record_error, write_report

__all__ = ["CHUNK", "DEFAULT_ARTICLE_TIMEOUT", "IngestOptions", "IngestStats", "Progress", "ingest"]

log = logging.getLogger(__name__)

CHUNK = 16


@dataclass(frozen=True)
class IngestOptions:
    """How a run reads and analyses its inputs; the options of ``newsgraph ingest``.

    ``workers``: analysis processes (local engine) or workers of the local cluster (dask
    engine without ``scheduler``). ``check_language`` and ``max_chars`` refuse inputs before
    analysis; ``article_timeout`` (seconds, ``None`` for none) stops a pathological one.
    ``event_threshold``: the event judge's confidence an event needs to be stored (``None``:
    the judge's default, ``event_judge.DEFAULT_THRESHOLD``; 0 stores every candidate).
    ``encoding``: of text, HTML and JSONL inputs that are not UTF-8 (``None``: UTF-8, or
    UTF-16/UTF-32 with a byte-order mark).
    """

    workers: int = 1
    model: Optional[str] = None
    check_language: bool = True
    max_chars: int = DEFAULT_MAX_CHARS
    article_timeout: Optional[float] = DEFAULT_ARTICLE_TIMEOUT
    engine: str = "local"
    scheduler: Optional[str] = None
    event_threshold: Optional[float] = None
    encoding: Optional[str] = None


@dataclass
class IngestStats:
    """What a run did. ``rate`` is analysed-and-stored articles per second; ``error_codes``
    counts the errors by catalogue code."""

    seen: int = 0
    stored: int = 0
    skipped: int = 0
    errors: int = 0
    mentions: int = 0
    seconds: float = 0.0
    error_codes: dict[str, int] = field(default_factory=dict)
    _start: float = field(default_factory=time.perf_counter, repr=False)

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    def add_written(self, written: int) -> None:
        """Count what ``writer.write_report`` answered: the mentions of a stored article, or
        -1 for an article already there."""
        if written < 0:
            self.skipped += 1
        else:
            self.stored += 1
            self.mentions += written

    def add_error(self, code: Optional[str]) -> None:
        self.errors += 1
        self.error_codes[code or "uncoded"] = self.error_codes.get(code or "uncoded", 0) + 1

    def tick(self) -> None:
        self.seconds = time.perf_counter() - self._start

    def as_dict(self) -> dict:
        out = {k: v for k, v in asdict(self).items() if not k.startswith("_")}
        return {**out, "rate": round(self.rate, 2)}


Progress = Callable[[IngestStats], None]


def ingest(
    store: Store,
    inputs: Iterable[Union[str, "os.PathLike[str]", Article]],
    options: IngestOptions = IngestOptions(),
    progress: Optional[Progress] = None,
) -> IngestStats:
    """Analyse ``inputs`` into ``store``, as ``options`` say; see the module docstring."""
    stats = IngestStats()
    report = progress or (lambda _stats: None)
    items = iter_items(inputs, check_language=options.check_language, max_chars=options.max_chars, encoding=options.encoding)
    with analyser_for(options.engine, options.workers, options.model, options.scheduler) as analyser:
        in_flight: deque[tuple[list[tuple[str, str, Article]], Future]] = deque()
        for chunk in _new_articles(store, items, stats, report):
            articles = [a for _, _, a in chunk]
            in_flight.append((chunk, analyser.submit(analyse_chunk, articles, options.model, options.article_timeout, options.event_threshold)))
            if len(in_flight) >= analyser.depth:
                _write_chunk(store, *in_flight.popleft(), stats, report)
        while in_flight:
            _write_chunk(store, *in_flight.popleft(), stats, report)
    stats.tick()
    return stats


def _new_articles(store: Optional[Store], items: Iterator[Item], stats: IngestStats, report: Progress) -> Iterator[list]:
    """Chunks of (label, id, article) not yet stored; errors are recorded on the way."""
    pending: dict[str, tuple[str, str, Article]] = {}
    for item in items:
        stats.seen += 1
        if item.article is None:
            _record(store, item.label, item.error, stats, report)
            continue
        key = article_id(item.article.text)
        if key in pending:
            stats.skipped += 1
            continue
        pending[key] = (item.label, key, item.article)
        if len(pending) >= CHUNK:
            yield _unstored(store, pending, stats)
            pending = {}
    if pending:
        yield _unstored(store, pending, stats)


def _unstored(store: Optional[Store], pending: dict, stats: IngestStats) -> list:
    keys = list(pending)
    if store is None:  # writing Parquet partitions: the store that loads them skips duplicates
        return [pending[k] for k in keys]
    marks = ", ".join("?" * len(keys))
    _, rows = store.rows(f"SELECT id FROM articles WHERE id IN ({marks})", keys)
    stored = {r[0] for r in rows}
    stats.skipped += len(stored)
    return [pending[k] for k in keys if k not in stored]


def _write_chunk(store: Store, chunk: list, future: Future, stats: IngestStats, report: Progress) -> None:
    results = [(label, key, result) for (label, key, _), result in zip(chunk, future.result())]
    # Retried whole when the database aborts it for another writer: the stats wait for the commit.
    written = store.write(lambda s: [_store_result(s, *entry) for entry in results])
    for (_, _, result), outcome in zip(results, written):
        if isinstance(result, NewsgraphError):
            log.warning("%s", result)
            stats.add_error(result.code)
        else:
            stats.add_written(outcome)
        stats.tick()
        report(stats)


def _store_result(store: Store, label: str, key: str, result: Union[Report, NewsgraphError]) -> int:
    """Write one analysis result (inside the chunk's transaction): ``write_report``'s answer, or
    0 for an error recorded."""
    if isinstance(result, NewsgraphError):
        record_error(store, label, result.code, str(result), key)
        return 0
    return write_report(store, label, key, result)


def _record(store: Store, label: str, error: Optional[NewsgraphError], stats: IngestStats, report: Progress, key: Optional[str] = None) -> None:
    record_error(store, label, getattr(error, "code", None), str(error), key)
    log.warning("%s", error)
    stats.add_error(getattr(error, "code", None))
    stats.tick()
    report(stats)
