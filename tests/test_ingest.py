"""Reading articles: plain text, HTML, standard input, and every refusal code."""

from __future__ import annotations

import io
import sys

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import DEFAULT_MAX_CHARS, article_from_text, read_article

STORY = (
    "Officials in the capital said on Tuesday that the bridge would reopen next month after repairs.\n\n"
    "The transport minister told reporters that engineers had found no further damage to the structure."
)

PAGE = """<!DOCTYPE html>
<html><head><title>Bridge to reopen next month | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Bridge to reopen next month">
<meta name="author" content="Sam Okafor">
<meta property="article:published_time" content="2023-09-12T07:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Bridge to reopen next month</h1>
<p>Officials in the capital said on Tuesday that the bridge would reopen next month after three months of repairs.</p>
<p>The transport minister told reporters that engineers had found no further damage to the structure.</p>
<p>Commuters have faced long detours since the bridge was closed in June after a barge struck one of its piers.</p>
</article>
<footer><p>Copyright 2023 Harbour Gazette Media Group. All rights reserved. Sign up for our newsletter today.</p></footer>
</body></html>"""


def _code(excinfo) -> str:
    return excinfo.value.code


# --- plain text -------------------------------------------------------------


def test_plain_text_kept_exactly():
    art = article_from_text(STORY)
    assert art.text == STORY
    assert art.title is None  # the first line ends with a period


@pytest.mark.parametrize(
    "text, title",
    [
        ("Bridge to reopen next month\n\n" + STORY, "Bridge to reopen next month"),
        ("  Flood warning for the coast  \n\n" + STORY, "Flood warning for the coast"),
        ("Bridge to reopen next month.\n\n" + STORY, None),  # ends in a period
        ("Bridge to reopen\n" + STORY, None),  # no blank line after it
        ("x" * 201 + "\n\n" + STORY, None),  # too long
    ],
)
def test_title_detection(text, title):
    art = article_from_text(text)
    assert art.title == title
    assert art.text == text  # the title stays in the text


def test_line_endings_and_control_characters():
    raw = ("Headline here\r\n\r\n" + STORY.replace("\n", "\r\n") + "\x07\x0b").encode()
    art = read_article(raw)
    assert "\r" not in art.text and "\x07" not in art.text and "\x0b" not in art.text
    assert art.text.startswith("Headline here\n\nOfficials")
    assert art.title == "Headline here"


def test_bom_removed_and_path(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"\xef\xbb\xbf" + STORY.encode())
    art = read_article(path)
    assert art.text == STORY
    assert read_article(str(path)).text == STORY


def test_explicit_metadata_overrides():
    art = article_from_text(
        "Headline\n\n" + STORY, title="Given title", published="2024-02-29", outlet="Wire"
    )
    assert (art.title, art.published, art.outlet) == ("Given title", "2024-02-29", "Wire")


@pytest.mark.parametrize("bad", ["2024-02-30", "12/03/2024", "2024-3-1", "yesterday"])
def test_bad_published_date(bad):
    with pytest.raises(InputError) as excinfo:
        article_from_text(STORY, published=bad, name="wire.txt")
    assert _code(excinfo) == "E008" and "wire.txt" in str(excinfo.value)


def test_encoding_option():
    art = read_article("Caf\xe9 owners said on Monday that rents had doubled in two years.".encode("cp1252"), encoding="cp1252")
    assert art.text.startswith("Café owners")
    with pytest.raises(InputError) as excinfo:
        read_article(b"text", encoding="no-such-codec")
    assert _code(excinfo) == "E009"


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    art = read_article("-")
    assert art.text == STORY


def test_stdin_name_in_errors(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"   \n ")))
    with pytest.raises(InputError) as excinfo:
        read_article("-")
    assert _code(excinfo) == "E001" and "<stdin>" in str(excinfo.value)


# --- HTML ---------------------------------------------------------------------


def test_html_page():
    art = article_from_text(PAGE, name="page.html")
    assert "reopen next month after three months of repairs" in art.text
    assert "Sport" not in art.text and "Copyright" not in art.text and "newsletter" not in art.text
    assert "\n\n" in art.text  # paragraphs separated by blank lines
    assert art.title == "Bridge to reopen next month"
    assert art.published == "2023-09-12"
    assert art.outlet == "Harbour Gazette"
    assert art.byline == "Sam Okafor"


def test_html_page_from_bytes_with_override():
    art = read_article(PAGE.encode(), published="2023-09-13", outlet="Other")
    assert (art.published, art.outlet, art.title) == ("2023-09-13", "Other", "Bridge to reopen next month")


def test_html_fragment_detected_by_tag_density():
    fragment = "<div><p>" + STORY.replace("\n\n", "</p><p>") + "</p></div><p><a href='/x'>More</a></p><br><br>"
    art = article_from_text(fragment)
    assert "<p>" not in art.text and "bridge would reopen" in art.text


def test_malformed_html_does_not_crash():
    broken = "<html><body><div><p>Unclosed <b>bold <p>Rescue teams said on Sunday that all twelve miners had been brought safely to the surface. <div <span"
    art = article_from_text(broken)
    assert "twelve miners" in art.text


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>Copyright</footer></body></html>",
        "<html><head><script>var x = 1;</script></head><body></body></html>",
    ],
)
def test_html_without_article_text(page):
    with pytest.raises(InputError) as excinfo:
        article_from_text(page, name="empty.html")
    assert _code(excinfo) == "E006" and "empty.html" in str(excinfo.value)


# --- refusals -----------------------------------------------------------------


@pytest.mark.parametrize(
    "data, code, fragment",
    [
        (b"", "E001", "empty"),
        (b"   \n\t\r\n  ", "E001", "empty"),
        (b"Some text\x00with a NUL byte in the middle of it", "E002", "NUL"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E002", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "E002", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00", "E002", "gzip"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "E002", "PNG"),
        (b"\x01\x02\x03\x04\x05\x06 some text \x0e\x0f\x10\x11\x12\x13\x14", "E002", "control"),
        (b"The minister said caf\xe9 owners agreed.", "E003", "offset 21"),
    ],
)
def test_bad_bytes(data, code, fragment):
    with pytest.raises(InputError) as excinfo:
        read_article(data, name="input-42.txt")
    assert _code(excinfo) == code
    message = str(excinfo.value)
    assert "input-42.txt" in message and fragment in message


def test_too_large_small_limit():
    with pytest.raises(InputError) as excinfo:
        article_from_text(STORY, max_chars=50, name="long.txt")
    assert _code(excinfo) == "E004" and "long.txt" in str(excinfo.value)


def test_too_large_default_limit(tmp_path):
    path = tmp_path / "big.txt"
    line = "The committee met again on Thursday to discuss the budget proposal. " * 10 + "\n"
    path.write_text(line * (5_000_000 // len(line) + 1), encoding="utf-8")
    assert path.stat().st_size >= 5_000_000 > DEFAULT_MAX_CHARS
    with pytest.raises(InputError) as excinfo:
        read_article(path)
    assert _code(excinfo) == "E004" and "big.txt" in str(excinfo.value)


def test_huge_file_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse 50 MB file: refused on its size alone
        fh.truncate(50_000_000)
    with pytest.raises(InputError) as excinfo:
        read_article(path)
    assert _code(excinfo) == "E004"


@pytest.mark.parametrize(
    "path_kind, fragment",
    [("missing", "no such file"), ("directory", "directory")],
)
def test_unreadable_paths(tmp_path, path_kind, fragment):
    target = tmp_path / "nope.txt" if path_kind == "missing" else tmp_path
    with pytest.raises(InputError) as excinfo:
        read_article(target)
    assert _code(excinfo) == "E007"
    assert fragment in str(excinfo.value) and str(target) in str(excinfo.value)


def test_permission_denied(tmp_path):
    import os

    path = tmp_path / "secret.txt"
    path.write_text(STORY)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything")
        with pytest.raises(InputError) as excinfo:
            read_article(path)
        assert _code(excinfo) == "E007" and "permission" in str(excinfo.value)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "Le gouvernement a annoncé mercredi une série de mesures pour soutenir les agriculteurs "
            "touchés par la sécheresse, selon un communiqué publié dans la soirée.",
            "French",
        ),
        (
            "Die Bundesregierung hat am Mittwoch neue Maßnahmen angekündigt, um die Landwirte zu "
            "unterstützen, die unter der anhaltenden Trockenheit leiden.",
            "German",
        ),
        (
            "أعلنت الحكومة يوم الأربعاء عن سلسلة من الإجراءات لدعم المزارعين المتضررين من الجفاف "
            "في مختلف أنحاء البلاد، بحسب بيان رسمي.",
            "Arabic",
        ),
    ],
)
def test_not_english(text, language):
    with pytest.raises(InputError) as excinfo:
        article_from_text(text, name="foreign.txt")
    assert _code(excinfo) == "E005"
    assert language in str(excinfo.value) and "foreign.txt" in str(excinfo.value)
    # the check can be turned off
    assert article_from_text(text, check_language=False).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Short note: ok.",  # too few letters to judge
        "President Emmanuel Macron met Chancellor Olaf Scholz and Prime Minister Pedro Sánchez in "
        "Brussels on Thursday, a spokesperson for the Élysée Palace said.",
        # names outvoted the sentence around them
        "Obama met Angela Merkel in Berlin, and she said the talks went well.",
        "Wolfgang Schäuble met Jean-Claude Juncker in Brussels on Monday, and the two said they agreed.",
    ],
)
def test_english_with_foreign_names_accepted(text):
    assert article_from_text(text).text == text
