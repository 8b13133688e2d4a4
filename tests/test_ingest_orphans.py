"""Killing ``newsgraph ingest --workers N`` must not leave its worker processes (nor
multiprocessing's resource tracker) running on their own: each holds a spaCy pipeline
(about 600 MB) and, re-parented to PID 1, would live until the machine restarts.

Processes are found through /proc, so the test runs on Linux only.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc (Linux)")

# Long enough for the spawned workers to start (import spaCy, load the pipeline) and get busy.
START_SECONDS = 120
# How long dying may take: the workers' watchdog polls once a second.
DEATH_SECONDS = 20


def _stat(pid: int) -> tuple[int, str, int] | None:
    """(parent pid, state, start time) of ``pid``, or None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()  # the command name may hold spaces and parentheses
    return int(fields[1]), fields[0], int(fields[19])


def _descendants(root: int) -> set[tuple[int, int]]:
    """(pid, start time) of every living process below ``root``; the start time tells a reused pid apart."""
    children: dict[int, list[tuple[int, int]]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(int(entry))) is not None and stat[1] != "Z":
            children.setdefault(stat[0], []).append((int(entry), stat[2]))
    found: set[tuple[int, int]] = set()
    todo = [root]
    while todo:
        for pid, start in children.get(todo.pop(), []):
            found.add((pid, start))
            todo.append(pid)
    return found


def _alive(processes: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Those still running: a zombie has exited (nobody may be reaping it in a container)."""
    return {(pid, start) for pid, start in processes if (stat := _stat(pid)) is not None and stat[1] != "Z" and stat[2] == start}


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def _articles(path: Path, count: int) -> None:
    lines = (
        json.dumps({"text": f"Egypt accused Turkey of supporting militants in Sinai on day {i}, officials said. Talks on item {i} go on."})
        for i in range(count)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killing_ingest_leaves_no_worker_behind(tmp_path, kill):
    _articles(tmp_path / "in.jsonl", 2000)
    command = [sys.executable, "-m", "newsgraph.cli", "ingest", str(tmp_path / "in.jsonl"), "--db", str(tmp_path / "c.db"),
               "--no-language-check", "--workers", "2"]  # fmt: skip
    parent = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + START_SECONDS
        # two workers and the resource tracker, and a first chunk stored: the workers are busy
        while len(below := _descendants(parent.pid)) < 3 or not _stored(tmp_path / "c.db"):
            assert parent.poll() is None, parent.stderr.read().decode() if parent.stderr else ""
            assert time.monotonic() < deadline, f"workers did not start: {below}"
            time.sleep(0.2)
        below = _descendants(parent.pid)
        parent.send_signal(kill)
        status = parent.wait(timeout=DEATH_SECONDS)
        deadline = time.monotonic() + DEATH_SECONDS
        while _alive(below) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = _alive(below)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
    for pid, _ in left:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert left == set(), f"still running after {DEATH_SECONDS} s: {sorted(left)}"
    assert status == -kill if kill == signal.SIGKILL else status == 128 + signal.SIGTERM


# A parent that starts a tethered child with the kernel's help switched off (as on macOS or
# Windows), prints the child's pid and dies at once.
_WATCHDOG_ONLY = """
import os, subprocess, sys
child = subprocess.Popen([sys.executable, "-c", '''
import os, sys, time
from newsgraph.corpus import tether
tether._kernel_tether = lambda: None
tether.tether(int(sys.argv[1]))
print("tethered", flush=True)
time.sleep(120)
''', str(os.getpid())], stdout=subprocess.PIPE)
assert child.stdout.readline().strip() == b"tethered"
print(child.pid, flush=True)
os._exit(0)
"""


def test_the_watchdog_alone_ends_an_orphan():
    parent = subprocess.run([sys.executable, "-c", _WATCHDOG_ONLY], capture_output=True, timeout=START_SECONDS, check=True)
    child = int(parent.stdout.split()[-1])
    stat = _stat(child)
    processes = {(child, stat[2])} if stat else set()
    deadline = time.monotonic() + DEATH_SECONDS
    while _alive(processes) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _alive(processes)
    for pid, _ in left:
        os.kill(pid, signal.SIGKILL)
    assert left == set()
