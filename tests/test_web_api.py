"""The web viewer through the ASGI test client: API answers, pages, safety (escaping, tokens, limits)."""

from __future__ import annotations

import re
import time

import pytest

pytest.importorskip("fastapi", reason="the web tests need the 'web' extra: pip install -e '.[dev]'")

from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.corpus.writer import article_id  # noqa: E402
from newsgraph.web import create_app  # noqa: E402
from newsgraph.web.guards import CONTENT_SECURITY_POLICY  # noqa: E402

ARTICLE = (
    "The army attacked the town of Kassala on Monday, two officials told Reuters. "
    "The government said it would send aid to the families of the victims within days."
)


def _id(report) -> str:
    return article_id(report.article.text)


@pytest.mark.parametrize(
    "path, check",
    [
        ("/api/health", lambda b: b == {"version": "0.1.0", "corpus": True, "writable": True}),
        ("/api/articles", lambda b: len(b) == 4 and {"id", "title", "outlet"} <= b[0].keys()),
        ("/api/articles?outlet=Test+Wire", lambda b: {a["title"] for a in b} == {"Rebels accused of border raid", "Iran and Hamas"}),
        ("/api/articles?search=hamas", lambda b: [a["title"] for a in b] == ["Iran and Hamas"]),
        ("/api/articles?actor=EGY", lambda b: [a["title"] for a in b] == ["Egypt accuses Israel"]),
        ("/api/articles?limit=1&offset=1", lambda b: len(b) == 1),
        ("/api/events?type=ASSAULT", lambda b: b and {e["plover_type"] for e in b} == {"ASSAULT"}),
        ("/api/events?actor=IRN", lambda b: [(e["source_code"], e["target_code"]) for e in b] == [("IRN", "PSEREBHMS")]),
        ("/api/events?since=2024-04-30&until=2024-04-30", lambda b: [e["date"] for e in b] == ["2024-04-30"]),
        ("/api/events?sort=goldstein&order=desc", lambda b: b[0]["goldstein"] == max(e["goldstein"] for e in b)),
        ("/api/events?sort=date", lambda b: [e["date"] for e in b if e["date"]] == sorted(e["date"] for e in b if e["date"])),
        ("/api/events?min_origins=2", lambda b: b == []),
        # Iran did not aid; the RSF spokesman's "we did not attack" (Israel's denial joins
        # Egypt's accusation of the same attack: test_denial_joins_the_accused_act)
        ("/api/events?factuality=negated", lambda b: {(e["source_code"], e["cameo"]) for e in b} == {("IRN", "071"), ("MED", "190")}),
        ("/api/actors?search=egypt", lambda b: {a["code"] for a in b} == {"EGY", "EGYGOV"}),
        ("/api/actors/EGY/timeline", lambda b: [(e["target_code"], e["cameo"]) for e in b] == [("ISR", "112")]),  # Egypt accused Israel
        ("/api/sources?outlet=Test+Wire", lambda b: {o["outlet"] for o in b["outlets"]} == {"Test Wire"}),
        ("/api/graph", lambda b: {(e["source"], e["target"]) for e in b["edges"]} >= {("country:EGY", "country:ISR"), ("country:IRN", "cat:hamas")}),
        ("/api/graph?type=AID", lambda b: [(e["source"], e["target"], e["plover_type"]) for e in b["edges"]] == [("country:IRN", "cat:hamas", "AID")]),
        ("/api/claims", lambda b: isinstance(b, list)),
        # "Iran has not provided them with financial help, Hamas sources told MENA": speech
        ("/api/quotes", lambda b: b and all(q["text"] and q["speaker"] for q in b) and {q["type"] for q in b} <= {"direct", "indirect", "mixed", "according_to"}),
        ("/api/quotes?since=2100-01-01", lambda b: b == []),
        # Egypt's accusation against Israel's denial, each through the outlet's unnamed relays
        ("/api/contradictions", lambda b: [(c["source_actor"], c["target_actor"], c["contested_as"]) for c in b] == [("Israel", "Gaza", "negated")]),
    ],
)
def test_api_answers(web_client, path, check):
    response = web_client.get(path)
    assert response.status_code == 200, response.text
    body = response.json()
    rows = body["items"] if "items" in body and "outlets" not in body else body  # a list comes as one page of it
    assert check(rows), body


def test_sources_count_anonymous_claims_per_outlet(web_client):
    outlets = {o["outlet"]: o for o in web_client.get("/api/sources").json()["outlets"]}
    # Test Wire: "intelligence sources" is anonymous; Daily Planet: "anonymous sources" and a vague one
    assert outlets["Test Wire"]["anonymous_sources"] == 1
    assert outlets["Daily Planet"]["anonymous_sources"] == 2
    assert 0 < outlets["Daily Planet"]["anonymous_share"] < 1


def test_article_report_and_mentions(web_client, web_reports):
    iran = web_reports[2]
    report = web_client.get(f"/api/articles/{_id(iran)}/report").json()
    assert report["schema"] == "newsgraph.report/2" and report["article"]["title"] == "Iran and Hamas"
    (event,) = web_client.get("/api/events?actor=IRN").json()["items"]
    (mention,) = web_client.get(f"/api/events/{event['event_id']}/mentions").json()["items"]
    assert mention["chain"] == ["intelligence sources", "MENA", "author"]
    assert mention["factuality"] == "negated" and mention["article_id"] == _id(iran)


@pytest.mark.parametrize(
    "path, status, code",
    [
        ("/api/articles/art-0000000000", 404, "E507"),
        ("/api/articles/art-0000000000/report", 404, "E507"),
        ("/articles/art-0000000000", 404, "E507"),
        ("/api/events?factuality=maybe", 422, "E509"),
        ("/api/events?since=yesterday", 422, "E509"),
        ("/api/events?sort=__class__", 422, "E509"),
        ("/api/articles?limit=100000", 422, "E509"),
        ("/api/claims?limit=1001", 422, "E509"),
        ("/api/quotes?limit=1001", 422, "E509"),
        ("/api/nothing-here", 404, None),
    ],
)
def test_bad_requests_are_clear_4xx(web_client, path, status, code):
    response = web_client.get(path)
    assert response.status_code == status
    if code:
        assert code in response.text


def test_without_a_corpus_pages_say_how_to_open_one():
    client = TestClient(create_app(allowed_hosts=["testserver"]))
    assert client.get("/api/health").json() == {"version": "0.1.0", "corpus": False, "writable": False}
    for path in ("/api/events", "/api/graph", "/events", "/graph", "/sources"):
        response = client.get(path)
        assert response.status_code == 404 and "E506" in response.text and "--db" in response.text
    assert client.get("/").status_code == 200 and client.get("/analyze").status_code == 200


# -- pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/", ["Recent articles", "Egypt accuses Israel", "Analyze"]),
        ("/search?q=egypt", ["Egypt accuses Israel", "/actors/EGY", "Egyptian officials"]),
        ("/events?sort=goldstein&order=desc", ["ASSAULT", "/actors/IRN", "▼"]),
        ("/events?type=AID", ["IRN", "PSEREBHMS"]),
        ("/actors/IRN", ["Timeline of", "AID"]),
        ("/sources", ["Daily Planet", "anonymous sources", "intelligence sources"]),
        ("/graph", ["/static/vendor/cytoscape.min.js", "graph-filters"]),
    ],
)
def test_pages_render(web_client, path, expected):
    response = web_client.get(path)
    assert response.status_code == 200, response.text
    for text in expected:
        assert text in response.text


def test_article_page_marks_every_layer(web_client, web_reports):
    html = web_client.get(f"/articles/{_id(web_reports[2])}").text
    for cls in ("actor actor-country", "actor actor-group", "source", "cue", "content", "trigger negated"):
        assert f'class="{cls}' in html or f" {cls}" in html, cls
    assert re.search(r'<span class="source[^"]*" data-refs="attribution:[^"]+"[^>]*>intelligence sources</span>', html)
    assert "intelligence sources → MENA → author" in html  # the events panel names who says so
    assert 'id="t-' in html  # mention links jump to triggers
    assert 'class="act act-speech"' in html  # each source's attributions say what it did


def test_event_page_links_mentions_to_sentences(web_client, web_reports):
    (event,) = web_client.get("/api/events?actor=IRN").json()["items"]
    html = web_client.get(f"/events/{event['event_id']}").text
    # the trigger is marked inside the sentence: read the text without the tags
    assert f'href="/articles/{_id(web_reports[2])}#t-' in html and "Iran has not provided Hamas" in re.sub(r"<[^>]+>", "", html)


# -- safety -----------------------------------------------------------------------------------


def test_hostile_article_renders_inert(web_client, hostile_report):
    response = web_client.get(f"/articles/{_id(hostile_report)}")
    assert response.status_code == 200
    html = response.text
    scripts = re.findall(r"<script[^>]*>", html)
    # only the page's own: the records data block and article.js
    assert scripts == ['<script type="application/json" id="records">', '<script src="/static/article.js">']
    assert not re.search(r"""href=["']?\s*javascript:""", html) and ">original<" not in html  # the url is not linked
    assert "<img" not in html and 'onmouseover="' not in html
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in html
    assert re.search(r'class="[^"]*actor actor-other', html)  # an unknown kind never becomes a class name
    records = html.split('id="records">', 1)[1].split("</script>", 1)[0]
    assert "<" not in records and ">" not in records  # the JSON block cannot close itself


def test_hostile_text_through_analyze_box_renders_inert(web_client):
    text = ARTICLE + ' <script>alert("x")</script> <a href="javascript:alert(1)">more</a>'
    response = web_client.post("/analyze", data={"text": text, "language_check": "false"})
    assert response.status_code == 200, response.text
    assert "<script>alert" not in response.text and 'href="javascript:' not in response.text
    assert "Analysed, not stored." in response.text


def test_security_headers_on_every_response(web_client):
    for path in ("/", "/api/health", "/static/app.css", "/api/articles/nope"):
        headers = web_client.get(path).headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "unsafe" not in CONTENT_SECURITY_POLICY


def test_no_cdn_or_inline_code_in_templates_and_static():
    from newsgraph.web.rendering import HERE

    for path in [*HERE.glob("templates/*.html"), *HERE.glob("static/*.js"), *HERE.glob("static/*.css")]:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", source), path
        assert " style=" not in source and " onclick=" not in source, path


def test_unknown_host_header_is_refused(web_corpus):
    client = TestClient(create_app(corpus=web_corpus), base_url="http://evil.example")
    assert client.get("/api/health").status_code == 400
    local = TestClient(create_app(corpus=web_corpus), base_url="http://127.0.0.1:8000")
    assert local.get("/api/health").status_code == 200


@pytest.mark.parametrize(
    "write_token, headers, status, code",
    [
        (None, {"Authorization": "Bearer anything"}, 403, "E505"),  # read-only server
        ("test-write-token", {}, 401, "E504"),
        ("test-write-token", {"Authorization": "Bearer wrong"}, 401, "E504"),
        ("test-write-token", {"Authorization": "Basic test-write-token"}, 401, "E504"),
        ("test-write-token", {"Authorization": "Bearer test-write-token"}, 200, None),
    ],
)
def test_storing_needs_the_write_token(web_corpus, write_token, headers, status, code):
    client = TestClient(create_app(corpus=web_corpus, write_token=write_token, allowed_hosts=["testserver"]))
    before = web_corpus.counts()["articles"]
    response = client.post("/api/analyze", data={"text": ARTICLE, "store": "true"}, headers=headers)
    assert response.status_code == status, response.text
    if code:
        assert response.json()["error"]["code"] == code
        assert web_corpus.counts()["articles"] == before
    else:
        assert response.json()["stored"] and web_corpus.counts()["articles"] == before + 1
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_analyze_without_store_never_writes(web_client, web_corpus):
    before = web_corpus.counts()["articles"]
    response = web_client.post("/api/analyze", data={"text": ARTICLE, "outlet": "Wire", "published": "2024-05-06"})
    assert response.status_code == 200
    body = response.json()
    assert body["stored"] is False and body["report"]["article"]["outlet"] == "Wire"
    assert any(a["chain"] == ["two officials", "Reuters", "author"] for a in body["report"]["attributions"])
    assert web_corpus.counts()["articles"] == before


def test_store_from_the_form_with_the_token_field(web_client, web_corpus):
    before = web_corpus.counts()["articles"]
    refused = web_client.post("/analyze", data={"text": ARTICLE, "store": "true", "write_token": "nope"})
    assert refused.status_code == 401 and "E504" in refused.text and web_corpus.counts()["articles"] == before
    stored = web_client.post("/analyze", data={"text": ARTICLE, "store": "true", "write_token": "test-write-token"})
    assert stored.status_code == 200 and "Stored in the corpus" in stored.text
    assert web_corpus.counts()["articles"] == before + 1


@pytest.mark.parametrize(
    "data, files, status, code",
    [
        ({}, None, 422, "E508"),
        ({"text": "   "}, None, 422, "E508"),
        ({"text": ARTICLE, "published": "May 5th"}, None, 422, "E008"),
        ({}, {"file": ("../../etc/passwd", b"\x00\x01\x02\x00binary", "application/octet-stream")}, 422, "E002"),
        ({}, {"file": ("story.html", ("<html><body><p>" + ARTICLE + "</p></body></html>").encode(), "text/html")}, 200, None),
    ],
)
def test_analyze_input_errors(web_client, data, files, status, code):
    response = web_client.post("/api/analyze", data=data, files=files)
    assert response.status_code == status, response.text
    if code:
        assert response.json()["error"]["code"] == code
        assert "/etc/passwd" not in response.text  # a client's file name is only a label, never a path


@pytest.mark.parametrize("declared", [True, False])
def test_upload_size_limit(web_corpus, declared):
    client = TestClient(create_app(corpus=web_corpus, max_upload_bytes=1000, allowed_hosts=["testserver"]))
    body = b"The army attacked the town. " * 100
    if declared:
        response = client.post("/api/analyze", files={"file": ("big.txt", body, "text/plain")})
    else:  # no Content-Length: the body is counted as it streams in
        form = b'--b\r\nContent-Disposition: form-data; name="text"\r\n\r\n' + body + b"\r\n--b--\r\n"
        chunks = iter([form[:600], form[600:]])
        response = client.post("/api/analyze", content=chunks, headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E502" and "1,000" in response.json()["error"]["message"]


class _SlowCorpus:
    """A corpus whose event query takes a second: what a huge store under load looks like."""

    def __init__(self, corpus):
        self._corpus = corpus

    def __getattr__(self, name):
        return getattr(self._corpus, name)

    def events(self, *args, **kwargs):
        time.sleep(1.0)
        return self._corpus.events(*args, **kwargs)


def test_request_time_limit(web_corpus):
    client = TestClient(create_app(corpus=_SlowCorpus(web_corpus), request_timeout_s=0.2, allowed_hosts=["testserver"]))
    response = client.get("/api/events")
    assert response.status_code == 408
    assert response.json()["error"]["code"] == "E503"
    assert client.get("/api/health").status_code == 200  # fast requests are untouched


def test_openapi_documents_the_api(web_client):
    spec = web_client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/analyze", "/api/articles", "/api/events", "/api/graph", "/api/sources", "/api/actors/{actor_key}/timeline"} <= paths
    assert all(p.startswith("/api/") for p in paths)  # pages are not part of the API
    assert "413" in spec["paths"]["/api/analyze"]["post"]["responses"]


def test_a_broken_multipart_body_is_a_coded_400(web_client):
    body = b"--b\r\nnot a header line--b--\r\n"
    response = web_client.post("/api/analyze", content=body, headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "E509"


def test_serving_a_corpus_imports_pandas_before_the_first_request(tmp_path):
    # The first page of a freshly started server must not wait for the import (0.3-0.4 s,
    # benchmarks/web.py): create_app pays it.
    import subprocess
    import sys

    code = (
        "import sys; from newsgraph import Corpus; from newsgraph.web import create_app; "
        f"corpus = Corpus({str(tmp_path / 'c.db')!r}); assert 'pandas' not in sys.modules; "
        "create_app(corpus=corpus); assert 'pandas' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_empty_form_fields_mean_any(web_client):
    every = web_client.get("/api/events").json()
    empty = web_client.get("/api/events?since=&factuality=&min_origins=").json()
    assert empty["total"] == every["total"] > 0


def test_denial_joins_the_accused_act(web_client):
    """"Egypt accused Israel of attacking Gaza" and "Israel denied that it had attacked Gaza":
    one attack, asserted by one mention and negated by the other: a contradiction."""
    (event,) = [e for e in web_client.get("/api/events?actor=ISR&type=ASSAULT").json()["items"]]
    mentions = web_client.get(f"/api/events/{event['event_id']}/mentions").json()["items"]
    assert sorted(m["factuality"] for m in mentions) == ["asserted", "negated"]
    assert event["contradicted"]
