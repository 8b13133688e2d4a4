"""The viewer shows trust (issue 21): factuality on every event view, actor kinds, a focused
graph, pages that keep their filters and page through long tables, and cells a reader can read."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the web tests need the 'web' extra: pip install -e '.[dev]'")

from newsgraph.corpus.writer import FACTUALITY_LABELS, article_id  # noqa: E402
from newsgraph.model import ACTOR_KINDS  # noqa: E402
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
