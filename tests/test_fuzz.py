"""Hostile input: every reader and ``analyze`` give a result or a coded NewsgraphError, never another exception.

Random bytes, invalid UTF-8, NUL bytes, lone surrogates, deeply nested and gigantic HTML, a
10 MB line, thousands of quote marks, RTL and mixed scripts, non-English text — through
``analyze``, ``read_article`` and the corpus readers (folders, JSONL, RSS, sitemaps).
"""

from __future__ import annotations

import json

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
