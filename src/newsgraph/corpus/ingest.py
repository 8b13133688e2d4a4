"""Ingest: inputs -> analysed reports -> the store, idempotent, resumable and streaming.

The parent process reads inputs lazily (``sources.iter_items``), skips articles whose
content hash is already stored, sends the rest in small chunks to the analysis (in
process, or a pool of ``workers`` processes each holding its own spaCy pipeline) and
writes every result itself, one transaction per article. At most ``2 * workers`` chunks
are in flight, so memory stays flat however large the input; results are written in
input order, so a run is deterministic whatever the number of workers.

Killing the process loses at most the articles in flight, and a rerun picks them up:
nothing is written half, nothing twice. A bad input or an article the pipeline fails on
is recorded in the ``errors`` table with its reason and the run goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from ..errors import AnalysisError, Errors, NewsgraphError
from ..model import Article, Report
from .sources import Item, iter_items
from .store import Store
from .writer import article_id, record_error, write_report

__all__ = ["IngestStats", "ingest", "analyse_chunk"]

log = logging.getLogger(__name__)

CHUNK = 16


@dataclass
class IngestStats:
    """What a run did. ``rate`` is analysed-and-stored articles per second."""

    seen: int = 0
    stored: int = 0
    skipped: int = 0
    errors: int = 0
    mentions: int = 0
    seconds: float = 0.0
    _start: float = field(default_factory=time.perf_counter, repr=False)

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    def tick(self) -> None:
        self.seconds = time.perf_counter() - self._start

    def as_dict(self) -> dict:
        out = {k: v for k, v in asdict(self).items() if not k.startswith("_")}
        return {**out, "rate": round(self.rate, 2)}


Progress = Callable[[IngestStats], None]


def ingest(
    store: Store,
    sources: Iterable[Union[str, Article]],
    *,
    workers: int = 1,
    model: Optional[str] = None,
    progress: Optional[Progress] = None,
    check_language: bool = True,
) -> IngestStats:
    stats = IngestStats()
    report = progress or (lambda _stats: None)
    with _analyser(workers, model) as analyser:
        in_flight: deque[tuple[list[tuple[str, str, Article]], Future]] = deque()
        for chunk in _new_articles(store, iter_items(sources, check_language=check_language), stats, report):
            in_flight.append((chunk, analyser.submit(analyse_chunk, [a for _, _, a in chunk], model)))
            if len(in_flight) >= analyser.depth:
                _write_chunk(store, *in_flight.popleft(), stats, report)
        while in_flight:
            _write_chunk(store, *in_flight.popleft(), stats, report)
    stats.tick()
    return stats


def _new_articles(store: Store, items: Iterator[Item], stats: IngestStats, report: Progress) -> Iterator[list]:
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


def _unstored(store: Store, pending: dict, stats: IngestStats) -> list:
    keys = list(pending)
    marks = ", ".join("?" * len(keys))
    _, rows = store.rows(f"SELECT id FROM articles WHERE id IN ({marks})", keys)
    stored = {r[0] for r in rows}
    stats.skipped += len(stored)
    return [pending[k] for k in keys if k not in stored]


def _write_chunk(store: Store, chunk: list, future: Future, stats: IngestStats, report: Progress) -> None:
    for (label, key, _), result in zip(chunk, future.result()):
        if isinstance(result, NewsgraphError):
            _record(store, label, result, stats, report, key)
            continue
        written = write_report(store, label, key, result)
        if written < 0:
            stats.skipped += 1
        else:
            stats.stored += 1
            stats.mentions += written
        stats.tick()
        report(stats)


def _record(store: Store, label: str, error: Optional[NewsgraphError], stats: IngestStats, report: Progress, key: Optional[str] = None) -> None:
    record_error(store, label, getattr(error, "code", None), str(error), key)
    log.warning("%s", error)
    stats.errors += 1
    stats.tick()
    report(stats)


# -- analysis, in this process or in workers ------------------------------------------

_PIPELINE = {}


def _pipeline(model: Optional[str]):
    if model not in _PIPELINE:
        from .. import load_pipeline
        from ..actors import ActorCatalogue
        from ..pipeline import _pipeline_name

        nlp = load_pipeline(model)
        _PIPELINE[model] = (nlp, ActorCatalogue.packaged(nlp), _pipeline_name(nlp))
    return _PIPELINE[model]


def analyse_chunk(articles: Sequence[Article], model: Optional[str] = None) -> list[Union[Report, NewsgraphError]]:
    """A report or a coded error for each article, in order. Runs in a worker process."""
    from ..pipeline import build_report

    nlp, catalogue, name = _pipeline(model)
    out: list[Union[Report, NewsgraphError]] = []
    try:
        docs = list(nlp.pipe((a.text for a in articles), batch_size=len(articles)))
    except Exception:  # noqa: BLE001 - find the article that breaks the batch, keep the others
        docs = []
        for article in articles:
            try:
                docs.append(nlp(article.text))
            except Exception as exc:  # noqa: BLE001
                docs.append(_failure(article, exc))
    for doc, article in zip(docs, articles):
        if isinstance(doc, NewsgraphError):
            out.append(doc)
            continue
        try:
            out.append(build_report(doc, article, catalogue, name))
        except Exception as exc:  # noqa: BLE001 - one article's bug must not end the batch
            out.append(_failure(article, exc))
    return out


def _failure(article: Article, exc: Exception) -> AnalysisError:
    label = article.url or article.title or f"<article of {len(article.text)} chars>"
    return AnalysisError(Errors.E301, name=label, detail=f"{type(exc).__name__}: {exc}")


class _Inline:
    """The analysis in this process, computed when its result is asked for."""

    depth = 1

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        future.set_result(fn(*args))
        return future

    def __enter__(self) -> "_Inline":
        return self

    def __exit__(self, *exc) -> None:
        return None


class _Pool:
    def __init__(self, workers: int, model: Optional[str]) -> None:
        # spawn: workers must not inherit the parent's open database connection.
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_pipeline, initargs=(model,)
        )
        self.depth = 2 * workers

    def submit(self, fn, *args) -> Future:
        return self.executor.submit(fn, *args)

    def __enter__(self) -> "_Pool":
        return self

    def __exit__(self, *exc) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _analyser(workers: int, model: Optional[str]):
    return _Pool(workers, model) if workers > 1 else _Inline()
