"""The distributed engine: chunks of articles analysed on a dask.distributed cluster.

Needs the ``distributed`` extra (``pip install 'newsgraph[distributed]'``); importing this
module without it raises ``ImportError``, which ``engines`` turns into E407.

The client (the ``newsgraph ingest`` process) partitions the input stream into chunks, as
the local engine does, and submits each chunk to the cluster; every worker loads the spaCy
pipeline once, when it joins (``PipelinePlugin``), not per task. Results come back to the
client, which writes them in input order — the store never has to be reachable from the
workers (SQLite works too), and the corpus is the same as a single-process run's, event
ids and coreference included. With ``--output-parquet`` the workers write the partitions
themselves (``parquet``), so that folder must be shared with them.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from typing import Optional

from distributed import Client, LocalCluster, WorkerPlugin

from ..errors import Errors, ScaleError
from .analysis import cached_pipeline

__all__ = ["DaskAnalyser", "PipelinePlugin"]

log = logging.getLogger(__name__)

_CONNECT_SECONDS = 30


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline on each worker as it starts, so tasks find it cached."""

    def __init__(self, model: Optional[str]) -> None:
        self.model = model

    def setup(self, worker) -> None:
        cached_pipeline(self.model)


class DaskAnalyser:
    """``submit(fn, *args)`` on a cluster: the one at ``scheduler``, else a local one of
    ``workers`` single-threaded worker processes (started here, stopped on exit)."""

    def __init__(self, workers: int, model: Optional[str], scheduler: Optional[str] = None) -> None:
        self.cluster: Optional[LocalCluster] = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=_CONNECT_SECONDS)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ScaleError(Errors.E602, address=scheduler, detail=str(exc) or type(exc).__name__) from exc
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        self.client.register_plugin(PipelinePlugin(model), name=f"newsgraph-pipeline-{model or 'default'}")
        threads = sum(self.client.nthreads().values())
        # Two chunks a worker thread keep the cluster busy while the client writes.
        self.depth = 2 * max(threads, 1)
        log.info("dask engine: %d worker threads at %s", threads, self.client.scheduler.address)

    def submit(self, fn, *args) -> Future:
        # pure=False: the same chunk submitted twice (a rerun) is analysed again, not shared.
        return self.client.submit(fn, *args, pure=False)

    def __enter__(self) -> "DaskAnalyser":
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
