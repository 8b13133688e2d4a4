"""Two writers into one store at once against one writer, on SQLite and PostgreSQL.

Analyses ``--size`` PolNeAR train articles once, then for each of ``--rounds`` rounds and
each backend writes them into a fresh store twice: once by one writer in input order, once
by two writers at the same time (threads with a connection each, the articles split into
two disjoint halves, alternate articles each). Prints, per backend, how many rounds gave a
store identical to the one writer's (``corpus.arrival.snapshot``: everything but write
times and event ids), how many writes failed, and the tables that differed otherwise.

Two writers interleave their articles in an order no one chose, so any difference left is
an order-of-arrival effect (docs/corroboration.md, "Order of arrival"), not lost or doubled
rows. Before writers took turns (``Store.write``), PostgreSQL aborted one writer of most
rounds with a deadlock.

PostgreSQL: ``--postgres URL`` (a server where the user may create databases), or else a
throwaway server is started from Debian's ``postgresql`` package in a temporary folder.

Usage: ``python benchmarks/concurrent_ingest.py [--size 40] [--rounds 10] [--postgres URL]``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsgraph import Article, analyze_many  # noqa: E402
from newsgraph.corpus.arrival import difference, snapshot_of  # noqa: E402
from newsgraph.corpus.store import open_store  # noqa: E402
from newsgraph.corpus.writer import article_id, write_report  # noqa: E402

DATA = Path(os.environ.get("NEWSGRAPH_DATA") or REPO.parent / "shared" / "data")
POLNEAR = DATA / "dev" / "attribution" / "polnear" / "derived" / "polnear_train.derived.jsonl"


def polnear_articles(size: int) -> list[Article]:
    seen: dict[str, Article] = {}
    with POLNEAR.open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            if row["doc"] not in seen and len(seen) < size:
                # Document ids read "outlet_YYYY-MM-DD_slug".
                outlet, day = (row["doc"].split("_") + ["", ""])[:2]
                seen[row["doc"]] = Article(text=row["text"], outlet=outlet, published=day if len(day) == 10 else None)
    return list(seen.values())


def write_all(address: str, reports) -> None:
    store = open_store(address)
    try:
        for report in reports:
            write_report(store, "benchmark", article_id(report.article.text), report)
    finally:
        store.close()


def write_together(address: str, halves) -> list[str]:
    """Each half by its own thread and connection, all at once; the errors the writers met."""
    open_store(address).close()  # the schema, as a store being filled already has it
    errors: list[str] = []

    def run(half) -> None:
        try:
            write_all(address, half)
        except Exception as exc:  # noqa: BLE001 - counted and printed, the round goes on
            errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")

    threads = [threading.Thread(target=run, args=(half,)) for half in halves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A PostgreSQL server in a temporary folder (as tests/conftest.py starts one); its admin URL."""
    def binary(name: str) -> Optional[str]:
        return shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)

    initdb, pg_ctl = binary("initdb"), binary("pg_ctl")
    if not initdb or not pg_ctl:
        raise SystemExit("PostgreSQL server binaries not found: install postgresql or give --postgres URL")
    folder = tempfile.mkdtemp(prefix="newsgraph-bench-pg-")
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        import pwd

        entry = pwd.getpwnam("postgres")
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data = os.path.join(folder, "data")
    subprocess.run([*run_as, initdb, "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"], check=True, capture_output=True)
    options = f"-c listen_addresses='' -c unix_socket_directories={folder} -c fsync=off"
    subprocess.run([*run_as, pg_ctl, "-D", data, "-l", os.path.join(folder, "log"), "-o", options, "-w", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@/postgres?host={folder}"
    finally:
        subprocess.run([*run_as, pg_ctl, "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


class Stores:
    """Fresh empty stores of one backend, one per call."""

    def __init__(self, backend: str, folder: Path, admin: Optional[str]) -> None:
        self.backend, self.folder, self.admin, self.made = backend, folder, admin, 0

    def fresh(self) -> str:
        self.made += 1
        if self.backend == "sqlite":
            return str(self.folder / f"store{self.made}.db")
        import psycopg

        assert self.admin is not None
        name = f"newsgraph_bench{self.made}"
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        base, _, query = self.admin.partition("?")
        return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


def measure(stores: Stores, reports, rounds: int) -> dict:
    alone = stores.fresh()
    write_all(alone, reports)
    reference = snapshot_of(alone)
    identical, failed, differences, seconds = 0, 0, [], 0.0
    for _ in range(rounds):
        address = stores.fresh()
        start = time.perf_counter()
        errors = write_together(address, [reports[0::2], reports[1::2]])
        seconds += time.perf_counter() - start
        failed += len(errors)
        differs = difference(snapshot_of(address), reference)
        identical += not errors and not differs
        if errors or differs:
            differences.append({"errors": errors, "tables": differs})
    return {"identical": identical, "rounds": rounds, "failed_writes": failed, "seconds": round(seconds, 2), "differences": differences}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=40, help="PolNeAR train articles to write (analysed once)")
    parser.add_argument("--rounds", type=int, default=10, help="rounds of two writers per backend")
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server (default: start a throwaway one)")
    args = parser.parse_args()
    start = time.perf_counter()
    reports = list(analyze_many(polnear_articles(args.size)))
    print(f"analysed {len(reports)} PolNeAR train articles in {time.perf_counter() - start:.0f} s")
    with tempfile.TemporaryDirectory() as folder:
        results = {"sqlite": measure(Stores("sqlite", Path(folder), None), reports, args.rounds)}
        with (contextmanager(lambda: iter([args.postgres]))() if args.postgres else throwaway_postgres()) as admin:
            results["postgresql"] = measure(Stores("postgresql", Path(folder), admin), reports, args.rounds)
    for backend, result in results.items():
        print(
            f"{backend:10} two writers gave the one writer's store in {result['identical']}/{result['rounds']} rounds; "
            f"failed writes {result['failed_writes']}; {result['seconds']} s for the rounds"
        )
        for number, differs in enumerate(result["differences"], 1):
            print(f"  differing round {number}: {differs}")


if __name__ == "__main__":
    main()
