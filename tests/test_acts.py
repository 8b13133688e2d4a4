"""Attribution acts (speech, thought, intention, perception, evidence) and the quotes view."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from newsgraph.evaluation.acts import load_acts, score
from newsgraph.model import ACTS, SCHEMA, Report
from newsgraph.resources import catalogue_jsonl

# (sentence, words of the cue, act): one row per rule of docs/acts.md
ACT_CASES = [
    ("Trump said he would win the nomination.", "said", "speech"),
    ("Clinton told reporters that the deal was dead.", "told", "speech"),
    ('Sanders: "We will win New York."', ":", "speech"),
    ("According to the ministry, five people died in the strike.", "According to", "speech"),
    ("According to a Quinnipiac poll, Trump leads in Ohio.", "According to", "evidence"),
    ("A new poll found that most voters oppose the plan.", "found", "evidence"),
    ("The emails show that she knew about the server.", "show", "evidence"),
    ("Clinton suggested that the rules were unfair.", "suggested", "speech"),
    ("Officials believe the attack was planned.", "believe", "thought"),
    ("Republicans are expected to block the bill.", "are expected", "thought"),
    ("She found the remarks offensive.", "found", "thought"),
    ("Clinton vowed to fight the ruling in court.", "vowed", "intention"),
    ("Clinton vowed that she would fight the ruling.", "vowed", "speech"),
    ("Trump wants to build a wall on the border.", "wants", "intention"),
    ("A spokeswoman declined to comment on the request.", "declined", "intention"),
    ("Only a quarter of Americans agree with him.", "agree with", "thought"),
    ("Most voters see the deal as a betrayal.", "see", "thought"),
]


@pytest.mark.parametrize(("text", "cue", "act"), ACT_CASES)
def test_each_attribution_has_the_act_its_cue_gives(analyze_text, text, cue, act):
    report = analyze_text(text)
    found = {a.cue.text: a.act for a in report.attributions}
    assert found.get(cue) == act, found


def test_quotes_are_the_speech_attributions_with_their_speakers(analyze_text):
    report = analyze_text('Officials believe the attack was planned. "We will respond," Netanyahu said on Monday.')
    quotes = report.quotes()
    assert [(q.speaker, q.cue, q.type, q.text) for q in quotes] == [("Netanyahu", "said", "direct", "We will respond")]
    quote = quotes[0]
    assert quote.speaker_actor is not None and quote.speaker_entity
    assert quote.chain == ("Benjamin Netanyahu", "author") and report.span_text(quote.spans[0]) == quote.text


def test_a_report_keeps_its_acts_through_json(analyze_text):
    report = analyze_text("Clinton vowed to fight the ruling. Trump said he would win.")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["schema"] == SCHEMA == "newsgraph.report/2"
    again = Report.from_dict(data)
    assert [a.act for a in again.attributions] == [a.act for a in report.attributions] == ["intention", "speech"]


def test_a_report_of_the_first_schema_reads_with_no_acts(analyze_text):
    data = analyze_text("Trump said he would win.").to_dict()
    data["schema"] = "newsgraph.report/1"
    for attribution in data["attributions"]:
        del attribution["act"]
    old = Report.from_dict(data)
    assert old.schema == "newsgraph.report/1"
    assert [a.act for a in old.attributions] == [None] and old.quotes() == ()


SCORE_CASES = [
    # (pairs of (doc, predicted, gold), accuracy, speech F1)
    ([("d1", "speech", "speech"), ("d1", "thought", "thought")], 100.0, 100.0),
    ([("d1", "speech", "speech"), ("d2", "speech", "thought")], 50.0, 66.67),
    ([("d1", None, "speech"), ("d1", "speech", "speech")], 100.0, 100.0),  # a cue not found is not scored
]


@pytest.mark.parametrize(("pairs", "accuracy", "speech_f1"), SCORE_CASES)
def test_act_scores(pairs, accuracy, speech_f1):
    metrics, details = score(pairs)
    assert metrics["act.accuracy"] == accuracy and metrics["speech.f1"] == speech_f1
    assert details["found"] == sum(p is not None for _, p, _ in pairs)


def test_the_judged_acts_are_keyed_by_offsets_only():
    rows = list(catalogue_jsonl("judged_acts.jsonl"))
    assert len(rows) >= 700
    for row in rows:
        assert set(row) <= {"doc", "cue", "act", "judge", "round", "not_attribution"}
        assert row["act"] in ACTS and len(row["cue"]) == 2 and row["cue"][0] < row["cue"][1]
    keys = [(r["doc"], tuple(r["cue"])) for r in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert len(load_acts()) >= 45


def test_the_act_articles_are_judged_for_nothing_else():
    from newsgraph.evaluation.corroboration import real_case_articles
    from newsgraph.evaluation.judged_events import TRAINING_JUDGMENTS, load_judgments

    taken = set(load_judgments()) | set(load_judgments(packaged=TRAINING_JUDGMENTS)) | real_case_articles()
    assert not set(load_acts()) & taken


def test_the_corpus_lists_quotes_by_speaker(corpus_db):
    from newsgraph import Corpus

    with Corpus(corpus_db) as corpus:
        quotes = corpus.quotes()
        amnesty = corpus.quotes(actor="Amnesty International")
    assert len(quotes) >= 4 and set(quotes["type"]) <= {"direct", "indirect", "mixed", "according_to"}
    assert list(amnesty["speaker"]) == ["Amnesty International"]
    assert amnesty["text"].iloc[0].startswith("Hamas attacked Israeli troops")


def test_migration_6_gives_old_rows_their_words_but_no_act(tmp_path, corpus_db):
    from newsgraph.corpus.migrations import LATEST, migrate
    from newsgraph.corpus.store import open_store

    path = tmp_path / "v5.db"
    shutil.copy(corpus_db, path)
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT attribution, type, text, speaker_key FROM sources ORDER BY attribution").fetchall()
        conn.execute("DROP INDEX sources_act")
        conn.execute("DROP INDEX sources_quote")
        for column in ("act", "quote", "type", "text", "speaker_key"):
            conn.execute(f"ALTER TABLE sources DROP COLUMN {column}")
        conn.execute("ALTER TABLE events DROP COLUMN occasion")  # migration 7's
        conn.execute("DROP INDEX events_spans")  # migration 8's
        conn.execute("DELETE FROM schema_version WHERE version > 5")
    store = open_store(str(path))
    try:
        assert migrate(store) == LATEST
        after = store.rows("SELECT attribution, type, text, speaker_key FROM sources ORDER BY attribution")[1]
        assert [tuple(r) for r in after] == [tuple(r) for r in rows]
        assert store.scalar("SELECT COUNT(*) FROM sources WHERE act IS NOT NULL") == 0
    finally:
        store.close()


def test_cli_quotes_of_a_file(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    article = tmp_path / "a.txt"
    article.write_text('Officials believe the attack was planned. "We will respond," Netanyahu said on Monday.', encoding="utf-8")
    result = CliRunner().invoke(app, ["quotes", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(r["speaker"], r["cue"], r["text"]) for r in rows] == [("Netanyahu", "said", "We will respond")]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("Trump criticized the decision.", []),  # speech about a thing, not a statement
        ("Trump said the decision was a disgrace.", ["the decision was a disgrace"]),
        ('Trump called it "a disgrace."', ['it "a disgrace']),  # quoted words make it a statement
    ],
)
def test_a_quote_states_something(analyze_text, text, quotes):
    assert [q.text for q in analyze_text(text).quotes()] == quotes
