"""The web server's defences (issue #21): analyses killed at the time limit and bounded in
number, cross-site POSTs refused, Host names checked on any bind, size errors as 413 in the
client's format, bounded lists and safe query parameters."""

from __future__ import annotations

import os
import time

import pytest

pytest.importorskip("fastapi", reason="the web tests need the 'web' extra: pip install -e '.[dev]'")

from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.errors import WebError  # noqa: E402
from newsgraph.web import create_app  # noqa: E402
from newsgraph.web.settings import served_hosts  # noqa: E402
from newsgraph.web.workers import AnalysisWorkers  # noqa: E402

ARTICLE = (
    "The army attacked the town of Kassala on Monday, two officials told Reuters. "
    "The government said it would send aid to the families of the victims within days."
)
HTML = {"accept": "text/html,application/xhtml+xml"}


def _client(corpus=None, **settings) -> TestClient:
    return TestClient(create_app(corpus=corpus, allowed_hosts=["testserver"], **settings))


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# -- 1. analyses: killed at the time limit, bounded in number --------------------------------


def test_an_analysis_past_the_time_limit_is_killed_and_its_worker_replaced():
    workers = AnalysisWorkers(size=1, seconds=1.0)
    try:
        first = workers.run("test", os.getpid)
        with pytest.raises(WebError) as refused:
            workers.run("test", time.sleep, 60)  # what a pathological parse looks like from outside
        assert refused.value.code == "E503"
        assert not _is_running(first)  # the process is gone, not left analysing in the background
        second = workers.run("test", os.getpid)
        assert second != first and _is_running(second)
    finally:
        workers.close()


def test_a_worker_error_reaches_the_caller_and_the_worker_is_kept():
    workers = AnalysisWorkers(size=1, seconds=30.0)
    try:
        first = workers.run("test", os.getpid)
        with pytest.raises(Exception) as failed:
            workers.run("test", int, "not a number")
        assert failed.value.code == "E301" and "ValueError" in str(failed.value)
        assert workers.run("test", os.getpid) == first
    finally:
        workers.close()


@pytest.mark.parametrize("path, headers, kind", [("/api/analyze", {}, "application/json"), ("/analyze", HTML, "text/html")])
def test_analyses_beyond_max_analyses_get_503_with_retry_after(path, headers, kind):
    app = create_app(allowed_hosts=["testserver"], max_analyses=1)
    client = TestClient(app)
    with app.state.settings.analyses.reserve("a slow analysis"):
        response = client.post(path, data={"text": ARTICLE}, headers=headers)
    assert response.status_code == 503
    assert int(response.headers["retry-after"]) > 0
    assert response.headers["content-type"].startswith(kind)
    assert "E510" in response.text and "--max-analyses" in response.text


# -- 2. cross-site POSTs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers, status",
    [
        ({"origin": "http://evil.example"}, 403),
        ({"origin": "null"}, 403),  # a sandboxed frame or a page that hides where it is
        ({"origin": "http://testserver.evil.example"}, 403),
        ({"referer": "http://evil.example/form.html"}, 403),
        ({"origin": "http://evil.example", "referer": "http://testserver/analyze"}, 403),  # Origin decides
        ({"origin": "http://testserver"}, 422),  # this server's own page: on to the form check
        ({"referer": "http://testserver/analyze"}, 422),
        ({}, 422),  # a script or curl: no browser, no forgery
    ],
)
def test_posts_from_other_sites_are_refused(headers, status):
    response = _client().post("/api/analyze", data={}, headers=headers)  # 422: the empty form (E508)
    assert response.status_code == status, response.text
    if status == 403:
        assert response.json()["error"]["code"] == "E511" and "another site" in response.json()["error"]["message"]


def test_cross_site_form_post_gets_an_html_page():
    response = _client().post("/analyze", data={"text": ARTICLE}, headers={**HTML, "origin": "http://evil.example"})
    assert response.status_code == 403 and response.headers["content-type"].startswith("text/html")
    assert "E511" in response.text


# -- 3. Host names on any bind ---------------------------------------------------------------


@pytest.mark.parametrize(
    "bind, extra, host, status",
    [
        ("127.0.0.1", [], "127.0.0.1:8000", 200),
        ("127.0.0.1", [], "localhost:8000", 200),
        ("127.0.0.1", [], "evil.example", 400),
        ("127.0.0.2", [], "127.0.0.2:8000", 200),
        ("127.0.0.2", [], "evil.example", 400),  # a wider bind used to turn the check off
        ("0.0.0.0", ["news.example.org"], "news.example.org", 200),
        ("0.0.0.0", ["news.example.org"], "evil.example", 400),
        ("0.0.0.0", ["*.example.org"], "news.example.org", 200),
        ("0.0.0.0", ["*.example.org"], "example.org.evil.example", 400),
        ("::", [], "[::]:8000", 200),
        ("::", [], "[::1]:8000", 200),
    ],
)
def test_only_served_host_names_are_answered(bind, extra, host, status):
    client = TestClient(create_app(allowed_hosts=served_hosts(bind, extra)))
    assert client.get("/api/health", headers={"host": host}).status_code == status


def test_serve_passes_bind_and_allowed_hosts_to_the_app(monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from newsgraph.cli import app

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **options: started.update(app=web_app, **options))
    result = CliRunner().invoke(app, ["serve", "--host", "127.0.0.2", "--allowed-host", "news.example.org", "--max-analyses", "3"])
    assert result.exit_code == 0, result.output
    client = TestClient(started["app"])
    assert client.get("/api/health", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/api/health", headers={"host": "news.example.org"}).status_code == 200
    assert client.get("/api/health", headers={"host": "127.0.0.2:8000"}).status_code == 200
    assert started["app"].state.settings.analyses.size == 3


# -- 4. size errors --------------------------------------------------------------------------

BIG = "The army attacked the town. " * 54_000  # 1.5 MB, 1.5 million characters


@pytest.mark.parametrize(
    "path, headers, max_upload, files, data, code, kind",
    [
        # under --max-upload: the body is read whole, and the article is over --max-chars
        ("/api/analyze", {}, None, {"file": ("big.txt", BIG.encode(), "text/plain")}, {}, "E004", "application/json"),
        ("/api/analyze", {}, None, None, {"text": BIG}, "E004", "application/json"),  # was 400 "Part exceeded 1024KB"
        ("/analyze", HTML, None, None, {"text": BIG}, "E004", "text/html"),
        # over --max-upload: refused while the body streams in
        ("/api/analyze", {}, 1_000_000, None, {"text": BIG}, "E502", "application/json"),
        ("/analyze", HTML, 1_000_000, None, {"text": BIG}, "E502", "text/html"),  # was raw JSON
        ("/analyze", HTML, 1_000_000, {"file": ("big.txt", BIG.encode(), "text/plain")}, {}, "E502", "text/html"),
    ],
)
def test_oversized_bodies_are_413_naming_the_limit_and_its_setting(path, headers, max_upload, files, data, code, kind):
    settings = {"max_upload_bytes": max_upload} if max_upload else {}
    response = _client(**settings).post(path, data=data, files=files, headers=headers)
    assert response.status_code == 413, response.text[:500]
    assert response.headers["content-type"].startswith(kind)
    assert code in response.text
    setting, limit = ("--max-upload", "limit of 1,000,000") if code == "E502" else ("--max-chars", "over the limit of 1,200,000 bytes")
    assert setting in response.text and (limit in response.text or "over the limit of 300,000 characters" in response.text)


def test_pasted_text_up_to_max_upload_reaches_the_analysis(monkeypatch):
    # A 1.5 MB form field under the 5 MB --max-upload is read whole, not cut at the multipart
    # parser's 1 MB default part size.
    from newsgraph.errors import Errors
    from newsgraph.web import api

    seen = {}

    def analyze_article(workers, name, article):
        seen["chars"] = len(article.text)
        raise WebError(Errors.E503, name=name, seconds=1)

    monkeypatch.setattr(api, "analyze_article", analyze_article)
    response = _client(max_chars=2_000_000).post("/api/analyze", data={"text": BIG, "language_check": "false"})
    assert response.status_code == 408 and seen["chars"] > 1024 * 1024


def test_an_article_over_the_parsers_limit_is_413_not_500():
    response = _client(max_chars=2_000_000).post("/api/analyze", data={"text": BIG, "language_check": "false"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "E605"
    assert "1,000,000" in response.json()["error"]["message"]


# -- 6. query parameters: LIKE wildcards, actor names with "/", dates ------------------------


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/api/articles?search=_", []),  # no article holds an underscore; "_" used to match them all
        ("/api/articles?search=%25", []),
        ("/api/articles?search=%5C", []),  # the escape character itself
        ("/api/actors?search=_", []),
        ("/api/actors?search=%25", []),
    ],
)
def test_search_wildcards_match_literally(web_client, path, expected):
    response = web_client.get(path)
    assert response.status_code == 200, response.text
    assert response.json()["items"] == expected


def test_search_still_finds_words(web_client):
    assert [a["title"] for a in web_client.get("/api/articles?search=hamas").json()["items"]] == ["Iran and Hamas"]


def test_like_literal_escapes_wildcards_and_the_escape_character():
    from newsgraph.corpus.like import containing, literal

    assert [literal(t) for t in ("a_b", "100%", "c:\\d", "plain")] == ["a\\_b", "100\\%", "c:\\\\d", "plain"]
    assert containing("_") == "%\\_%"


@pytest.mark.parametrize("path", ["/api/actors/name:al%2Fqaeda/timeline", "/actors/name:al%2Fqaeda"])
def test_actor_names_with_a_slash_can_be_opened(web_client, path):
    response = web_client.get(path)
    assert response.status_code == 200, response.text  # was 404: the router split the name at "/"
    if path.startswith("/actors/"):
        assert "name:al/qaeda" in response.text


@pytest.mark.parametrize(
    "path, parameter",
    [
        ("/api/events?since=2016-99-99", "since"),
        ("/api/events?until=2016-02-30", "until"),
        ("/api/graph?since=2016-13-01", "since"),
        ("/api/claims?since=2016-00-10", "since"),
        ("/events?until=2016-99-99", "until"),
    ],
)
def test_impossible_dates_are_400_naming_the_parameter(web_client, path, parameter):
    response = web_client.get(path)
    assert response.status_code == 400
    assert "E512" in response.text and f"{parameter}=" in response.text


# -- 5. bounded lists, the graph cached per store version ------------------------------------

LISTS = ["/api/articles", "/api/events", "/api/actors", "/api/claims", "/api/contradictions", "/api/sources", "/api/actors/IRN/timeline"]


@pytest.fixture
def crowded_client(web_corpus):
    """The web corpus with 1,100 more actors and sources than a page holds."""
    article = web_corpus.store.scalar("SELECT id FROM articles ORDER BY id LIMIT 1")
    with web_corpus.store.transaction() as store:
        for n in range(1100):
            store.execute("INSERT INTO actors (actor_key, name, kind) VALUES (?, ?, 'person')", (f"name:filler {n}", f"Filler {n}"))
            store.execute(
                "INSERT INTO sources (article_id, attribution, name, kind, outlet, chain) VALUES (?, ?, ?, 'named', 'Wire', '[]')",
                (article, f"filler-{n}", f"Filler {n}"),
            )
    return TestClient(create_app(corpus=web_corpus, allowed_hosts=["testserver"]))


@pytest.mark.parametrize(
    "path, rows",
    [
        ("/api/actors", 100),  # the default page
        ("/api/actors?limit=1000", 1000),  # the most one answer holds
        ("/api/actors?limit=1000&offset=1000", None),  # the rest
        ("/api/sources", 100),
        ("/api/sources?limit=1000", 1000),
        ("/api/sources?limit=1000&offset=1000", None),
    ],
)
def test_a_list_never_holds_more_than_the_max(crowded_client, path, rows):
    body = crowded_client.get(path).json()
    assert body["total"] > 1100 and len(body["items"]) <= 1000
    assert len(body["items"]) == (rows if rows is not None else body["total"] - 1000)


@pytest.mark.parametrize("path", LISTS)
def test_every_list_refuses_a_limit_over_the_max(web_client, path):
    response = web_client.get(path + "?limit=1001")
    assert response.status_code == 422 and response.json()["error"]["code"] == "E509"


@pytest.mark.parametrize("path", LISTS)
def test_pages_of_a_list_add_up_to_its_total(web_client, path):
    whole = web_client.get(path + "?limit=1000").json()
    pages = [web_client.get(f"{path}?limit=2&offset={offset}").json() for offset in range(0, whole["total"] + 2, 2)]
    assert all(page["total"] == whole["total"] and len(page["items"]) <= 2 for page in pages)
    assert [row for page in pages for row in page["items"]] == whole["items"]


class _CountingCorpus:
    """The web corpus, counting how often the actor graph is built."""

    def __init__(self, corpus):
        self._corpus = corpus
        self.graphs = 0

    def __getattr__(self, name):
        return getattr(self._corpus, name)

    def graph(self, **filters):
        self.graphs += 1
        return self._corpus.graph(**filters)


def test_the_graph_is_built_once_per_store_version(web_corpus):
    corpus = _CountingCorpus(web_corpus)
    client = TestClient(create_app(corpus=corpus, allowed_hosts=["testserver"]))
    first = client.get("/api/graph").json()
    assert client.get("/api/graph").json() == first and corpus.graphs == 1
    client.get("/api/graph?type=AID")
    assert corpus.graphs == 2  # other filters, another graph
    web_corpus.store.execute("UPDATE actors SET name = name || ' (renamed)' WHERE actor_key = 'country:IRN'")
    client.get("/api/graph")
    assert corpus.graphs == 3  # the store changed: built again
