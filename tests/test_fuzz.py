"""Hostile input: every reader and ``analyze`` give a result or a coded NewsgraphError, never another exception.

Random bytes, invalid UTF-8, NUL bytes, lone surrogates, deeply nested and gigantic HTML, a
10 MB line, thousands of quote marks, RTL and mixed scripts, non-English text — through
``analyze``, ``read_article`` and the corpus readers (folders, JSONL, RSS, sitemaps).
"""

from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph import NewsgraphError, Report
from newsgraph.corpus.inputs import iter_items

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

SENTENCE = "The army attacked the town on Monday, officials said in a statement on Tuesday."
NESTED = "<html><body>" + "<div>" * 5000 + SENTENCE + "</div>" * 5000 + "</body></html>"
GIANT_HTML = "<html><body>" + f"<p>{SENTENCE}</p>\n" * 40_000 + "</body></html>"  # 3.4 MB
HOSTILE = {
    "nested 5,000 divs": NESTED,
    "nested, never closed": "<div>" * 5000 + SENTENCE,
    "gigantic HTML": GIANT_HTML,
    "10 MB single line": "a" * 10_000_000,
    "1.5 M characters of prose": SENTENCE * 19_000,
    "5,000 straight quotes": '"' * 5000,
    "curly and straight quotes": "“He said” \"" * 300,
    "quotes around the text": '"' * 2000 + SENTENCE + '"' * 2000,
    "Arabic (RTL)": "قال مسؤولون إن الجيش هاجم البلدة يوم الاثنين. " * 20,
    "Hebrew with bidi controls": "\u202eThe army attacked the town\u202c, officials said. \u200f" * 10,
    "mixed scripts": "Officials said שלום the army مرحبا attacked 中文 the town. " * 10,
    "French": "Le gouvernement a annoncé lundi que l'armée avait attaqué la ville, selon des responsables. " * 5,
    "lone surrogate": f"The army attacked \ud800 the town, officials said. {SENTENCE}",
    "NUL character": f"{SENTENCE}\x00{SENTENCE}",
    "only punctuation": "?!.,;:" * 1000,
    "one 20,000-word sentence": "and " * 20_000 + "said.",
}


def _analyse(text: str, **options) -> None:
    try:
        report = newsgraph.analyze(text, **options)
    except NewsgraphError as error:
        assert error.code[0] == "E" and error.code[1:].isdigit()
        return
    assert isinstance(report, Report)
    Report.from_dict(json.loads(json.dumps(report.to_dict())))


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_gets_a_report_or_a_coded_error(nlp, name):
    _analyse(HOSTILE[name])


@pytest.mark.parametrize(
    "name, code",
    [
        ("10 MB single line", "E004"),
        ("1.5 M characters of prose", "E004"),
        ("gigantic HTML", "E004"),
        ("French", "E005"),
        ("Arabic (RTL)", "E005"),
        ("lone surrogate", "E003"),
        ("NUL character", "E002"),
    ],
)
def test_hostile_text_is_refused_with_its_code(nlp, name, code):
    with pytest.raises(NewsgraphError) as excinfo:
        newsgraph.analyze(HOSTILE[name])
    assert excinfo.value.code == code


def test_over_the_parsers_limit_is_coded(nlp):
    """With ``max_chars`` raised past spaCy's ``max_length``, the parser's own limit is E605."""
    from newsgraph.ingest import article_from_text

    article = article_from_text(HOSTILE["1.5 M characters of prose"], max_chars=2_000_000, check_language=False)
    with pytest.raises(NewsgraphError) as excinfo:
        next(newsgraph.analyze_many([article]))
    assert excinfo.value.code == "E605"


@FUZZ
@given(st.text(max_size=400))
def test_analyze_random_text(text):
    _analyse(text)
    _analyse(text, check_language=False)


@FUZZ
@given(st.binary(max_size=2000))
def test_read_article_random_bytes(data):
    try:
        article = newsgraph.read_article(data)
    except NewsgraphError:
        return
    assert isinstance(article.text, str) and article.text.strip()


@FUZZ
@given(st.binary(max_size=300).map(lambda b: SENTENCE.encode() + b"\xff\xfe\xc3" + b))
def test_read_article_invalid_utf8(data):
    with pytest.raises(NewsgraphError) as excinfo:
        newsgraph.read_article(data)
    assert excinfo.value.code in {"E002", "E003"}


def _drain(tmp_path, name: str, data: bytes, **options) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(iter_items([path], **options))
    for item in items:
        assert (item.article is None) != (item.error is None)
        assert item.error is None or isinstance(item.error, NewsgraphError)
    return items


@FUZZ
@given(st.binary(max_size=1500))
def test_every_reader_takes_random_bytes(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("a.jsonl", "a.xml", "a.rss", "a.txt", "a.html"):
        _drain(folder, name, data, check_language=False)
    sitemap = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + data
    _drain(folder, "sitemap.xml", sitemap)
    (folder / "dir").mkdir()
    (folder / "dir" / "x.txt").write_bytes(data)
    assert len(list(iter_items([folder / "dir"]))) == 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=60),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["text", "html", "title", "url", "outlet", "published", "x"]), inner, max_size=5),
    max_leaves=8,
)


@FUZZ
@given(st.lists(json_values, max_size=5))
def test_jsonl_reader_takes_any_json(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("jsonl")
    lines = "\n".join(json.dumps(r) for r in records) + '\n{"text": "\\ud800 lone surrogate", "title": "\\udfff"}\n'
    items = _drain(folder, "a.jsonl", lines.encode("utf-8"), check_language=False)
    assert len(items) == sum(1 for r in records) + 1
    assert items[-1].error is not None and items[-1].error.code == "E003"


@pytest.mark.parametrize(
    "name, data",
    [
        ("giant.jsonl", (json.dumps({"text": "a" * 10_000_000}) + "\n").encode()),
        ("nested.jsonl", (json.dumps({"html": NESTED}) + "\n").encode()),
        ("quotes.jsonl", (json.dumps({"text": '"' * 5000}) + "\n").encode()),
        ("deep.xml", b"<rss><channel>" + b"<item>" * 5000 + b"</channel></rss>"),
        ("entities.xml", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
         b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><urlset><url><loc>&c;</loc></url></urlset>'),
        ("nul.rss", b"<rss>\x00\x00<channel><item><title>\x00</title></item></channel></rss>"),
        ("rtl.jsonl", (json.dumps({"text": HOSTILE["Arabic (RTL)"], "title": "\u202e"}) + "\n").encode()),
    ],
)
def test_readers_take_hostile_files(tmp_path, name, data):
    _drain(tmp_path, name, data)


# -- the ingest readers, with a time bound per case (issue 22) ---------------------------------

READERS = settings(max_examples=15, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
GOOD = "Egypt accused Turkey of supporting militants in Sinai on Tuesday, officials said."
SECRET = "OUTSIDE-SECRET"


def _nested(depth: int, kind: str) -> str:
    return ("[" * depth + "]" * depth) if kind == "array" else ('{"a": ' * depth + "0" + "}" * depth)


jsonl_lines = st.one_of(
    json_values.map(json.dumps),
    st.builds(lambda depth, kind, field: '{"text": "%s", "%s": %s}' % (GOOD, field, _nested(depth, kind)),
              st.integers(0, 3000), st.sampled_from(["array", "object"]), st.sampled_from(["title", "outlet", "x", "text"])),
    st.builds(lambda field, value: json.dumps({"text": GOOD, field: value}), st.sampled_from(["title", "url", "outlet", "published"]), json_values),
    st.text(max_size=80).filter(lambda line: "\n" not in line and "\r" not in line),
)


@READERS
@given(st.lists(jsonl_lines, min_size=1, max_size=6), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_jsonl_reader_gives_one_item_per_line(tmp_path_factory, lines, encoding):
    folder = tmp_path_factory.mktemp("jsonl")
    data = ("\n".join(lines) + "\n").encode(encoding, "surrogatepass")
    items = _drain(folder, "a.jsonl", data, check_language=False)
    assert len(items) == sum(1 for line in lines if line.strip())
    assert [item.label.rsplit(":", 1)[1] for item in items] == [str(n) for n, line in enumerate(lines, start=1) if line.strip()]


def _feed_bytes(entries: int) -> bytes:
    item = "<item><title>t{n}</title><link>https://w.example/{n}</link><description>{body}</description></item>"
    body = (GOOD + " ") * 5
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            + "".join(item.format(n=n, body=body) for n in range(entries)) + "</channel></rss>").encode()


@READERS
@given(st.integers(0, 3), st.data())
def test_feed_reader_takes_truncated_and_damaged_feeds(tmp_path_factory, entries, data):
    feed = _feed_bytes(entries)
    cut = data.draw(st.integers(0, len(feed)), label="cut")
    noise = data.draw(st.binary(max_size=40), label="noise")
    spot = data.draw(st.integers(0, cut), label="spot")
    damaged = feed[:spot] + noise + feed[spot:cut]
    items = _drain(tmp_path_factory.mktemp("feed"), "a.rss", damaged, check_language=False)
    if damaged == feed and entries:
        assert [item.error for item in items] == [None] * entries
    # the reader goes by content, not the file's name: noise that reads "<sitemapindex" makes
    # the file a damaged sitemap, reported as such (E606; its entries' E403, E409)
    allowed = {"E001", "E002", "E003", "E004", "E005", "E006", "E403", "E404", "E409", "E410", "E606"}
    assert all(item.article is not None or item.error.code in allowed for item in items)


def test_a_damaged_feed_that_reads_as_a_sitemap_says_so(tmp_path):
    damaged = b"<sitemapindex" + _feed_bytes(1)[:40]
    (item,) = _drain(tmp_path, "a.rss", damaged, check_language=False)
    assert item.error.code == "E606" and "a.rss" in str(item.error)


locations = st.builds(
    lambda scheme, host, parts: f"{scheme}{host}/{'/'.join(parts)}",
    st.sampled_from(["http://", "https://", "HTTP://", "file://", "ftp://", "javascript:", "", "//"]),
    st.sampled_from(["ex.org", "", "..", ".", "ex.org:80", "%2e%2e"]),
    st.lists(st.sampled_from(["..", ".", "%2e%2e", "%2E.", "page.html", "secret.html", "leak.html", "a", "", "index.html"]), max_size=5),
)


@READERS
@given(st.lists(locations, min_size=1, max_size=5))
def test_sitemap_never_reads_outside_its_folder(tmp_path_factory, locs):
    from xml.sax.saxutils import escape

    root = tmp_path_factory.mktemp("site")
    page = f"<html><body><article><p>{GOOD} {GOOD}</p></article></body></html>"
    (root / "secret.html").write_text(page.replace("Egypt", SECRET), encoding="utf-8")
    site = root / "site"
    (site / "ex.org" / "a").mkdir(parents=True)
    (site / "page.html").write_text(page, encoding="utf-8")
    (site / "ex.org" / "leak.html").symlink_to(root / "secret.html")
    urls = "".join(f"<url><loc>{escape(loc)}</loc></url>" for loc in locs)
    items = _drain(site, "sitemap.xml", f"<urlset>{urls}</urlset>".encode())
    assert len(items) == sum(1 for loc in locs if loc.strip())
    for item, loc in zip(items, [loc for loc in locs if loc.strip()]):
        assert item.article is None or SECRET not in item.article.text
        if not loc.lower().startswith(("http://", "https://")):
            assert item.error is not None and item.error.code == "E409"


file_names = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b and not b.startswith(b"."))


@READERS
@given(st.lists(file_names, min_size=1, max_size=6, unique=True))
def test_any_file_name_is_read_under_a_storable_label(tmp_path_factory, names):
    folder = tmp_path_factory.mktemp("names")
    for name in names:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(GOOD.encode())
    items = list(iter_items([folder], check_language=False))
    assert len(items) == len(names) and all(item.article is not None for item in items)
    labels = [item.label for item in items]
    assert len(set(labels)) == len(labels) or any(b"\\" in name for name in names)
    for label in labels:
        label.encode("utf-8")  # a UnicodeEncodeError here is the bug


# name -> (bytes, or "fifo"/"link-out"/"loop", good?): the hostile mix. Good texts are made unique per case.
MIX = {
    "good.txt": (b"{good}", True),
    "good.jsonl": (b'\xef\xbb\xbf{{"text": "{good}", "outlet": "Wire"}}\n', True),
    "utf16.txt": ("utf16", True),
    "empty.txt": (b"   \n", False),
    "binary.txt": (b"\x7fELF\x00\x00\x01", False),
    "deep.jsonl": (b'{"text": "x", "y": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n", False),  # deeper than any recursion limit
    "object.jsonl": (b'{{"text": "{good}", "outlet": {{"a": 1}}}}\n', False),
    "junk.rss": (b"\x00\x01 not a feed", False),
    "notxml.xml": (b"plain words", False),
    "pipe.txt": ("fifo", False),
    "zero.txt": ("/dev/zero", False),
    "loop.txt": ("loop", False),
    "out.txt": ("link-out", False),
    "passwd.xml": (b"<urlset><url><loc>file:///etc/passwd</loc></url></urlset>", False),
}


@READERS
@given(st.lists(st.sampled_from(sorted(MIX)), min_size=1, max_size=8), st.sampled_from([b"", b"\xff", b"\xe9\x1b"]))
def test_ingest_stores_each_good_input_once_and_records_each_bad_one(tmp_path_factory, kinds, odd):
    from unittest import mock

    from newsgraph import Corpus, Report
    from newsgraph.corpus import batch

    root = tmp_path_factory.mktemp("mix")
    (root / "outside.txt").write_text(GOOD, encoding="utf-8")
    folder = root / "in"
    folder.mkdir()
    good = 0
    for number, kind in enumerate(kinds):
        content, is_good = MIX[kind]
        path = os.path.join(os.fsencode(folder), b"%02d" % number + odd + kind.encode())
        text = f"Officials said item {number} of case {root.name} was about Egypt and Turkey."
        good += is_good
        if content == "fifo":
            os.mkfifo(path)
        elif content == "/dev/zero":
            os.symlink(b"/dev/zero", path)
        elif content == "loop":
            os.symlink(path, path)
        elif content == "link-out":
            os.symlink(os.fsencode(root / "outside.txt"), path)
        elif content == "utf16":
            with open(path, "wb") as handle:
                handle.write(text.encode("utf-16"))
        else:
            with open(path, "wb") as handle:
                handle.write(content.replace(b"{good}", text.encode()).replace(b"{{", b"{").replace(b"}}", b"}"))
    stand_in = lambda articles, *options: [Report(article=a) for a in articles]  # noqa: E731 - the readers are under test
    with mock.patch.object(batch, "analyse_chunk", stand_in), Corpus(root / "c.db") as corpus:
        stats = corpus.ingest([folder], check_language=False)
        stored = [row[0] for row in corpus.store.rows("SELECT item FROM articles")[1]]
        errors = corpus.store.scalar("SELECT count(*) FROM errors")
    assert (stats.stored, len(stored), len(set(stored))) == (good, good, good), (kinds, odd, stored)
    assert (stats.errors, errors) == (len(kinds) - good, len(kinds) - good)


html_fragments = st.recursive(
    st.sampled_from([GOOD, "", "&amp;", "&#0;", "<br>", "<script>x</script>", "\u202e", "<!--", "]]>", "<?xml ?>"]),
    lambda inner: st.builds(lambda tag, parts, close: f"<{tag}>{''.join(parts)}" + (f"</{tag}>" if close else ""),
                            st.sampled_from(["div", "p", "article", "table", "td", "svg", "nav", "x-y", "html", "body"]),
                            st.lists(inner, max_size=3), st.booleans()),
    max_leaves=12,
)


@READERS
@given(html_fragments, st.integers(0, 2000), st.sampled_from(["div", "span", "article", "p"]))
def test_html_reader_takes_tag_soup_and_deep_nesting(tmp_path_factory, fragment, depth, tag):
    page = f"<html><body>{f'<{tag}>' * depth}{fragment}{f'</{tag}>' * depth}</body></html>"
    (item,) = _drain(tmp_path_factory.mktemp("html"), "page.html", page.encode("utf-8", "surrogatepass"), check_language=False)
    assert item.article is not None or item.error.code in {"E001", "E002", "E003", "E006"}
# Nesting and length: every case ends within its time bound (``article_timeout``, the limit
# that ``analyze`` itself enforces, for the parse and again for the analysis) with a report or
# a coded error (E601 past the bound). Hypothesis's deadline is the backstop, loose enough that
# a slow shared machine does not trip it while a limit that failed to stop would.
CASE_SECONDS = 10
BOUNDED = settings(
    max_examples=6, deadline=(2 * CASE_SECONDS + 30) * 1000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
SPEAKERS = ["Egypt's minister", "the Turkish envoy", "he", "an official", "Reuters", "they"]
CUES = ["said that", "told reporters", "claimed", ", citing", "wrote:", "according to"]
MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„"]
nested_quotes = st.lists(st.tuples(st.sampled_from(SPEAKERS), st.sampled_from(CUES), st.sampled_from(MARKS)), min_size=1, max_size=120).map(
    lambda levels: "".join(f"{who} {cue} {mark}" for who, cue, mark in levels)
    + "the troops attacked the town"
    + "".join(f"{mark}, {who} added" for who, _, mark in reversed(levels))
    + "."
)
SENTENCES = [SENTENCE, "Iran warned Iraq, citing a report.", '"We will respond," the minister said.', "Talks go on.\n\n"]
long_texts = st.tuples(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8), st.integers(1, 400)).map(
    lambda pieces_times: " ".join(pieces_times[0]) * pieces_times[1]
)


@BOUNDED
@given(nested_quotes)
def test_analyze_nested_quotes_within_the_time_bound(text):
    _analyse(text, check_language=False, article_timeout=CASE_SECONDS)


@BOUNDED
@given(long_texts)
def test_analyze_long_texts_within_the_time_bound(text):
    _analyse(text, check_language=False, article_timeout=CASE_SECONDS)
