"""The web server's defences (issue #21): analyses killed at the time limit and bounded in
number, cross-site POSTs refused, Host names checked on any bind, size errors as 413 in the
client's format, bounded lists and safe query parameters."""

from __future__ import annotations

import csv
import io
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


def _hold_a_slot(directory: str, held, release) -> None:
    from newsgraph.web.workers import SharedSlots

    fd = SharedSlots(directory, 1).acquire()
    held.set()
    release.wait(60)
    os._exit(0 if fd is not None else 1)  # exits holding the lock: the kernel must drop it


def test_analysis_slots_are_shared_by_the_server_processes(tmp_path):
    """serve --workers: --max-analyses counts every process's analyses, and a slot held by a
    process that dies is free again."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    held, release = context.Event(), context.Event()
    other = context.Process(target=_hold_a_slot, args=(str(tmp_path), held, release))
    other.start()
    try:
        assert held.wait(60)
        here = AnalysisWorkers(size=1, seconds=1.0, slots_dir=str(tmp_path))
        with pytest.raises(WebError) as refused:
            with here.reserve("/api/analyze"):
                pass
        assert refused.value.code == "E510"
    finally:
        release.set()
        other.join(60)
    assert other.exitcode == 0
    with here.reserve("/api/analyze"):  # the other process is gone, and its slot with it
        with pytest.raises(WebError):
            with AnalysisWorkers(size=1, seconds=1.0, slots_dir=str(tmp_path)).reserve("/api/analyze"):
                pass


def test_a_process_keeps_only_its_share_of_idle_workers():
    workers = AnalysisWorkers(size=2, seconds=30.0, keep_idle=0)
    try:
        pid = workers.run("test", os.getpid)
        assert not _is_running(pid)  # stopped, not kept warm: its memory goes back
    finally:
        workers.close()


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


def test_serve_workers_hands_the_same_options_to_every_process(monkeypatch, tmp_path):
    import uvicorn
    from typer.testing import CliRunner

    from newsgraph.cli import app
    from newsgraph.web.serving import SERVE_ENVIRONMENT, ServeOptions, app_from_environment

    started = {}

    def run(target, **options):
        options_text = os.environ[SERVE_ENVIRONMENT]
        started.update(target=target, slots=ServeOptions.from_environment(options_text).slots_dir, **options)
        started["slots_existed"] = os.path.isdir(started["slots"])
        started["app"] = app_from_environment()  # what each server process does on its own
        started["inherited"] = SERVE_ENVIRONMENT in os.environ  # what an analysis worker would see
        os.environ[SERVE_ENVIRONMENT] = options_text  # the next process reads it too

    monkeypatch.setattr(uvicorn, "run", run)
    arguments = ["serve", "--db", str(tmp_path / "w.db"), "--workers", "3", "--host", "127.0.0.2", "--allowed-host", "news.example.org",
                 "--max-analyses", "2", "--write-token", "secret"]  # fmt: skip
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert started["target"] == "newsgraph.web.serving:app_from_environment" and started["factory"] is True and started["workers"] == 3
    assert started["slots_existed"] and not os.path.exists(started["slots"])  # the slots' folder is gone with the server
    assert not started["inherited"] and SERVE_ENVIRONMENT not in os.environ
    settings = started["app"].state.settings
    try:
        client = TestClient(started["app"])
        assert client.get("/api/health", headers={"host": "evil.example"}).status_code == 400
        assert client.get("/api/health", headers={"host": "news.example.org"}).json() == {"version": "0.1.0", "corpus": True, "writable": True}
        assert client.post("/api/analyze", data={"text": "x"}, headers={"host": "news.example.org", "origin": "http://evil.example"}).status_code == 403
        # --max-analyses counts all processes' analyses; each keeps at most its share warm
        assert settings.analyses.size == 2 and settings.analyses.keep_idle == 1
    finally:
        settings.corpus.close()


@pytest.mark.parametrize("token, writable", [([], False), (["--write-token", "secret"], True)])
def test_serve_reads_the_store_read_only_without_a_write_token(monkeypatch, tmp_path, token, writable):
    import sqlite3

    import uvicorn
    from typer.testing import CliRunner

    from newsgraph.cli import app

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **options: started.update(app=web_app))
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "new.db"), *token])
    assert result.exit_code == 0, result.output
    corpus = started["app"].state.settings.corpus
    try:
        if writable:
            corpus.store.execute("DELETE FROM errors")
        else:
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                corpus.store.execute("DELETE FROM errors")
    finally:
        corpus.close()


def _children(pid: int) -> list[str]:
    """The command lines of ``pid``'s child processes (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid:
            found.append(command)
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="counts the server's processes in /proc")
def test_serve_workers_answers_from_several_processes(tmp_path):
    import socket
    import subprocess
    import sys
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([os.path.join(os.path.dirname(__file__), "..", "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-c", "from newsgraph.cli import main; main()", "serve", "--db", str(tmp_path / "w.db"), "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events", timeout=5) as answer:
                    body = answer.read()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read() if server.poll() is not None else "no answer"
                time.sleep(0.2)
        assert b'"total":0' in body
        assert sum("multiprocessing" in c and "resource_tracker" not in c for c in _children(server.pid)) == 2
    finally:
        server.terminate()
        server.wait(60)


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


@pytest.mark.parametrize(
    "query, view, rows",
    [
        ("", "", lambda total: total),  # every row, past the 1,000 a page holds
        ("&offset=50", "", lambda total: total - 50),  # from the offset on
        ("&search=filler+1", "&search=filler+1", lambda total: total),  # the filtered view only
        ("&limit=5", "", lambda total: total),  # a download is not a page: limit does not apply
    ],
)
def test_a_download_holds_every_row_of_the_view(crowded_client, query, view, rows):
    total = crowded_client.get(f"/api/actors?limit=1{view}").json()["total"]
    body = crowded_client.get(f"/api/actors?rows=all{query}").json()
    assert body["total"] == total and len(body["items"]) == rows(total)
    assert len({a["actor_key"] for a in body["items"]}) == rows(total)  # no row twice across the pages read
    response = crowded_client.get(f"/api/actors?rows=all&format=csv{query}")
    assert 'filename="actors.csv"' in response.headers["content-disposition"]
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == rows(total)


@pytest.mark.parametrize("path", ["/api/actors", "/api/sources"])
def test_a_download_stops_at_the_hard_cap(crowded_client, monkeypatch, path):
    from newsgraph.web import api

    monkeypatch.setattr(api, "MAX_DOWNLOAD_ROWS", 1050)
    body = crowded_client.get(f"{path}?rows=all").json()
    assert body["total"] > 1100 and len(body["items"]) == 1050 and body["limit"] == 1050
    assert len(list(csv.DictReader(io.StringIO(crowded_client.get(f"{path}?rows=all&format=csv").text)))) == 1050


def test_an_events_mentions_are_a_page(web_client):
    (event,) = web_client.get("/api/events?actor=IRN").json()["items"]
    path = f"/api/events/{event['event_id']}/mentions"
    body = web_client.get(path).json()
    assert set(body) == {"items", "total", "limit", "offset"} and body["total"] == len(body["items"]) == 1
    assert web_client.get(path + "?offset=1").json()["items"] == []
    assert web_client.get(path + "?limit=1001").status_code == 422
    assert web_client.get("/api/events/no-such-event/mentions").json() == {"items": [], "total": 0, "limit": 100, "offset": 0}
    assert "trigger_text" in web_client.get(path + "?format=csv").text.splitlines()[0]


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
