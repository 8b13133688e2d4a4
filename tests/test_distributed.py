"""The dask engine on a real local cluster (2 worker processes) gives the corpus a single process gives."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from newsgraph import Article, Corpus
from newsgraph.cli import app
from newsgraph.corpus import IngestOptions
from newsgraph.corpus.parquet import ingest_to_parquet
from newsgraph.corpus.store import open_store

distributed = pytest.importorskip("distributed", reason="the 'distributed' extra is not installed (make install-dev)")

# Every table, less the wall-clock columns.
TABLES = {
    "articles": "SELECT id, title, url, outlet, published, text, item FROM articles",
    "reports": "SELECT article_id, report FROM reports",
    "events": "SELECT * FROM events",
    "mentions": "SELECT * FROM mentions",
    "claims": "SELECT * FROM claims",
    "sources": "SELECT * FROM sources",
    "actors": "SELECT * FROM actors",
    "article_actors": "SELECT * FROM article_actors",
    "errors": "SELECT item, article_id, code, reason FROM errors",
    "event_origins": "SELECT * FROM event_origins",
}


def snapshot(db) -> dict[str, list]:
    """Every table's rows, from a SQLite file or a PostgreSQL URL."""
    store = open_store(str(db))
    try:
        return {name: sorted((tuple(row) for row in store.rows(sql)[1]), key=repr) for name, sql in TABLES.items()}
    finally:
        store.close()


@pytest.fixture(scope="module")
def cluster():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    yield cluster
    cluster.close()


@pytest.fixture(scope="module")
def inputs(corpus_articles):
    # The corpus fixture's articles, an article whose text is too long, and one already seen.
    return [*corpus_articles, Article(text="x " * 600, title="too long"), corpus_articles[0]]


@pytest.fixture(scope="module")
def single(tmp_path_factory, inputs, nlp):
    path = tmp_path_factory.mktemp("single") / "single.db"
    with Corpus(path) as corpus:
        corpus.ingest(inputs, check_language=False, max_chars=1000)
    return snapshot(path)


def test_dask_ingest_matches_a_single_process(cluster, tmp_path, inputs, single):
    with Corpus(tmp_path / "dask.db") as corpus:
        stats = corpus.ingest(inputs, check_language=False, max_chars=1000, engine="dask", scheduler=cluster.scheduler_address)
    assert (stats.stored, stats.errors, stats.skipped) == (5, 1, 1)
    mine = snapshot(tmp_path / "dask.db")
    assert mine == single
    with sqlite3.connect(tmp_path / "dask.db") as conn:  # dedup and origins ran across articles
        assert conn.execute("SELECT MAX(mentions), MAX(origins) FROM events").fetchone() == (4, 2)


def test_dask_ingest_into_postgresql_matches_a_single_process(cluster, postgres_url, inputs, single):
    psycopg = pytest.importorskip("psycopg")
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE newsgraph_dask")
    url = postgres_url.replace("/newsgraph?", "/newsgraph_dask?")
    with Corpus(url) as corpus:
        stats = corpus.ingest(inputs, check_language=False, max_chars=1000, engine="dask", scheduler=cluster.scheduler_address)
    assert (stats.stored, stats.errors, stats.skipped) == (5, 1, 1)
    assert snapshot(url) == single


def test_parquet_partitions_load_into_the_same_corpus(cluster, tmp_path, inputs, single):
    folder = tmp_path / "parts"
    stats = ingest_to_parquet(inputs, folder, IngestOptions(check_language=False, max_chars=1000, engine="dask", scheduler=cluster.scheduler_address))
    assert (stats.seen, stats.stored, stats.errors) == (7, 6, 1)
    assert sorted(p.name for p in folder.iterdir()) == ["part-000000.parquet"]
    with Corpus(tmp_path / "loaded.db") as corpus:
        loaded = corpus.load_parquet(folder)
        assert (loaded.stored, loaded.skipped, loaded.errors) == (5, 1, 1)
        again = corpus.load_parquet(folder)
        assert (again.stored, again.skipped) == (0, 6)
    assert snapshot(tmp_path / "loaded.db") == single


def test_cli_dask_engine_and_load_parquet(cluster, tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Egypt accused Turkey of supporting militants in Sinai, officials said.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    runner = CliRunner()
    address = ["--engine", "dask", "--scheduler", cluster.scheduler_address, "--no-language-check"]
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "c.db"), *address])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output and "1 errors" in result.output
    result = runner.invoke(app, ["ingest", str(folder), *address, "--output-parquet", str(tmp_path / "parts")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["load-parquet", str(tmp_path / "parts"), "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 0 and "1 stored" in result.output, result.output
    assert snapshot(tmp_path / "c.db") == snapshot(tmp_path / "d.db")
    result = runner.invoke(app, ["load-parquet", str(tmp_path / "nothing"), "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 2 and "E603" in result.output
