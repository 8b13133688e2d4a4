"""Where chunks are analysed: in this process, in a pool of worker processes each holding
its own spaCy pipeline, or on a dask.distributed cluster (``dask_engine``). Every engine has
``submit(fn, *args) -> Future`` and a ``depth``: how many chunks may be in flight."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Optional

from ..errors import Errors, ScaleError, StoreError
from .analysis import cached_pipeline
from .tether import tether

__all__ = ["ENGINES", "analyser_for"]

ENGINES = ("local", "dask")


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


def _start_worker(parent: int, model: Optional[str]) -> None:
    """A pool worker's first steps: die with ``parent``, then load the pipeline."""
    tether(parent)
    cached_pipeline(model)


class _Pool:
    def __init__(self, workers: int, model: Optional[str]) -> None:
        # spawn: workers must not inherit the parent's open database connection. The workers
        # are started by the thread that submits (this call's), which outlives them.
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker, initargs=(os.getpid(), model)
        )
        self.depth = 2 * workers

    def submit(self, fn, *args) -> Future:
        return self.executor.submit(fn, *args)

    def __enter__(self) -> "_Pool":
        return self

    def __exit__(self, error_type, *exc) -> None:
        if error_type is not None:
            # Interrupted (SIGTERM, Ctrl-C, a store error): the chunks in flight are not wanted,
            # and waiting for them could take minutes.
            self._stop_workers()
        self.executor.shutdown(wait=True, cancel_futures=True)

    def _stop_workers(self) -> None:
        # ProcessPoolExecutor has no public way to stop running tasks before Python 3.14
        # (terminate_workers); its process table is the one place that names the workers.
        for process in list(getattr(self.executor, "_processes", {}).values()):
            process.terminate()


def analyser_for(engine: str, workers: int, model: Optional[str], scheduler: Optional[str] = None):
    """Where chunks are analysed: this process, a process pool, or a dask cluster."""
    if engine not in ENGINES:
        raise ScaleError(Errors.E604, option="--engine", detail=f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if engine == "dask":
        try:
            from .dask_engine import DaskAnalyser
        except ImportError as exc:
            raise StoreError(Errors.E407, feature="--engine dask", extra="distributed") from exc
        return DaskAnalyser(workers, model, scheduler)
    if scheduler:
        raise ScaleError(Errors.E604, option="--scheduler", detail="a scheduler address needs --engine dask")
    return _Pool(workers, model) if workers > 1 else _Inline()
