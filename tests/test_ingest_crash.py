"""Crash and concurrency safety of ``newsgraph ingest`` on SQLite: SIGKILL at random points, two
writers at once. The store ends with every article exactly once and each one whole."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from newsgraph.corpus.writer import mention_rows
from newsgraph.model import Report

SEED = 6


def _records(start: int, stop: int) -> list[dict]:
    actors = ["Egypt", "Turkey", "Iran", "Iraq", "Israel", "Jordan", "Syria", "Qatar"]
    verbs = ["accused", "warned", "criticised", "met", "praised", "threatened"]
    return [
        {
            "text": f"{actors[i % 8]} {verbs[i % 6]} {actors[(i + 3) % 8]} on day {i} of the talks in Vienna, officials told "
            f"reporters. The ministry said the dispute over item {i} would go on.",
            "outlet": f"Outlet {i % 3}",
            "published": f"2020-03-{1 + i % 28:02d}",
        }
        for i in range(start, stop)
    ]


def _write(path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _command(data, db) -> list[str]:
    return [sys.executable, "-m", "newsgraph.cli", "ingest", str(data), "--db", str(db), "--no-language-check"]


def _count(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def assert_whole(db, texts: set[str]) -> None:
    """Every article once, each with its report, all its mentions and its actors; counters agree."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute("SELECT a.id, a.text, r.report FROM articles a LEFT JOIN reports r ON r.article_id = a.id").fetchall()
        assert sorted(r[1] for r in rows) == sorted(texts)
        for key, _, data in rows:
            assert data is not None, f"{key} has no report"
            report = Report.from_dict(json.loads(data))
            expected = sum(len(mention_rows(report, event)) for event in report.events)
            found = conn.execute("SELECT COUNT(*) FROM mentions WHERE article_id = ?", (key,)).fetchone()[0]
            assert found == expected, f"{key}: {found} of {expected} mentions"
            sources = conn.execute("SELECT COUNT(*) FROM sources WHERE article_id = ?", (key,)).fetchone()[0]
            assert sources == len(report.attributions)
        stale = conn.execute(
            "SELECT COUNT(*) FROM events e WHERE e.mentions <> (SELECT COUNT(*) FROM mentions m WHERE m.event_id = e.id)"
        ).fetchone()[0]
        empty = conn.execute("SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)").fetchone()[0]
        miscounted = conn.execute(
            "SELECT COUNT(*) FROM actors x WHERE x.articles <> (SELECT COUNT(*) FROM article_actors aa WHERE aa.actor_key = x.actor_key)"
        ).fetchone()[0]
        assert (stale, empty, miscounted) == (0, 0, 0)
        assert conn.execute("SELECT COUNT(*) FROM errors").fetchone()[0] == 0


def test_repeated_sigkill_then_rerun_leaves_every_article_once_and_whole(tmp_path):
    records = _records(0, 120)
    data, db = tmp_path / "in.jsonl", tmp_path / "c.db"
    _write(data, records)
    rng = random.Random(SEED)
    kills = 0
    for _ in range(3):
        # Kill at a random point of the run: after a random number of its writes, mid-chunk.
        target = _count(db) + rng.randint(1, 30)
        process = subprocess.Popen(_command(data, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and _count(db) < target:
            time.sleep(0.005)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
    assert kills == 3, "ingest finished before it could be killed"
    assert _count(db) < len(records)
    finished = subprocess.run(_command(data, db), capture_output=True, timeout=300)
    assert finished.returncode == 0, finished.stderr.decode()
    assert_whole(db, {r["text"] for r in records})


def test_two_ingests_into_one_store_at_once(tmp_path):
    first, second = _records(0, 30), _records(15, 45)  # 15 articles in both
    a, b, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.db"
    _write(a, first)
    _write(b, list(reversed(second)))
    processes = [subprocess.Popen(_command(path, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for path in (a, b)]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    assert_whole(db, {r["text"] for r in first + second})
