"""Analyses in worker processes that are killed at the time limit, and at most so many at once.

The library's per-article limit (``limits.time_limit``) interrupts Python code, not one long C
call such as a spaCy parse, and a thread cannot be stopped at all: a request answered 408 went
on analysing for a minute and a gigabyte. A process can be killed. Each worker loads the
pipeline once and serves one analysis at a time; a worker killed at the limit is replaced by
the next analysis that needs one. Past ``size`` analyses in flight, one more is refused at once
(E510, 503 with Retry-After) instead of queued: a queued request would spend its time limit
waiting, holding a connection.

With several server processes (``serve --workers``) the slots are shared: ``SharedSlots``
holds one lock file per slot, so ``--max-analyses`` bounds the analyses of all processes
together. A lock held by a process that dies is released by the kernel.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from ..corpus.tether import tether
from ..errors import AnalysisError, Errors, NewsgraphError, WebError

__all__ = ["AnalysisWorkers", "DEFAULT_MAX_ANALYSES", "RETRY_AFTER_S", "SharedSlots"]

log = logging.getLogger(__name__)

# Each analysis holds a spaCy pipeline and a parse: about 1 GB. Two fit a small machine.
DEFAULT_MAX_ANALYSES = 2
# What a refused client is told to wait: an ordinary analysis takes a second or two.
RETRY_AFTER_S = 5
# A new worker imports newsgraph: seconds on a busy machine, never minutes.
_START_S = 120


class SharedSlots:
    """At most ``size`` holders at once across processes: slot ``i`` is held by an exclusive
    ``flock`` on ``directory/slot-i``. Locks belong to the open file, so two threads of one
    process exclude each other too, and the kernel releases a dead holder's lock."""

    def __init__(self, directory: str, size: int) -> None:
        self.paths = [Path(directory) / f"slot-{i}" for i in range(size)]

    def acquire(self) -> Optional[int]:
        """A held slot's file descriptor, or None when every slot is held."""
        import fcntl

        for path in self.paths:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            return fd
        return None

    @staticmethod
    def release(fd: int) -> None:
        os.close(fd)  # closing the last descriptor of the open file drops its lock


class AnalysisWorkers:
    """At most ``size`` analyses at once, each in a worker process killed after ``seconds``.

    ``slots_dir``: the slots are shared with the other server processes given the same folder
    (``SharedSlots``). ``keep_idle``: how many finished workers this process keeps warm for the
    next analysis (default ``size``); more are stopped."""

    def __init__(self, size: int, seconds: float, slots_dir: Optional[str] = None, keep_idle: Optional[int] = None) -> None:
        self.size = size
        self.seconds = seconds
        self.keep_idle = size if keep_idle is None else keep_idle
        self._shared = SharedSlots(slots_dir, size) if slots_dir else None
        self._lock = threading.Lock()
        self._in_flight = 0
        self._idle: list[_Worker] = []

    @contextmanager
    def reserve(self, name: str) -> Iterator[None]:
        """Hold one of the ``size`` slots, or raise E510 when all are taken."""
        with self._lock:
            if self._in_flight >= self.size:
                raise WebError(Errors.E510, name=name, slots=self.size, retry_after=RETRY_AFTER_S)
            self._in_flight += 1
        held = None
        try:
            if self._shared is not None:
                held = self._shared.acquire()
                if held is None:  # the other server processes hold every slot
                    raise WebError(Errors.E510, name=name, slots=self.size, retry_after=RETRY_AFTER_S)
            yield
        finally:
            if held is not None:
                self._shared.release(held)  # type: ignore[union-attr]
            with self._lock:
                self._in_flight -= 1

    def run(self, name: str, function: Callable[..., Any], *args: Any) -> Any:
        """``function(*args)`` in a worker process (both must pickle); its error is raised here.

        Past ``seconds`` the worker is killed and E503 raised."""
        with self.reserve(name):
            worker = self._take()
            try:
                result = worker.call(function, args, self.seconds)
            except _Expired:
                raise WebError(Errors.E503, name=name, seconds=self.seconds) from None
            finally:
                self._give_back(worker)
        return result

    def close(self) -> None:
        """Stop the idle workers (the server is shutting down)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()

    def _take(self) -> "_Worker":
        with self._lock:
            worker = self._idle.pop() if self._idle else None
        return worker if worker is not None and worker.alive() else _Worker()

    def _give_back(self, worker: "_Worker") -> None:
        if not worker.alive():
            return
        with self._lock:
            kept = len(self._idle) < self.keep_idle
            if kept:
                self._idle.append(worker)
        if not kept:
            worker.kill()


class _Expired(Exception):
    """The worker ran past the time limit and was killed."""


class _Worker:
    def __init__(self) -> None:
        # spawn: a fork would copy the server's threads, locks and open database connection
        context = multiprocessing.get_context("spawn")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, os.getpid()), name="newsgraph-analysis", daemon=True)
        self.process.start()
        child_end.close()
        # Starting is not analysing: the time limit counts from the call, once the worker is up.
        if not self.connection.poll(_START_S):
            self.kill()
            raise AnalysisError(Errors.E301, name="analysis worker", detail=f"it did not start within {_START_S} s")
        self.connection.recv()

    def alive(self) -> bool:
        return self.process.is_alive()

    def call(self, function: Callable[..., Any], args: tuple, seconds: float) -> Any:
        self.connection.send((function, args))
        if not self.connection.poll(seconds):
            self.kill()
            raise _Expired()
        try:
            succeeded, value = self.connection.recv()
        except (EOFError, OSError) as exc:  # the worker died: killed for memory, or crashed
            self.kill()
            detail = f"the analysis process ended with exit code {self.process.exitcode}"
            raise AnalysisError(Errors.E301, name="analysis worker", detail=detail) from exc
        if not succeeded:
            raise value
        return value

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


def _serve(connection: Any, parent: int) -> None:
    """A worker's loop: run each function sent, send back (True, result) or (False, error)."""
    tether(parent)
    connection.send("ready")
    while True:
        try:
            function, args = connection.recv()
        except EOFError:  # the server closed its end
            return
        try:
            answer = (True, function(*args))
        except NewsgraphError as error:
            answer = (False, error)
        except Exception as exc:  # noqa: BLE001 - any other error must reach the request, not end the worker
            answer = (False, AnalysisError(Errors.E301, name="analysis worker", detail=f"{type(exc).__name__}: {exc}"))
        connection.send(answer)
