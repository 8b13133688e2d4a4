"""``newsgraph serve --workers N``: several server processes answering on one port.

One Python process serves about 130 list requests a second (``docs/benchmarks.md#web-viewer``):
the interpreter lock keeps it on one core. uvicorn's ``workers`` start N processes that share
the listening socket; each imports this module and calls ``app_from_environment``, which opens
the store itself (a connection per process: SQLite and PostgreSQL connections are not shared
across processes; read-only unless the server has a write token) and builds the app with the options the CLI put in the environment
(``SERVE_ENVIRONMENT``, removed once read so that the analysis workers a process starts do not
inherit the write token).

What each process holds on its own: its store connection, its cache of query answers (each
process builds the graph once per store version; ``corpus.version()`` sees every process's and
every ingest's commits), its idle analysis workers and its request time limits. What they
share: the port, the Host and Origin checks and the write token (the same options), and the
``--max-analyses`` slots: one lock file per slot in a private folder (``SharedSlots``), so the
limit holds across all processes, not per process.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from ..ingest import DEFAULT_MAX_CHARS
from .settings import DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_REQUEST_TIMEOUT_S
from .workers import DEFAULT_MAX_ANALYSES

__all__ = ["SERVE_ENVIRONMENT", "ServeOptions", "app_from_environment", "build_app", "open_served_corpus"]

# The environment variable that carries the options from the CLI to each server process.
SERVE_ENVIRONMENT = "NEWSGRAPH_SERVE_OPTIONS"


@dataclass(frozen=True)
class ServeOptions:
    """What ``newsgraph serve`` was started with, as each server process needs it."""

    db: Optional[str] = None
    write_token: Optional[str] = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    request_timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)
    max_chars: int = DEFAULT_MAX_CHARS
    max_analyses: int = DEFAULT_MAX_ANALYSES
    processes: int = 1
    # a private folder holding one lock file per analysis slot (SharedSlots); None: one process
    slots_dir: Optional[str] = None

    def to_environment(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_environment(cls, text: str) -> "ServeOptions":
        data = json.loads(text)
        data["allowed_hosts"] = tuple(data.get("allowed_hosts") or ())
        return cls(**data)


def build_app(options: ServeOptions, corpus: Any = None) -> Any:
    """The app for one server process of ``options`` (over ``corpus``, opened by the caller)."""
    from .app import create_app

    return create_app(
        corpus=corpus,
        write_token=options.write_token,
        max_upload_bytes=options.max_upload_bytes,
        request_timeout_s=options.request_timeout_s,
        allowed_hosts=list(options.allowed_hosts),
        max_chars=options.max_chars,
        max_analyses=options.max_analyses,
        slots_dir=options.slots_dir,
        # each process keeps its share of the slots' workers warm, so that idle pipelines
        # (about 1 GB each) stay near --max-analyses in all, not N times it
        keep_idle=math.ceil(options.max_analyses / max(1, options.processes)),
    )


def app_from_environment() -> Any:
    """uvicorn's app factory for one server process: the options from the environment, the store
    opened by this process."""
    text = os.environ.pop(SERVE_ENVIRONMENT, None)
    if text is None:
        raise RuntimeError(f"{SERVE_ENVIRONMENT} is not set: start the server with `newsgraph serve --workers N`")
    options = ServeOptions.from_environment(text)
    return build_app(options, open_served_corpus(options))


def open_served_corpus(options: ServeOptions) -> Any:
    """The store a server process reads: its own connection, read-only unless the server stores
    articles (``--write-token``), so that no bug of a viewer can change the corpus. None without
    ``--db``."""
    if not options.db:
        return None
    from ..corpus import Corpus

    return Corpus(options.db, read_only=not options.write_token)
