"""The per-article time limit: one pathological article must not stall a batch, nor
``analyze()``.

``time_limit(seconds)`` raises ``ArticleTimeout`` inside the block once ``seconds`` have
passed. In a process's main thread (the inline analysis and the ``--workers`` pool, whose
tasks run on their worker's main thread) it is a ``SIGALRM`` interval timer: the signal also
interrupts a blocking sleep or read. Elsewhere (a dask worker runs tasks on a thread pool)
a timer thread raises the exception asynchronously in the analysing thread; that lands at
the next Python bytecode, so a single long C call (one spaCy parse of a huge text) ends
first — which ``max_chars`` bounds.

``ArticleTimeout`` derives from ``BaseException`` so that the pipeline's own
``except Exception`` fallbacks cannot swallow it.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional

__all__ = ["DEFAULT_ARTICLE_TIMEOUT", "ArticleTimeout", "time_limit"]

# An ordinary article takes well under a second; a limit of minutes only stops the pathological.
DEFAULT_ARTICLE_TIMEOUT = 120.0


class ArticleTimeout(BaseException):
    """The block ran past its time limit."""


@contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _thread_timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum, frame) -> None:
        raise ArticleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    ident = threading.get_ident()
    guard = threading.Lock()
    state = {"armed": True, "fired": False}

    def expire() -> None:
        with guard:
            if state["armed"]:
                state["fired"] = True
                _set_async_exc(ident, ArticleTimeout)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with guard:
            state["armed"] = False
            timer.cancel()
            if state["fired"]:
                # Fired as the block finished: drop the exception if it is still pending, so
                # that it cannot surface later in unrelated code.
                _set_async_exc(ident, ctypes.py_object())
