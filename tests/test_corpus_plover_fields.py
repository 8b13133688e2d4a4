"""GeoNames ids and casualty counts through the store (SQLite and PostgreSQL) and the exports."""

from __future__ import annotations

import csv
import json

import jsonschema_rs
import pytest

from newsgraph import Article, Corpus
from newsgraph.corpus.export import export
from newsgraph.resources import catalogue_json

# The same attack twice: the later report's higher toll is the event's count.
ARTICLES = [
    ("A", "2024-05-01", "Islamic State militants attacked Egyptian police in Alexandria on Monday, killing 5 policemen."),
    ("B", "2024-05-02", "Islamic State militants attacked Egyptian police in Alexandria on Monday, killing 7 policemen, officials said."),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "fields.db")
        return
    # A database of its own on the shared server: the server's "newsgraph" database must hold
    # exactly the corpus that test_corpus_postgres compares with SQLite.
    import psycopg

    url = request.getfixturevalue("postgres_url")
    admin = url.replace("/newsgraph?", "/postgres?")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS newsgraph_fields")
        conn.execute("CREATE DATABASE newsgraph_fields")
    yield url.replace("/newsgraph?", "/newsgraph_fields?")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS newsgraph_fields")


@pytest.fixture
def filled(store_target, nlp):
    articles = [Article(text=text, outlet=outlet, published=day) for outlet, day, text in ARTICLES]
    with Corpus(store_target) as corpus:
        corpus.ingest(articles, check_language=False)
        yield corpus


def test_the_store_keeps_geonames_ids_and_the_largest_count(filled):
    events = filled.events()
    placed = events[events["location"] == "Alexandria"].iloc[0]
    assert (placed["geonameid"], placed["country"]) == (361058, "EGY")
    assert placed["latitude"] == pytest.approx(31.20176) and placed["longitude"] == pytest.approx(29.91582)
    counted = events[events["killed"].notna()]
    assert counted["killed"].tolist() == [7]
    mentions = filled.mentions(counted.iloc[0]["event_id"])
    assert sorted(mentions["killed"].tolist()) == [5, 7]


def test_plover_export_has_size_and_geonames_location(filled, tmp_path):
    export(filled, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    schema = jsonschema_rs.validator_for(catalogue_json("plover_schema.json"))
    assert [e.message for r in records for e in schema.iter_errors(r)] == []
    sized = [r for r in records if "size" in r]
    assert [r["size"] for r in sized] == [{"dead": 7}]
    place = next(r["event_loc"] for r in records if r["event_loc"])
    assert place == {"extracted_place": "Alexandria", "country_code": "EGY", "geonameid": 361058, "lat": 31.20176, "lon": 29.91582}


def test_table_exports_write_integer_ids_and_counts(filled, tmp_path):
    export(filled, "csv", tmp_path / "e.csv")
    with open(tmp_path / "e.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # Both events (the attack, and the killing it caused) happened in Alexandria; only the killing has a toll.
    assert {r["geonameid"] for r in rows} == {"361058"}
    assert {r["killed"] for r in rows} == {"7", ""}
    export(filled, "jsonl", tmp_path / "e.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert sorted(r["killed"] for r in lines if r["killed"] is not None) == [7]
    assert all(m["killed"] in (None, 5, 7) for r in lines for m in r["mention_records"])
    export(filled, "cameo-tsv", tmp_path / "e.tsv")
    header, *table = [line.split("\t") for line in (tmp_path / "e.tsv").read_text().splitlines()]
    lat = header.index("Lat")
    assert {row[lat] for row in table} == {"31.20176"}


def test_plover_actor_names_a_side_no_actor_stands_for(tmp_path, nlp):
    """The manual requires an actor: an unnamed party keeps the words that name it."""
    with Corpus(str(tmp_path / "unnamed.db")) as corpus:
        corpus.ingest([Article(text="Protesters marched on the parliament in Paris on Monday.")], check_language=False)
        export(corpus, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert [r["actor"] for r in records if r["event"] == ["PROTEST"]] == [[{"entity_text": "Protesters"}]]
