"""The viewer shows trust (issue 21): factuality on every event view, actor kinds, a focused
graph, pages that keep their filters and page through long tables, and cells a reader can read."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the web tests need the 'web' extra: pip install -e '.[dev]'")

from newsgraph.corpus.writer import FACTUALITY_LABELS, article_id  # noqa: E402
from newsgraph.model import ACTOR_KINDS  # noqa: E402
from newsgraph.web.audit import evidence_text, first_sources, sentence_parts  # noqa: E402
from newsgraph.web.csv_download import csv_text  # noqa: E402
from newsgraph.web.display import cell, date_span  # noqa: E402
from newsgraph.web.queries import focus  # noqa: E402


class _Table(HTMLParser):
    """The header texts and cell texts of the first ``table`` with the given class."""

    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.css_class, self.inside, self.cell = css_class, False, None
        self.headers: list[str] = []
        self.cells: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table" and self.css_class in (dict(attrs).get("class") or "").split():
            self.inside = True
        elif self.inside and tag in ("th", "td"):
            self.cell = [tag, ""]

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("th", "td") and self.cell:
            (self.headers if self.cell[0] == "th" else self.cells).append(self.cell[1].strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell:
            self.cell[1] += data


def _table(html: str, css_class: str) -> _Table:
    parser = _Table(css_class)
    parser.feed(html)
    return parser


@pytest.mark.parametrize(
    "start, end, shown",
    [
        ("2016-01-01", "2016-12-31", "2016"),  # a year, not 1 January
        ("2016-03-01", "2016-03-31", "2016-03"),
        ("2016-02-01", "2016-02-29", "2016-02"),
        ("2016-03-04", "2016-03-04", "2016-03-04"),
        ("2016-03-04", None, "2016-03-04"),
        ("2016-03-04", "2016-03-09", "2016-03-04 – 2016-03-09"),
        ("2016-01-01", "2017-12-31", "2016-01-01 – 2017-12-31"),
        (None, None, ""),
    ],
)
def test_dates_read_as_precise_as_they_are(start, end, shown):
    assert date_span(start, end) == shown


@pytest.mark.parametrize("value, shown", [(False, ""), (True, "yes"), (None, ""), (0, "0"), ("x", "x"), (["a", "b"], "a → b")])
def test_cells_never_print_python(value, shown):
    assert cell(value) == shown


def _node(key, events):
    return {"id": key, "label": key, "events": events}


@pytest.mark.parametrize(
    "top, nodes, edges",
    [
        (None, {"a", "b", "c"}, {("a", "b"), ("b", "c")}),
        (2, {"a", "b"}, {("a", "b")}),
        (5, {"a", "b", "c"}, {("a", "b"), ("b", "c")}),
    ],
)
def test_focus_keeps_the_busiest_actors(top, nodes, edges):
    elements = {
        "nodes": [_node("a", 3), _node("b", 4), _node("c", 1)],
        "edges": [{"source": "a", "target": "b", "count": 3}, {"source": "b", "target": "c", "count": 1}],
    }
    shown = focus(elements, top)
    assert {n["id"] for n in shown["nodes"]} == nodes and {(e["source"], e["target"]) for e in shown["edges"]} == edges
    assert (shown["total_nodes"], shown["total_edges"]) == (3, 2)


def test_graph_nodes_carry_their_kind_and_edges_their_factuality(web_client):
    graph = web_client.get("/api/graph").json()
    kinds = {n["id"]: n["kind"] for n in graph["nodes"]}
    assert kinds["country:EGY"] == "country" and set(kinds.values()) <= set(ACTOR_KINDS)
    standing = {(e["source"], e["target"], e["factuality"]) for e in graph["edges"]}
    assert ("country:IRN", "cat:hamas", "negated") in standing  # "Iran has not provided Hamas with money"
    assert ("country:ISR", "country:PSEGZA", "disputed") in standing  # Egypt accuses, Israel denies
    assert {e["factuality"] for e in graph["edges"]} <= set(FACTUALITY_LABELS)


def test_graph_opens_on_the_busiest_actors(web_client):
    everything = web_client.get("/api/graph").json()
    two = web_client.get("/api/graph?top=2").json()
    assert len(two["nodes"]) == 2 and two["total_nodes"] == len(everything["nodes"]) > 2
    assert web_client.get("/api/graph?top=0").status_code == 422


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/graph", ['name="top" type="number" min="1" max="9999" value="25"']),  # opens focused
        ("/graph?actor=IRN", ['name="top" type="number" min="1" max="9999" value=""', 'name="actor" value="IRN"']),
        ("/graph?type=ACCUSE", ['name="type" value="ACCUSE"']),  # the URL's filters fill the form graph.js sends
        ("/graph?factuality=negated", ['<option value="negated" selected>']),
        ("/graph", ['class="swatch kind-country"', 'class="line fact-line-negated"']),  # the legend
    ],
)
def test_graph_page_keeps_the_filters_of_its_url(web_client, path, expected):
    html = web_client.get(path).text
    for text in expected:
        assert text in html


def test_events_table_shows_factuality_trigger_and_sentence(web_client):
    html = web_client.get("/events?actor=IRN").text
    table = _table(html, "events-table")
    assert len(table.headers) == len(set(table.headers))  # no two columns called "mentions"
    assert {"factuality", "trigger", "sentence", "event"} <= set(table.headers)
    assert "negated" in table.cells and any("Iran has not provided Hamas" in c for c in table.cells)
    assert '<span class="badge fact fact-negated">negated</span>' in html


def test_no_python_values_in_table_cells(web_client):
    for path in ("/events", "/actors/IRN"):
        css = "events-table" if path == "/events" else "timeline-table"
        cells = _table(web_client.get(path).text, css).cells
        assert cells and not {"False", "True", "None", "nan"} & set(cells), path


def test_event_rows_in_the_api_carry_trigger_and_sentence(web_client):
    (event,) = web_client.get("/api/events?actor=IRN").json()["items"]
    assert event["trigger"] and "Iran has not provided Hamas" in event["sentence"]


def test_factuality_filter_offers_the_corpus_words(web_client):
    html = web_client.get("/events").text
    assert re.findall(r'<option value="(\w+)"', html) == list(FACTUALITY_LABELS)


def test_actor_timeline_is_headed_by_the_name(web_client):
    html = web_client.get("/actors/country%3AIRN").text
    assert "<h1>Timeline of Iran</h1>" in html
    table = _table(html, "timeline-table")
    assert {"factuality", "trigger", "sentence"} <= set(table.headers) and "negated" in table.cells


def test_article_page_uses_the_filters_word(web_client, web_reports):
    html = web_client.get(f"/articles/{article_id(web_reports[2].article.text)}").text
    assert '<span class="badge fact fact-negated">negated</span>' in html
    assert not re.search(r">asserted, \w+<", html)


def test_tables_page_and_keep_their_filters(web_client):
    total = web_client.get("/api/events").json()["total"]
    assert total > 2
    html = web_client.get("/events?limit=2&sort=date").text
    assert len([r for r in re.findall(r"<tr[ >]", html)]) == 3  # the header and two events
    assert f"1–2 of {total}" in html
    assert 'rel="next" href="?limit=2&amp;sort=date&amp;offset=2"' in html and 'rel="prev"' not in html
    last = web_client.get(f"/events?limit=2&offset={total - 1}").text
    assert 'rel="prev"' in last and 'rel="next"' not in last


# -- the event page a fact-checker can audit ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence, text, start, end, words, parts",
    [
        ("He hit him.", "Then. He hit him.", 9, 12, "hit", ("He ", "hit", " him.")),
        # the same sentence twice: the occurrence around the offsets
        ("It fell.", "It fell. It fell.", 12, 16, "fell", ("It ", "fell", ".")),
        # no article text: the trigger's words
        ("He hit him.", None, None, None, "hit", ("He ", "hit", " him.")),
        # offsets outside every occurrence, words absent: nothing marked
        ("He hit him.", "He hit him.", 40, 43, "struck", ("He hit him.", "", "")),
    ],
)
def test_the_trigger_is_marked_in_its_sentence(sentence, text, start, end, words, parts):
    assert sentence_parts(sentence, text, start, end, words) == parts


@pytest.mark.parametrize(
    "evidence, shown",
    [
        (None, "first report"),
        ({"days_apart": 0, "place": "same", "anchor": "both dated + same place"}, "joined: both dated + same place, 0 day(s) apart, place same"),
        ({"days_apart": None, "place": "unknown", "anchor": "same trigger"}, "joined: same trigger, place unknown"),
    ],
)
def test_merge_evidence_reads_as_words(evidence, shown):
    assert evidence_text(evidence) == shown


def test_origins_are_the_distinct_first_sources():
    mentions = [
        {"chain": ["officials", "Reuters", "author"], "outlet": "A"},
        {"chain": ["Officials", "author"], "outlet": "B"},
        {"chain": ["author"], "outlet": "C"},
    ]
    assert [(o["source"], o["own_reporting"], o["reports"], o["outlets"]) for o in first_sources(mentions)] == [
        ("officials", False, 2, ["A", "B"]),
        ("C", True, 1, ["C"]),
    ]


def test_event_page_shows_who_did_what_to_whom_and_each_report(web_client, web_reports):
    (event,) = web_client.get("/api/events?actor=IRN").json()["items"]
    (mention,) = web_client.get(f"/api/events/{event['event_id']}/mentions").json()["items"]
    html = web_client.get(f"/events/{event['event_id']}").text
    heading = re.search(r'<h1 class="event-summary">(.*?)</h1>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>|\s+", " ", heading).split() == ["Iran", "→", "AID", "→", "Hamas"]
    text = web_reports[2].article.text
    assert f'<mark class="trigger-mark">{text[mention["trigger_start"]:mention["trigger_end"]]}</mark>' in html
    assert "said by intelligence sources → MENA → author" in html and "first report" in html
    assert re.search(r"<strong>intelligence sources</strong>\s*<span class=\"meta\">1 report in Test Wire", html)
    assert '<span class="badge fact fact-negated">negated</span>' in html


def test_an_unknown_event_is_a_coded_404(web_client):
    response = web_client.get("/events/ev-nothing")
    assert response.status_code == 404 and "E507" in response.text


def test_article_events_link_to_their_event_pages(web_client, web_reports):
    (event,) = web_client.get("/api/events?actor=IRN").json()["items"]
    html = web_client.get(f"/articles/{article_id(web_reports[2].article.text)}").text
    assert f'<a class="corpus-event" href="/events/{event["event_id"]}">event page</a>' in html


def _shelling(text, outlet, negative, source, dated=("on Saturday", "2024-06-01", "2024-06-01", "exact")):
    """An article whose one event is Israel shelling Gaza, asserted or denied, said by ``source``;
    ``dated``: the event's date (text, start, end, type)."""
    from newsgraph.model import Actor, Article, Attribution, Cue, Event, EventDate, Factuality, Plover, Report, Source

    trigger, cue, said_by = text.index("shell"), text.index("said"), text.index(source)
    return Report(
        article=Article(text=text, title=outlet, outlet=outlet, published="2024-06-02"),
        actors=(
            Actor(id="a1", name="Israel", code="ISR", kind="country", mentions=((0, 6),), entity="country:ISR"),
            Actor(id="a2", name="Gaza", code="PSE", kind="country", mentions=((text.index("Gaza"), text.index("Gaza") + 4),), entity="country:PSE"),
        ),
        events=(
            Event(id="e1", sources=("a1",), targets=("a2",), cameo="190", plover=Plover("ASSAULT"), goldstein=-10.0,
                  trigger=(trigger, trigger + 7), sentence=(0, len(text)), factuality=Factuality(polarity="negative" if negative else "positive"),
                  attribution="t1", date=EventDate(*dated), text="shelled", lemma="shell"),
        ),
        attributions=(
            Attribution(id="t1", source=Source(text=source, span=(said_by, said_by + len(source)), kind="official"),
                        cue=Cue(text="said", span=(cue, cue + 4)), content=((0, trigger + 20),), type="indirect", chain=(source, "author")),
        ),
    )  # fmt: skip


def _contested(path, dated=None):
    from conftest import filled_corpus
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    when = {"dated": dated} if dated else {}
    reports = [
        _shelling("Israel shelled Gaza on Saturday, officials said.", "Wire A", False, "officials", **when),
        _shelling("Israel shelled Gaza on Saturday is false, a military spokesman said.", "Wire B", True, "a military spokesman", **when),
    ]
    corpus = filled_corpus(path, reports)
    return corpus, TestClient(create_app(corpus=corpus, allowed_hosts=["testserver"]))


@pytest.fixture
def contested_client(tmp_path):
    corpus, client = _contested(tmp_path / "contested.db")
    yield client
    corpus.close()


def test_event_page_sets_contradicting_reports_side_by_side(contested_client):
    (event,) = contested_client.get("/api/events").json()["items"]
    html = contested_client.get(f"/events/{event['event_id']}").text
    table = _table(html, "contradictions-table")
    assert table.headers == ["asserted", "contested"] and len(table.cells) == 2
    asserted, contested = table.cells
    assert "Wire A" in asserted and "officials → author" in asserted
    assert "Wire B" in contested and "negated" in contested and "a military spokesman → author" in contested


# -- quotes, contradictions, pages, downloads ---------------------------------------------------


@pytest.mark.parametrize(
    "items, text",
    [
        ([{"a": 1, "b": None}], "a,b\n1,\n"),
        ([{"chain": ["x", "author"], "ok": True}], "chain,ok\nx → author,True\n"),
        # what a spreadsheet would run as a formula is written as text
        ([{"text": "=HYPERLINK(\"http://evil\")"}, {"text": "-2+3"}, {"text": "@SUM(A1)"}], "text\n\"'=HYPERLINK(\"\"http://evil\"\")\"\n'-2+3\n'@SUM(A1)\n"),
        ([{"goldstein": -10.0}], "goldstein\n-10.0\n"),  # numbers stay numbers
        ([{"evidence": {"place": "same", "days_apart": 0}}], "evidence\n\"{\"\"days_apart\"\": 0, \"\"place\"\": \"\"same\"\"}\"\n"),
    ],
)
def test_csv_cells(items, text):
    assert csv_text(items) == text


def test_quotes_page_lists_speakers_and_keeps_its_filters(web_client):
    api = web_client.get("/api/quotes").json()["items"]
    html = web_client.get("/quotes?outlet=Test+Wire&since=&actor=").text  # empty form fields mean "any"
    table = _table(html, "quotes-table")
    assert table.headers == ["published", "outlet", "speaker", "cue", "type", "quote", "chain", "article"]
    wire = [q for q in api if q["outlet"] == "Test Wire"]
    assert wire and table.cells.count("Test Wire") == len(wire) and "Daily Planet" not in table.cells
    assert 'name="outlet" value="Test Wire"' in html


def test_contradictions_page_sets_the_reports_side_by_side(contested_client):
    html = contested_client.get("/contradictions").text
    table = _table(html, "contradictions-table")
    assert table.headers == ["event", "asserted", "contested"] and len(table.cells) == 3
    assert "Israel → ASSAULT → Gaza" in table.cells[0]
    assert "Wire A" in table.cells[1] and "Wire B" in table.cells[2] and "negated" in table.cells[2]


@pytest.mark.parametrize(
    "dated, shown",
    [
        (("in 2016", "2016-01-01", "2016-12-31", "approximate"), "2016"),  # not 1 January
        (("in March 2016", "2016-03-01", "2016-03-31", "approximate"), "2016-03"),
        (("on Saturday", "2024-06-01", "2024-06-01", "exact"), "2024-06-01"),
    ],
)
def test_contradictions_page_dates_are_as_precise_as_known(tmp_path, dated, shown):
    corpus, client = _contested(tmp_path / "dated.db", dated)
    try:
        table = _table(client.get("/contradictions").text, "contradictions-table")
    finally:
        corpus.close()
    assert table.cells[0].split()[-1] == shown


def test_no_contradictions_says_so(tmp_path):
    from conftest import filled_corpus
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    corpus = filled_corpus(tmp_path / "calm.db", [])
    try:
        html = TestClient(create_app(corpus=corpus, allowed_hosts=["testserver"])).get("/contradictions").text
    finally:
        corpus.close()
    assert "No contradictions." in html


@pytest.mark.parametrize(
    "page, api",
    [
        ("/events?type=ASSAULT", "/api/events?type=ASSAULT&amp;rows=all"),
        # the whole filtered view, not the page on screen: its limit and offset are left out
        ("/events?type=ASSAULT&sort=date&order=desc&limit=1&offset=1", "/api/events?type=ASSAULT&amp;sort=date&amp;order=desc&amp;rows=all"),
        ("/actors/IRN", "/api/actors/IRN/timeline?rows=all"),
        ("/quotes?outlet=Test+Wire", "/api/quotes?outlet=Test+Wire&amp;rows=all"),
        ("/sources", "/api/sources?rows=all"),
        ("/contradictions", "/api/contradictions?rows=all"),
    ],
)
def test_every_table_links_all_its_rows_as_csv_and_json(web_client, page, api):
    html = web_client.get(page).text
    assert f'class="download-csv" href="{api}&amp;format=csv" download' in html and f'class="download-json" href="{api}" download' in html


def test_csv_download_has_the_tables_filters(web_client):
    response = web_client.get("/api/events?type=ASSAULT&limit=1000&format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    records = list(csv.DictReader(io.StringIO(response.text)))
    assert records and {r["plover_type"] for r in records} == {"ASSAULT"}
    assert len(records) == web_client.get("/api/events?type=ASSAULT").json()["total"]


@pytest.mark.parametrize("query", ["type=ASSAULT", "factuality=negated", "actor=ISR", ""])
def test_a_download_of_all_rows_is_the_filtered_view(web_client, query):
    whole = web_client.get(f"/api/events?{query}&limit=1000").json()
    response = web_client.get(f"/api/events?{query}&rows=all")
    assert response.status_code == 200 and 'filename="events.json"' in response.headers["content-disposition"]
    body = response.json()
    assert body["items"] == whole["items"] and body["total"] == whole["total"] and body["offset"] == 0
    records = list(csv.DictReader(io.StringIO(web_client.get(f"/api/events?{query}&rows=all&format=csv").text)))
    assert [r["event_id"] for r in records] == [e["event_id"] for e in whole["items"]]


@pytest.mark.parametrize("path", ["/sources?limit=1", "/quotes?limit=1", "/actors/ISR?limit=1"])
def test_html_tables_page_with_the_apis_limit_and_offset(web_client, path):
    html = web_client.get(path).text
    assert "1–1 of " in html and 'rel="next"' in html


def test_the_menu_reaches_the_new_pages(web_client):
    html = web_client.get("/").text
    assert 'href="/contradictions"' in html and 'href="/quotes"' in html


@pytest.mark.parametrize("factuality", FACTUALITY_LABELS)
def test_actor_timeline_filters_by_factuality(web_client, factuality):
    everything = web_client.get("/api/actors/ISR/timeline").json()["items"]
    expected = [e["event_id"] for e in everything if e["factuality"] == factuality]
    found = web_client.get(f"/api/actors/ISR/timeline?factuality={factuality}").json()["items"]
    assert [e["event_id"] for e in found] == expected
    html = web_client.get(f"/actors/ISR?factuality={factuality}").text
    assert f'<option value="{factuality}" selected>' in html
    assert len(re.findall(r'href="/events/', html)) == len(expected)


def test_search_results_page_through(web_client):
    html = web_client.get("/search?q=the&limit=1").text
    total = web_client.get("/api/articles?search=the").json()["total"]
    assert total > 1 and f"1–1 of {total}" in html and 'rel="next" href="?q=the&amp;limit=1&amp;offset=1"' in html
