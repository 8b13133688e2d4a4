"""A pool worker dies with the process that started it.

Killed with SIGKILL (or dying any other way that skips its clean-up), an ingest leaves its
spawned workers waiting on a queue nobody will fill: each holds a spaCy pipeline (about
600 MB), re-parented to PID 1 they live until the machine restarts, and they keep
multiprocessing's resource tracker alive with them. ``tether(parent)``, run first in each
worker, ends the worker when ``parent`` goes:

* on Linux the kernel sends it SIGKILL (``prctl(PR_SET_PDEATHSIG)``), at once, even in the
  middle of a long parse that holds the GIL;
* everywhere a daemon thread watches ``os.getppid()`` and exits the process when it changes
  (a re-parented process has a new parent), within ``_POLL_SECONDS``.

With the workers gone, the resource tracker reads the end of its pipe and exits by itself.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time

__all__ = ["tether"]

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
_POLL_SECONDS = 1.0
# What the worker exits with when its parent is gone: as if it had been sent SIGKILL.
_ORPHANED = 128 + signal.SIGKILL


def tether(parent: int) -> None:
    """End this process when ``parent`` (the pid that started it) exits."""
    _kernel_tether()
    # The parent may have died before the kernel was asked to watch it.
    if os.getppid() != parent:
        os._exit(_ORPHANED)
    threading.Thread(target=_watch, args=(parent,), name="newsgraph-tether", daemon=True).start()


def _kernel_tether() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            log.debug("prctl(PR_SET_PDEATHSIG) failed: errno %s", ctypes.get_errno())
    except (OSError, AttributeError) as exc:  # no libc to load (e.g. a static build): the watchdog remains
        log.debug("no prctl: %s", exc)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(_ORPHANED)
