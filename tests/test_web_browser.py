"""End to end in Debian's headless chromium (driven by Playwright, never a downloaded browser):
click a source and read its chain; filter the actor graph and list an edge's mentions.

Screenshots land in build/ (the README's pictures in docs/ are copies of them).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web tests need the 'web' extra: pip install -e '.[dev]'")
playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need Playwright: pip install -e '.[dev]'")

from newsgraph.corpus.writer import article_id  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "build"


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, web_reports, hostile_report):
    import uvicorn
    from conftest import filled_corpus

    from newsgraph.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    corpus = filled_corpus(tmp_path_factory.mktemp("browser") / "web.db", [*web_reports, hostile_report])
    app = create_app(corpus=corpus)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    corpus.close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium (as root, with apt-get)")
    with playwright_api.sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        except playwright_api.Error as error:
            pytest.skip(f"chromium at {CHROMIUM} cannot start here: {error.message.splitlines()[0]}")
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.problems = []  # CSP violations, script errors and alert() calls: none may happen
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    context.close()


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=False)


def test_click_a_source_shows_its_chain(live_server, page, web_reports):
    key = article_id(web_reports[2].article.text)
    page.goto(f"{live_server}/articles/{key}")
    chain = page.locator("#chain")
    assert chain.is_hidden()
    page.locator("#article-text span.source", has_text="intelligence sources").first.click()
    assert chain.is_visible()
    assert page.locator("#chain-steps li").all_text_contents() == ["intelligence sources", "MENA", "author"]
    assert "Attribution (quote): intelligence sources told" in page.locator("#record").inner_text()
    assert page.locator("#article-text .active").count() >= 2  # the source, its cue and content light up
    _shot(page, "web-article.png")
    assert page.problems == []


def test_hovering_an_actor_previews_its_record(live_server, page, web_reports):
    page.goto(f"{live_server}/articles/{article_id(web_reports[1].article.text)}")
    page.locator("#article-text span.actor-country", has_text="Egypt").first.hover()
    assert "Actor: Egypt" in page.locator("#record").inner_text()
    assert page.problems == []


def test_hostile_article_runs_no_script(live_server, page, hostile_report):
    page.goto(f"{live_server}/articles/{article_id(hostile_report.article.text)}")
    page.locator("#article-text [data-refs]").first.click()
    assert '<script>alert("xss")</script>' in page.locator("#article-text").inner_text()
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.problems == []


def test_graph_filters_and_lists_edge_mentions(live_server, page):
    page.goto(f"{live_server}/graph")
    status = page.locator("#graph-status")
    page.wait_for_selector("#graph-status[data-edges]")  # (wait_for_function would need eval: the CSP forbids it)
    assert int(status.get_attribute("data-edges")) >= 3  # Iran-Hamas, Israel-Gaza, Egypt-Israel
    _shot(page, "web-graph.png")
    page.fill("#graph-filters input[name=type]", "AID")
    page.click("#graph-filters button[type=submit]")
    page.wait_for_selector("#graph-status[data-edges='1']")
    assert status.inner_text() == "2 actors, 1 edges"
    # a function returning nothing: emit() returns the cytoscape collection, slow to serialise
    page.evaluate("() => { window.newsgraphGraph.edges()[0].emit('tap'); }")
    page.wait_for_selector("#edge-mentions li")
    mention = page.locator("#edge-mentions li").first
    assert "Iran has not provided Hamas" in mention.inner_text()
    assert "intelligence sources → MENA → author" in mention.inner_text()
    assert "/articles/art-" in mention.locator("a").get_attribute("href")
    assert page.problems == []


def test_graph_draws_factuality_and_actor_kinds(live_server, page):
    page.goto(f"{live_server}/graph?factuality=negated")  # the address's filter is applied on load
    page.wait_for_selector("#graph-status[data-edges]")
    assert page.locator("#graph-filters select[name=factuality]").input_value() == "negated"
    styles = page.evaluate("() => window.newsgraphGraph.edges().map(e => [e.data('factuality'), e.style('line-style')])")
    assert styles and all(standing == "negated" and line == "dashed" for standing, line in styles)
    colours = page.evaluate("() => window.newsgraphGraph.nodes().map(n => [n.data('kind'), n.style('background-color')])")
    assert ["country", "rgb(245,158,11)"] in colours  # the legend's country swatch
    assert page.locator("#legend-kinds li").count() == 7 and page.locator("#legend-factuality li").count() == 4
    page.fill("#graph-filters input[name=type]", "AID")
    page.click("#graph-filters button[type=submit]")
    page.wait_for_selector("#graph-status[data-edges='1']")
    assert "type=AID" in page.url and "factuality=negated" in page.url  # a filtered graph can be linked
    assert page.problems == []


def test_article_event_opens_its_audit_page(live_server, page, web_reports):
    page.goto(f"{live_server}/articles/{article_id(web_reports[2].article.text)}")
    page.locator("a.corpus-event").first.click()
    page.wait_for_selector("h1.event-summary")
    assert page.locator("h1.event-summary").inner_text().split() == ["Iran", "→", "AID", "→", "Hamas"]
    assert page.locator("mark.trigger-mark").first.is_visible()
    assert "intelligence sources → MENA → author" in page.locator(".mentions.audit").inner_text()
    _shot(page, "web-event.png")
    assert page.problems == []


def test_quotes_page_pages_through_keeping_its_filters(live_server, page):
    page.goto(f"{live_server}/quotes?outlet=Test+Wire&limit=1")
    assert page.locator(".quotes-table tbody tr").count() == 1
    page.click("a[rel=next]")
    assert "offset=1" in page.url and "outlet=Test+Wire" in page.url
    assert page.locator("#quote-filters input[name=outlet]").input_value() == "Test Wire"
    assert "format=csv" in page.locator("a.download-csv").get_attribute("href")
    assert page.problems == []
