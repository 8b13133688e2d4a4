"""Exports validated format by format, the corpus CLI commands, and resume after SIGKILL."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import jsonschema_rs
import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph import Corpus
from newsgraph.cli import app
from newsgraph.corpus.export import PHOENIX_COLUMNS, PLOVER_QUADS, export, plover_record, quad_class
from newsgraph.resources import catalogue_json

runner = CliRunner()

# Field names from the PLOVER manual's "PLOVER JSON" table (required: id, date, actor, event).
PLOVER_FIELDS = {
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc", "event_text",
    "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info", "coder", "coded_date",
    "coded_time", "comment",
}  # fmt: skip
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
CITE_FIELDS = {"corpus", "citation", "url", "title", "language", "publication", "license", "copyright", "coder", "codebook", "version"}
ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity", "office", "gender", "age"}


@pytest.mark.parametrize("cameo, quad", [("010", 1), ("057", 1), ("061", 2), ("080", 2), ("090", 3), ("138", 3), ("140", 4), ("190", 4), ("204", 4), (None, None), ("xx", None)])
def test_quad_class(cameo, quad):
    assert quad_class(cameo) == quad


def test_jsonl_csv_parquet_round_trip(corpus_db, tmp_path):
    import pyarrow.parquet as pq

    with Corpus(corpus_db) as corpus:
        events = corpus.events()
        assert export(corpus, "jsonl", tmp_path / "e.jsonl") == len(events)
        rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
        assert [r["event_id"] for r in rows] == events["event_id"].tolist()
        assert [len(r["mention_records"]) for r in rows] == events["mentions"].tolist()
        export(corpus, "csv", tmp_path / "e.csv")
        with open(tmp_path / "e.csv", newline="") as handle:
            table = list(csv.DictReader(handle))
        assert [r["event_id"] for r in table] == events["event_id"].tolist()
        assert [int(r["origins"]) for r in table] == events["origins"].tolist()
        export(corpus, "parquet", tmp_path / "e.parquet")
        back = pq.read_table(tmp_path / "e.parquet").to_pandas()
        assert back["event_id"].tolist() == events["event_id"].tolist()
        assert back["goldstein"].tolist() == events["goldstein"].tolist()
        assert export(corpus, "parquet", tmp_path / "none.parquet", actor="nobody at all") == 0
        assert pq.read_table(tmp_path / "none.parquet").num_rows == 0


PLOVER_SCHEMA = catalogue_json("plover_schema.json")


def plover_errors(record: dict) -> list[str]:
    return [error.message for error in jsonschema_rs.validator_for(PLOVER_SCHEMA).iter_errors(record)]


def test_plover_records_follow_the_manual(corpus_db, tmp_path):
    with Corpus(corpus_db) as corpus:
        count = export(corpus, "plover", tmp_path / "p.jsonl")
        records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert count == len(records) > 0
    assert {r["id"]: plover_errors(r) for r in records} == {r["id"]: [] for r in records}
    extras = {"goldstein", "mentions", "origins", "contradicted"}
    for record in records:
        assert {"id", "date", "actor", "event"} <= set(record)
        assert set(record) <= PLOVER_FIELDS | extras
        assert set(record["event"]) <= PLOVER_TYPES
        assert len(record["date"]) == 10 and record["date"][4] == "-"
        for entity in record["actor"] + record["recipient"]:
            assert set(entity) <= ENTITY_FIELDS and len(entity.get("code", "XXX")) == 3
        assert set(record["cite_info"]) <= CITE_FIELDS
        assert record["quad_code"] in {1, 2, 3, 4, None}
    assault = next(r for r in records if r["event"] == ["ASSAULT"])
    assert assault["actor"][0] == {"entity_text": "Hamas", "identifier_id": "cat:hamas", "code": "PSE", "sector": "REB"}
    assert assault["quad_code"] == 4
    assert assault["event_loc"]["extracted_place"] == "Gaza"


# A stored event as ``Corpus.events`` gives it, for plover_record.
EVENT = {
    "event_id": "ev-1", "date": "2024-05-01", "date_end": "2024-05-01", "source_actor": "Egypt", "source_code": "EGY",
    "source_key": "country:EGY", "target_actor": "Turkey", "target_code": "TUR", "target_key": "country:TUR",
    "cameo": "190", "plover_type": "THREATEN", "goldstein": -10.0, "location": None, "country": None,
    "mentions": 1, "origins": 1, "contradicted": 0,
}  # fmt: skip


@pytest.mark.parametrize(
    "plover_type, cameo, quad",
    [
        ("THREATEN", "190", 3),  # "threatened to attack": CAMEO 19x is material, the threat verbal
        ("SANCTION", "163", 4),  # the manual's category sections: material conflict
        ("AGREE", "190", 1),  # a promised act coded AGREE
        ("RETREAT", "087", 2),
        ("REQUEST", "010", 3),
        ("ASSAULT", "180", 4),
    ],
)
def test_plover_quad_code_is_the_categorys(plover_type, cameo, quad):
    record = plover_record({**EVENT, "plover_type": plover_type, "cameo": cameo}, None, None, "2024-06-01")
    assert record["quad_code"] == quad
    assert plover_errors(record) == []


@pytest.mark.parametrize(
    "change, message",
    [
        ({"actor": []}, "[] has less than 1 item"),
        ({"event": ["FIGHT"]}, '"FIGHT" is not one of'),  # PLOVER 0.5b1's name, not the manual's
        ({"quad_code": 3, "event": ["SANCTION"]}, "4 was expected"),
        ({"date": "1 May 2024"}, "does not match"),
        ({"actor": [{"actorText": "Egypt"}]}, "Additional properties are not allowed"),
    ],
)
def test_the_plover_schema_refuses_what_the_manual_does(change, message):
    record = {**plover_record(EVENT, None, None, "2024-06-01"), **change}
    assert any(message in error for error in plover_errors(record)), plover_errors(record)


def test_the_schemas_quad_classes_are_the_exports():
    from_schema = {c: rule["then"]["properties"]["quad_code"]["const"] for rule in PLOVER_SCHEMA["allOf"] for c in rule["if"]["properties"]["event"]["contains"]["enum"]}
    assert from_schema == PLOVER_QUADS and len(PLOVER_QUADS) == 16


def test_plover_export_leaves_out_events_without_category_or_actor(tmp_path):
    """The manual requires an actor and an event category: an event with neither a stored
    actor nor words naming one, or without a category, is no PLOVER record; both are counted."""
    from conftest import filled_corpus

    from newsgraph.model import Actor, Article, Event, Factuality, Plover, Report

    text = "Someone attacked the town on Monday. Egypt did something to Turkey."
    egypt = Actor(id="a1", name="Egypt", code="EGY", kind="country", mentions=((37, 42),), entity="country:EGY")
    turkey = Actor(id="a2", name="Turkey", code="TUR", kind="country", mentions=((61, 67),), entity="country:TUR")

    def event(number, sources, plover, cameo, trigger, targets=()):
        return Event(id=f"evt-{number}", sources=sources, targets=targets, cameo=cameo, plover=Plover(plover), goldstein=None,
                     trigger=trigger, sentence=(0, len(text)), factuality=Factuality(), text=text[trigger[0]:trigger[1]])

    report = Report(
        article=Article(text=text, published="2024-05-01"),
        actors=(egypt, turkey),
        events=(event(1, (), "ASSAULT", "190", (8, 16)), event(2, ("a1",), None, "010", (47, 56), ("a2",)),
                event(3, ("a1",), "ACCUSE", "112", (47, 56), ("a2",))),
    )  # fmt: skip
    with filled_corpus(tmp_path / "left.db", [report]) as corpus:
        written = export(corpus, "plover", tmp_path / "p.jsonl")
        result = runner.invoke(app, ["export", "--format", "plover", "--db", str(tmp_path / "left.db"), "-o", str(tmp_path / "q.jsonl")])
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert [r["event"] for r in records] == [["ACCUSE"]] and written == 1
    assert written.left_out == {"no PLOVER category": 1, "no actor": 1}
    assert "left out 2 events: 1 with no PLOVER category, 1 with no actor" in result.output


def test_cameo_tsv_is_dyadic_and_phoenix_ordered(corpus_db, tmp_path):
    with Corpus(corpus_db) as corpus:
        export(corpus, "cameo-tsv", tmp_path / "e.tsv")
        events = corpus.events()
    rows = list(csv.reader(io.StringIO((tmp_path / "e.tsv").read_text()), delimiter="\t"))
    assert rows[0] == PHOENIX_COLUMNS and len(rows) == len(events) + 1
    record = dict(zip(rows[0], next(r for r in rows[1:] if r[13] == "190")))
    assert (record["SourceActorFull"], record["SourceActorEntity"], record["TargetActorEntity"]) == ("PSEREBHMS", "PSE", "ISR")
    assert (record["EventRootCode"], record["QuadClass"], record["Date"]) == ("19", "4", record["Year"] + record["Month"] + record["Day"])
    assert record["NumMentions"] == "4" and record["NumOrigins"] == "2"


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_actor_graph_files_load_in_networkx(corpus_db, tmp_path, fmt, reader):
    with Corpus(corpus_db) as corpus:
        graph = corpus.graph()
        path = tmp_path / f"g.{fmt}"
        assert export(corpus, fmt, path) == graph.number_of_edges() > 0
    loaded = reader(path)
    assert loaded.number_of_nodes() == graph.number_of_nodes()
    assert loaded.number_of_edges() == graph.number_of_edges()
    edges = [d for _, _, d in loaded.edges(data=True) if d.get("plover_type") == "ASSAULT"]
    assert edges and int(edges[0]["count"]) == 1 and float(edges[0]["mean_goldstein"]) == -10.0 and int(edges[0]["origins"]) == 2
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes["cat:hamas"]["label"] == "Hamas"


@pytest.mark.parametrize(
    "args, expect",
    [
        (["events", "--format", "json"], "ASSAULT"),
        (["events", "--actor", "Hamas", "--min-origins", "2", "--format", "csv"], "Hamas"),
        (["events", "--type", "ASSAULT", "--since", "2016-01-01"], "Events (1)"),
        (["claims", "--actor", "Amnesty International", "--format", "json"], "Amnesty"),
        (["actors", "--format", "csv"], "cat:hamas"),
        (["sources", "--outlet", "Outlet C", "--format", "csv"], "Amnesty"),
        (["timeline", "Hamas", "--format", "csv"], "Israeli troops"),
        (["contradictions", "--format", "json"], "Outlet D"),
        (["export", "--format", "plover"], '"event": ["ASSAULT"]'),
    ],
)
def test_corpus_commands(corpus_db, args, expect):
    result = runner.invoke(app, [*args, "--db", str(corpus_db)])
    assert result.exit_code == 0, result.output
    assert expect in result.output


def test_events_json_is_parseable(corpus_db):
    result = runner.invoke(app, ["events", "--db", str(corpus_db), "--format", "json"])
    records = json.loads(result.stdout)
    assert records and {"event_id", "origins", "mentions"} <= set(records[0])


@pytest.mark.parametrize("args", [["export", "--format", "xml"], ["export", "--format", "parquet"], ["events", "--format", "yaml"]])
def test_bad_corpus_options_are_clear(corpus_db, args):
    result = runner.invoke(app, [*args, "--db", str(corpus_db)])
    assert result.exit_code == 2 and "error" in result.output and "Traceback" not in result.output


def test_ingest_command(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Egypt accused Turkey of supporting militants in Sinai, officials said.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-language-check"])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output and "1 errors" in result.output
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-language-check"])
    assert "0 stored, 1 already stored" in result.output


def _articles(n: int) -> list[dict]:
    actors = ["Egypt", "Turkey", "Iran", "Iraq", "Israel", "Jordan", "Syria", "Qatar"]
    verbs = ["accused", "warned", "criticised", "met", "praised", "threatened"]
    return [
        {
            "text": f"{actors[i % 8]} {verbs[i % 6]} {actors[(i + 3) % 8]} on day {i} of the talks in Vienna, officials told reporters. "
            f"The ministry said the dispute over item {i} would go on.",
            "outlet": f"Outlet {i % 3}",
            "published": f"2020-03-{1 + i % 28:02d}",
        }
        for i in range(n)
    ]


def test_resume_after_sigkill_stores_every_article_once(tmp_path):
    data = tmp_path / "in.jsonl"
    articles = _articles(60)
    data.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "newsgraph.cli", "ingest", str(data), "--db", str(db), "--no-language-check"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed_at = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    killed_at = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                killed_at = 0
            if killed_at >= 5:
                os.kill(process.pid, signal.SIGKILL)
                break
        time.sleep(0.02)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    with Corpus(db) as corpus:
        partial = corpus.counts()["articles"]
    assert 5 <= partial < len(articles)
    finished = subprocess.run(command, capture_output=True, timeout=300)
    assert finished.returncode == 0, finished.stderr.decode()
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        texts = {r[0] for r in conn.execute("SELECT text FROM articles")}
        orphans = conn.execute(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.article_id = a.id)"
        ).fetchone()[0]
        mentionless = conn.execute(
            "SELECT COUNT(*) FROM reports r WHERE r.report LIKE '%\"trigger\"%' AND NOT EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.article_id = r.article_id)"
        ).fetchone()[0]
        stale = conn.execute("SELECT COUNT(*) FROM events e WHERE e.mentions <> (SELECT COUNT(*) FROM mentions m WHERE m.event_id = e.id)").fetchone()[0]
    assert len(ids) == len(set(ids)) == len(articles)
    assert texts == {a["text"] for a in articles}
    assert orphans == 0 and mentionless == 0 and stale == 0
