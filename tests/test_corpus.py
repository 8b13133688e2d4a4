"""Corpus mode end to end: readers, idempotent ingest, the errors table, dedup, origins, queries."""

from __future__ import annotations

import json

import pytest

from newsgraph import Article, Corpus, Report
from newsgraph.corpus.inputs import iter_items

STORY = "Egypt accused Turkey of supporting militants in Sinai on Tuesday, officials said."
OTHER = "Iran warned Iraq against closing the border crossing near Basra, the foreign ministry said."

RSS = """<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test Wire</title>
<item><title>Border raid</title><link>https://wire.example/raid</link><pubDate>Tue, 10 May 2016 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{story}</p><p>{other}</p>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://wire.example/teaser</link><description>Read more.</description></item>
</channel></rss>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://paper.example/world/story.html</loc><news:news><news:publication><news:name>The Paper</news:name></news:publication>
<news:publication_date>2016-05-11T09:00:00Z</news:publication_date><news:title>Sinai claims</news:title></news:news></url>
<url><loc>https://paper.example/world/missing.html</loc></url>
</urlset>"""


def _items(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "line, code",
    [
        ('{"text": "%s", "outlet": "Wire", "published": "2016-05-10T08:00:00Z", "url": "https://w/1"}' % STORY, None),
        ('{"html": "<html><body><article><p>%s</p></article></body></html>", "title": "T"}' % OTHER, None),
        ("not json", "E402"),
        ('["a list"]', "E402"),
        ('{"title": "no body"}', "E402"),
        ('{"text": "   "}', "E001"),
        ('{"text": "%s", "published": "last week"}' % STORY, "E008"),
    ],
)
def test_jsonl_lines(tmp_path, line, code):
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (item,) = list(iter_items([path], check_language=False))
    assert item.label == f"{path}:1"
    if code is None:
        assert item.error is None and item.article.text
    else:
        assert item.article is None and item.error.code == code


def test_an_oversized_jsonl_line_is_refused_and_its_neighbours_kept(tmp_path):
    path = tmp_path / "in.jsonl"
    # Past the line limit (6 x 1,000 + 64 KiB): refused without being read whole.
    huge = json.dumps({"text": "\u00e9" * 20_000, "title": "x" * 70_000})
    # Under the line limit, but its text is over 1,000 characters: refused after parsing.
    giant = json.dumps({"text": "word " * 5_000})
    path.write_text("\n".join([json.dumps({"text": STORY}), huge, giant, json.dumps({"text": OTHER})]) + "\n", encoding="utf-8")
    items = list(iter_items([path], check_language=False, max_chars=1_000))
    assert [item.label for item in items] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    assert [item.error.code if item.error else None for item in items] == [None, "E004", "E004", None]
    assert "1,000" in str(items[1].error)


def test_jsonl_metadata(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": STORY, "outlet": "Wire", "published": "2016-05-10T23:00:00", "url": "https://w/1", "title": "T"}) + "\n")
    (item,) = iter_items([path], check_language=False)
    assert (item.article.outlet, item.article.published, item.article.url, item.article.title) == ("Wire", "2016-05-10", "https://w/1", "T")


def test_folders_feeds_and_sitemaps(tmp_path):
    folder = _items(tmp_path / "docs" if (tmp_path / "docs").mkdir() is None else None)
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS.format(story=STORY, other=OTHER), encoding="utf-8")
    sitemap = tmp_path / "site" / "sitemap.xml"
    (tmp_path / "site" / "paper.example" / "world").mkdir(parents=True)
    sitemap.write_text(SITEMAP, encoding="utf-8")
    (tmp_path / "site" / "paper.example" / "world" / "story.html").write_text(
        f"<html><head><title>x</title></head><body><article><p>{STORY} {OTHER}</p></article></body></html>", encoding="utf-8"
    )
    items = list(iter_items([folder, feed, sitemap, tmp_path / "nope.txt"], check_language=False))
    labels = [i.label.replace(str(tmp_path), "") for i in items]
    assert labels == [
        "/docs/a.txt", "/docs/sub/b.txt",  # hidden files skipped, names in order
        "/feed.rss#https://wire.example/raid", "/feed.rss#https://wire.example/teaser",
        "/site/sitemap.xml#https://paper.example/world/story.html", "/site/sitemap.xml#https://paper.example/world/missing.html",
        "/nope.txt",
    ]  # fmt: skip
    codes = [i.error.code if i.error else None for i in items]
    assert codes == [None, None, None, "E404", None, "E403", "E401"]
    entry, page = items[2].article, items[4].article
    assert (entry.outlet, entry.published, entry.title, entry.url) == ("Test Wire", "2016-05-10", "Border raid", "https://wire.example/raid")
    assert (page.outlet, page.published, page.title, page.url) == ("The Paper", "2016-05-11", "Sinai claims", "https://paper.example/world/story.html")
    assert STORY in entry.text and STORY in page.text


def test_ingest_is_idempotent_and_records_errors(tmp_path, nlp):
    data = tmp_path / "in.jsonl"
    lines = [{"text": STORY, "outlet": "A"}, {"text": "   "}, {"text": STORY, "outlet": "B"}, {"text": OTHER, "outlet": "A"}, {"oops": 1}]
    data.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    seen = []
    with Corpus(tmp_path / "c.db") as corpus:
        first = corpus.ingest([data], check_language=False, progress=lambda s: seen.append(s.stored + s.errors))
        # the verbatim copy in outlet B is the same article (content hash)
        assert (first.seen, first.stored, first.skipped, first.errors) == (5, 2, 1, 2)
        assert seen == sorted(seen) and seen[-1] == 4
        errors = corpus.errors()
        assert errors["item"].tolist() == [f"{data}:2", f"{data}:5"]
        assert errors["code"].tolist() == ["E001", "E402"]
        assert all(str(data) in reason for reason in errors["reason"])
        again = corpus.ingest([data], check_language=False)
        assert (again.stored, again.skipped, again.errors) == (0, 3, 2)
        assert corpus.counts()["articles"] == 2 and corpus.counts()["errors"] == 2
        # fixing an input clears its error
        lines[1] = {"text": "Turkey met Syria in Ankara on Monday, officials said.", "published": "2016-05-10"}
        data.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
        corpus.ingest([data], check_language=False)
        assert corpus.errors()["item"].tolist() == [f"{data}:5"]


def test_a_failing_article_is_recorded_and_the_batch_goes_on(tmp_path, monkeypatch, nlp):
    from newsgraph.corpus import analysis

    real = analysis.build_report

    def flaky(doc, article, *args, **kwargs):
        if "poison" in article.text:
            raise RuntimeError("boom")
        return real(doc, article, *args, **kwargs)

    monkeypatch.setattr(analysis, "build_report", flaky)
    articles = [Article(text=STORY), Article(text="A poison pill article.", url="https://x/poison"), Article(text=OTHER)]
    with Corpus(tmp_path / "c.db") as corpus:
        stats = corpus.ingest(articles, check_language=False)
        assert (stats.stored, stats.errors) == (2, 1)
        error = corpus.errors().iloc[0]
        assert error["code"] == "E301" and "boom" in error["reason"] and error["article_id"].startswith("art-")


def test_a_chunk_is_written_whole_or_not_at_all(tmp_path, monkeypatch, nlp):
    """Ingest writes a chunk of articles in one transaction: a write that fails half-way
    through a chunk leaves none of it (nor its errors), and the rerun stores each article once."""
    from newsgraph.corpus import analysis, batch

    real, analyse = batch.write_report, analysis.build_report

    def failing(store, label, key, report):
        if report.article.text == OTHER:
            raise RuntimeError("disk gone")
        return real(store, label, key, report)

    def flaky(doc, article, *args, **kwargs):
        if "poison" in article.text:
            raise RuntimeError("boom")
        return analyse(doc, article, *args, **kwargs)

    monkeypatch.setattr(batch, "write_report", failing)
    monkeypatch.setattr(analysis, "build_report", flaky)
    poison = Article(text="A poison pill article.")
    articles = [Article(text=STORY), poison, Article(text=OTHER), Article(text="Turkey met Syria in Ankara on Monday.")]
    with Corpus(tmp_path / "c.db") as corpus:
        with pytest.raises(RuntimeError, match="disk gone"):
            corpus.ingest(articles, check_language=False)
        assert (corpus.counts()["articles"], corpus.counts()["errors"]) == (0, 0)
        monkeypatch.setattr(batch, "write_report", real)
        stats = corpus.ingest(articles, check_language=False)
        assert (stats.stored, stats.errors) == (3, 1)
        assert (corpus.counts()["articles"], corpus.counts()["errors"]) == (3, 1)


def test_an_empty_article_object_is_an_input_error(tmp_path, nlp):
    """Articles given as objects are checked like files: an empty text is E001, not a stored
    article, and the batch's other articles are stored once each."""
    articles = [Article(text=STORY), Article(text="", url="https://x/empty"), Article(text=" \n\t", title="Blank"), Article(text=OTHER)]
    with Corpus(tmp_path / "c.db") as corpus:
        stats = corpus.ingest(articles, check_language=False)
        assert (stats.stored, stats.errors) == (2, 2)
        errors = corpus.errors()
        assert errors["code"].tolist() == ["E001", "E001"]
        assert sorted(errors["item"]) == ["Blank", "https://x/empty"]


def test_parquet_chunks_load_whole_or_not_at_all(tmp_path, monkeypatch, nlp):
    """``load_parquet`` writes as ``ingest`` does, a chunk a transaction: a write failing
    inside a chunk leaves none of it, and the rerun stores each article once."""
    from newsgraph.corpus import IngestOptions, parquet

    too_long = Article(text="x " * 600, title="too long")
    articles = [Article(text=STORY), too_long, Article(text=OTHER), Article(text="Turkey met Syria in Ankara on Monday.")]
    folder = tmp_path / "parts"
    assert parquet.ingest_to_parquet(articles, folder, IngestOptions(check_language=False, max_chars=1000)).stored == 3
    real = parquet.write_report

    def failing(store, label, key, report):
        if report.article.text == OTHER:
            raise RuntimeError("disk gone")
        return real(store, label, key, report)

    monkeypatch.setattr(parquet, "write_report", failing)
    with Corpus(tmp_path / "c.db") as corpus:
        with pytest.raises(RuntimeError, match="disk gone"):
            corpus.load_parquet(folder)
        assert (corpus.counts()["articles"], corpus.counts()["errors"]) == (0, 0)
        monkeypatch.setattr(parquet, "write_report", real)
        stats = corpus.load_parquet(folder)
        assert (stats.stored, stats.errors) == (3, 1)
        assert (corpus.counts()["articles"], corpus.counts()["errors"]) == (3, 1)


def test_menl_example_end_to_end(corpus_db):
    with Corpus(corpus_db) as corpus:
        assault = corpus.events(actor="Hamas", type="ASSAULT")
        asserted = assault[assault["factuality"] == "asserted"].iloc[0]
        # Outlet A and B relay MENL (one origin); Amnesty in Outlet C is a second; Hamas's
        # denial in Outlet D is a mention of the same event but corroborates nothing.
        assert len(assault) == 1
        assert asserted["mentions"] == 4 and asserted["origins"] == 2 and asserted["contradicted"]
        mentions = corpus.mentions(asserted["event_id"])
        assert sorted(mentions["outlet"]) == ["Outlet A", "Outlet B", "Outlet C", "Outlet D"]
        assert mentions.set_index("outlet")["factuality"]["Outlet D"] == "negated"
        assert all(chain[-1] == "author" for chain in mentions["chain"])
        assert corpus.events(min_origins=2)["event_id"].tolist() == [asserted["event_id"]]


def test_queries(corpus_db):
    with Corpus(corpus_db) as corpus:
        events = corpus.events()
        for column in ("event_id", "date", "source_actor", "target_actor", "cameo", "plover_type", "goldstein", "location", "mentions", "origins", "contradicted", "first_seen", "last_seen"):
            assert column in events.columns
        assert events["event_id"].is_unique
        assert corpus.events(actor="PSEREBHMS")["event_id"].tolist() == corpus.events(actor="hamas")["event_id"].tolist()
        assert corpus.events(since="2016-02-01")["date"].min() >= "2016-02-01"
        assert corpus.events(until="2016-01-31")["date"].max() <= "2016-01-31"
        assert len(corpus.events(limit=1)) == 1 and corpus.events(limit=1, offset=1)["event_id"][0] == events["event_id"][1]
        timeline = corpus.timeline("Hamas")
        assert timeline["date"].tolist() == sorted(timeline["date"])
        actors = corpus.actors()
        hamas = actors[actors["name"] == "Hamas"].iloc[0]
        assert hamas["actor_key"] == "cat:hamas" and hamas["articles"] == 4 and hamas["events"] >= 1
        assert "Hamas" in corpus.actors(search="ham")["name"].tolist()
        sources = corpus.sources(outlet="Outlet C")
        assert set(sources["outlet"]) == {"Outlet C"} and "Amnesty International" in sources["source"].tolist()
        articles = corpus.articles(search="amnesty")
        assert len(articles) == 1
        article = corpus.article(articles["id"][0])
        assert article["outlet"] == "Outlet C" and "Amnesty" in article["text"]
        report = corpus.report(article["id"])
        assert isinstance(report, Report) and report.article.text == article["text"]
        assert corpus.article("art-missing") is None and corpus.report("art-missing") is None
        assert len(corpus.articles(actor="Egypt")) == 1 and len(corpus.articles(outlet="outlet a")) == 2
        claims = corpus.claims(actor="Amnesty International")
        assert len(claims) >= 1 and all(c[0] == "Amnesty International" for c in claims["chain"])


def test_contradictions_side_by_side(corpus_db):
    with Corpus(corpus_db) as corpus:
        pairs = corpus.contradictions()
        # three asserting reports against one denial
        assert len(pairs) == 3 and set(pairs["contested_outlet"]) == {"Outlet D"}
        assert set(pairs["contested_as"]) == {"negated"} and pairs["contested_chain"][0] == ["Hamas", "author"]
        assert sorted(pairs["asserted_outlet"]) == ["Outlet A", "Outlet B", "Outlet C"]


def test_contradiction_found_when_dates_agree(tmp_path, nlp):
    articles = [
        Article(text="Hamas attacked Israeli troops in Gaza on January 4, Amnesty International said.", outlet="A", published="2016-01-10"),
        Article(text="Hamas denied that it attacked Israeli troops in Gaza on January 4.", outlet="B", published="2016-01-11"),
    ]
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.ingest(articles, check_language=False)
        event = corpus.events(actor="Hamas", type="ASSAULT")
        assert len(event) == 1 and bool(event["contradicted"][0]) and event["origins"][0] == 1
        pair = corpus.contradictions().iloc[0]
        assert (pair["asserted_outlet"], pair["contested_outlet"], pair["contested_as"]) == ("A", "B", "negated")
        assert pair["asserted_chain"] == ["Amnesty International", "author"]


def test_store_address_errors(tmp_path):
    from newsgraph.errors import StoreError

    with pytest.raises(StoreError) as info:
        Corpus("mysql://host/db")
    assert info.value.code == "E405"
    with pytest.raises(StoreError) as info:
        Corpus(tmp_path / "no" / "such" / "dir" / "c.db")
    assert info.value.code == "E408"


def test_a_read_only_corpus_reads_and_the_database_refuses_its_writes(corpus_db, tmp_path):
    import shutil
    import sqlite3

    path = tmp_path / "copy.db"
    shutil.copy(corpus_db, path)  # the session's store is only read
    with Corpus(path) as writer, Corpus(path, read_only=True) as reader:
        assert reader.counts() == writer.counts()
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.store.execute("DELETE FROM errors")
        before = reader.version()
        writer.store.execute("INSERT INTO errors (item, code, reason, added) VALUES ('x', 'E000', 'test', '2024-01-01')")
        assert reader.version() != before and reader.counts()["errors"] == writer.counts()["errors"]  # sees other writers


@pytest.mark.parametrize(
    "prepare, code",
    [
        (lambda path: None, "E408"),  # no store at all: a read-only open creates nothing
        (lambda path: path.write_bytes(b""), "E408"),  # an empty file: no schema to read
        (lambda path: _stale(path), "E408"),  # an older schema: a viewer cannot migrate it
    ],
)
def test_a_read_only_corpus_needs_a_current_store(tmp_path, prepare, code):
    from newsgraph.errors import StoreError

    path = tmp_path / "c.db"
    prepare(path)
    with pytest.raises(StoreError) as info:
        Corpus(path, read_only=True)
    assert info.value.code == code


def _stale(path) -> None:
    with Corpus(path) as corpus:
        corpus.store.execute("DELETE FROM schema_version WHERE version = (SELECT MAX(version) FROM schema_version)")


def test_a_reciprocal_event_is_stored_as_two_directed_dyads_without_loops(tmp_path, nlp):
    articles = [Article(text="Fatah and Hamas have repeatedly blamed each other.", outlet="A", published="2016-01-10")]
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.ingest(articles, check_language=False)
        events = corpus.events(type="ACCUSE")
        dyads = sorted(zip(events["source_actor"], events["target_actor"]))
        assert dyads == [("Fatah", "Hamas"), ("Hamas", "Fatah")]


@pytest.mark.parametrize("threshold", [0.0, 0.95])
def test_ingest_keeps_events_at_the_chosen_confidence(tmp_path, threshold):
    """``event_threshold``: the judge's confidence an event needs to be stored."""
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.ingest([Article(text=STORY), Article(text=OTHER)], check_language=False, event_threshold=threshold)
        reports = [corpus.report(key) for key in corpus.articles()["id"]]
    confidences = [e.confidence for r in reports if r is not None for e in r.events]
    assert all(c >= threshold for c in confidences)
    if threshold == 0.0:
        assert len(confidences) >= 2  # every rule candidate, whatever the judge says


def test_ingest_refuses_an_unknown_option(tmp_path):
    with Corpus(tmp_path / "c.db") as corpus, pytest.raises(TypeError):
        corpus.ingest([Article(text=STORY)], event_treshold=0.5)


def test_a_report_made_elsewhere_is_stored_once(tmp_path, analyze_text):
    """The web Analyze box stores the report its worker made; nothing is analysed again."""
    from newsgraph import Corpus

    report = analyze_text("Egypt accused Israel of attacking Gaza on Monday.")
    corpus = Corpus(tmp_path / "store.db")
    first = corpus.store_report(report, "<test>")
    again = corpus.store_report(report, "<test>")
    assert (first.stored, first.skipped, first.mentions) == (1, 0, len(report.events))
    assert (again.stored, again.skipped) == (0, 1)
    assert corpus.report(corpus.articles(records=True)[0]["id"]) == report
