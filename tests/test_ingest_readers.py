"""The ingest readers refuse each bad input with one coded Item and go on, and read nothing
outside the paths given (issue 22: items 1, 2, 4, 7 and 8).

Each case builds a small folder of inputs (bytes, FIFOs, symbolic links) and lists the
(label, code) the readers give, in order; ``None`` is an article. End-to-end cases run
``Corpus.ingest`` and the CLI with a stand-in analyser, since the spaCy pipeline is not the point.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import Article, Corpus, Report
from newsgraph.cli import app
from newsgraph.corpus import batch, inputs
from newsgraph.corpus.inputs import iter_items
from newsgraph.ingest import MAX_TITLE_CHARS, display_name, read_article

STORY = "Egypt accused Turkey of supporting militants in Sinai on Tuesday, officials said."
OTHER = "Iran warned Iraq against closing the border crossing near Basra, the foreign ministry said."
BAD_NAME = os.fsdecode(b"bad\xff.txt")  # a file name that is not UTF-8, as os.listdir gives it


def _line(**record) -> str:
    return json.dumps(record) + "\n"


def _sitemap(*locs: str) -> bytes:
    urls = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def _feed(*bodies: str, truncated: bool = False) -> bytes:
    items = "".join(f"<item><title>t{i}</title><link>https://w.example/{i}</link><description>{b}</description></item>" for i, b in enumerate(bodies))
    text = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
    return (text if truncated else text + "</channel></rss>").encode()


PAGE = f"<html><body><article><p>{STORY} {OTHER}</p></article></body></html>".encode()
LONG_BODY = (STORY + " ") * 5

# name -> content: bytes for a file, ("fifo",), ("link", target relative to the case folder,
# or absolute), ("dir",). The inputs given are ``given`` (default: the folder "in").
CASES = {
    # 1. a line nested 1,100 deep is one E402; the lines around it are read
    "deeply nested JSONL line": (
        {"in/a.jsonl": (_line(text=STORY) + '{"text": "x", "extra": ' + "[" * 1100 + "]" * 1100 + "}\n" + _line(text=OTHER)).encode()},
        [("in/a.jsonl:1", None), ("in/a.jsonl:2", "E402"), ("in/a.jsonl:3", None)],
    ),
    # 2. an undecodable file name is read, under a label with the byte escaped
    "file name that is not UTF-8": (
        {f"in/{BAD_NAME}": STORY.encode(), "in/good.txt": OTHER.encode()},
        [("in/bad\\xff.txt", None), ("in/good.txt", None)],
    ),
    # 4. sitemap addresses: only http(s), nothing outside the sitemap's folder
    "sitemap file: address": ({"site/sitemap.xml": _sitemap("file:///etc/passwd")}, [("site/sitemap.xml#file:///etc/passwd", "E409")]),
    "sitemap ftp: address": ({"site/sitemap.xml": _sitemap("ftp://ex.org/a.html")}, [("site/sitemap.xml#ftp://ex.org/a.html", "E409")]),
    "sitemap address climbing with ..": (
        {"secret.txt": STORY.encode(), "site/sitemap.xml": _sitemap("http://ex.org/../secret.txt", "http://ex.org/%2e%2e/secret.txt")},
        [("site/sitemap.xml#http://ex.org/../secret.txt", "E409"), ("site/sitemap.xml#http://ex.org/%2e%2e/secret.txt", "E409")],
    ),
    "sitemap copy linked outside its folder": (
        {"secret.html": PAGE, "site/ex.org/leak.html": ("link", "secret.html"), "site/ex.org/page.html": PAGE,
         "site/sitemap.xml": _sitemap("http://ex.org/leak.html", "https://ex.org/page.html")},
        [("site/sitemap.xml#http://ex.org/leak.html", "E409"), ("site/sitemap.xml#https://ex.org/page.html", None)],
    ),
    "folder link pointing outside": (
        {"secret.txt": STORY.encode(), "elsewhere/x.txt": OTHER.encode(), "in/a.txt": OTHER.encode(),
         "in/leak.txt": ("link", "secret.txt"), "in/out": ("link", "elsewhere"), "in/same.txt": ("link", "in/a.txt")},
        [("in/a.txt", None), ("in/leak.txt", "E409"), ("in/out", "E409"), ("in/same.txt", None)],
    ),
    # 7. bad inputs that used to leave no trace
    "binary .rss": ({"in/a.rss": b"\x00\x01\x02 binary \xff\xfe junk"}, [("in/a.rss", "E410")]),
    ".xml that is not XML": ({"in/a.xml": b"hello, this is not XML at all"}, [("in/a.xml", "E410")]),
    "XML that is not a feed": ({"in/a.xml": b"<?xml version='1.0'?><catalogue><book/></catalogue>"}, [("in/a.xml", "E410")]),
    "truncated feed keeps its entries": (
        {"in/a.rss": _feed(LONG_BODY * 2, truncated=True)},
        [("in/a.rss#https://w.example/0", None), ("in/a.rss", "E410")],
    ),
    "FIFO in a folder": ({"in/a.txt": STORY.encode(), "in/pipe.txt": ("fifo",)}, [("in/a.txt", None), ("in/pipe.txt", "E007")]),
    "FIFO given by name": ({"pipe.jsonl": ("fifo",)}, [("pipe.jsonl", "E007")], ["pipe.jsonl"]),
    "link to /dev/zero": ({"in/zero.txt": ("link", "/dev/zero")}, [("in/zero.txt", "E007")]),
    "symbolic link loop": ({"in/a.txt": ("link", "in/b.txt"), "in/b.txt": ("link", "in/a.txt")}, [("in/a.txt", "E007"), ("in/b.txt", "E007")]),
    "broken symbolic link": ({"in/gone.txt": ("link", "in/nothing.txt")}, [("in/gone.txt", "E007")]),
    "JSONL with a UTF-8 byte-order mark": ({"in/a.jsonl": codecs.BOM_UTF8 + _line(text=STORY).encode()}, [("in/a.jsonl:1", None)]),
    # 8. UTF-16/32 with a byte-order mark are decoded; metadata must be strings
    "UTF-16 text file": ({"in/a.txt": STORY.encode("utf-16")}, [("in/a.txt", None)]),
    "UTF-32 text file": ({"in/a.txt": STORY.encode("utf-32")}, [("in/a.txt", None)]),
    "UTF-16 JSONL": ({"in/a.jsonl": (_line(text=STORY) + _line(text=OTHER)).encode("utf-16")}, [("in/a.jsonl:1", None), ("in/a.jsonl:2", None)]),
    "UTF-32 JSONL": ({"in/a.jsonl": _line(text=STORY).encode("utf-32")}, [("in/a.jsonl:1", None)]),
    "metadata that is not a string": (
        {"in/a.jsonl": (_line(text=STORY, outlet={"name": "Wire"}) + _line(text=STORY, title=["T"]) + _line(text=STORY, url=7)
                        + _line(text=STORY, published=2016) + _line(text=OTHER, outlet="Wire")).encode()},
        [("in/a.jsonl:1", "E402"), ("in/a.jsonl:2", "E402"), ("in/a.jsonl:3", "E402"), ("in/a.jsonl:4", "E402"), ("in/a.jsonl:5", None)],
    ),
}


def _build(root: Path, spec: dict) -> None:
    for name, content in spec.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content[0] == "fifo":
            os.mkfifo(path)
        elif content[0] == "link":
            target = Path(content[1])
            os.symlink(target if target.is_absolute() else root / target, path)


def _codes(items, root: Path) -> list:
    prefix = display_name(root) + "/"
    return [(item.label.removeprefix(prefix), item.error.code if item.error else None) for item in items]


@pytest.mark.parametrize("case", list(CASES))
def test_readers_refuse_each_bad_input_with_one_coded_item(tmp_path, case):
    spec, expected, *given = CASES[case]
    _build(tmp_path, spec)
    paths = [tmp_path / name for name in (given[0] if given else ["in"] if any(n.startswith("in/") for n in spec) else ["site/sitemap.xml"])]
    items = list(iter_items(paths, check_language=False))
    assert _codes(items, tmp_path) == expected
    for item in items:
        item.label.encode("utf-8"), str(item.error or "").encode("utf-8")  # storable and printable, or UnicodeEncodeError


@pytest.mark.parametrize(
    "line, field",
    [(_line(text=STORY, outlet={"a": 1}), "'outlet' is an object"), (_line(text=STORY, title=["T"]), "'title' is an array"),
     (_line(text=STORY, published=2016), "'published' is a number"), ('{"text": ' + "[" * 1100 + "]" * 1100 + "}", "nested too deeply")],
    ids=["outlet object", "title array", "published number", "nested 1,100 deep"],
)
def test_jsonl_refusals_name_what_is_wrong(tmp_path, line, field):
    (tmp_path / "a.jsonl").write_text(line, encoding="utf-8")
    (item,) = iter_items([tmp_path / "a.jsonl"], check_language=False)
    assert item.error.code == "E402" and field in str(item.error)


def test_sitemap_never_reads_outside_its_folder(tmp_path):
    (tmp_path / "secret.txt").write_text(f"TOP SECRET {STORY}", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitemap.xml").write_bytes(_sitemap("http://ex.org/../secret.txt", "file://" + str(tmp_path / "secret.txt")))
    items = list(iter_items([tmp_path / "site" / "sitemap.xml"], check_language=False))
    assert all(item.article is None for item in items)
    assert not any("TOP SECRET" in str(item.error) for item in items)


@pytest.mark.parametrize(
    "data, encoding, code, fragment",
    [
        (("Caf\u00e9 " + STORY).encode("cp1252"), None, "E003", "not valid utf-8"),
        (("Caf\u00e9 " + STORY).encode("cp1252"), "ascii", "E003", "not valid ascii"),
        (("Caf\u00e9 " + STORY).encode("cp1252"), "cp1252", None, "Café"),
        (STORY.encode("utf-16-le"), None, "E002", "--encoding utf-16-le"),
        (STORY.encode("utf-16-le"), "utf-16-le", None, "Egypt"),
        (STORY.encode("utf-16"), None, None, "Egypt"),
        (b"x" * 4001, None, "E004", "4,001 bytes long, over the limit of 4,000 bytes"),
        (STORY.encode(), "rot13", "E009", "rot13"),
    ],
    ids=["cp1252 as utf-8", "cp1252 as ascii", "cp1252 given", "utf-16-le without BOM", "utf-16-le given", "utf-16 BOM",
         "bytes over the limit", "not a text codec"],
)
def test_encodings_and_limits_say_what_they_mean(data, encoding, code, fragment):
    try:
        article = read_article(data, name="a.txt", encoding=encoding, max_chars=1000, check_language=False)
    except Exception as error:  # noqa: BLE001 - the code is the check
        assert (getattr(error, "code", type(error).__name__), fragment in str(error)) == (code, True), str(error)
    else:
        assert code is None and fragment in article.text


def test_a_title_is_capped(tmp_path):
    (tmp_path / "a.jsonl").write_text(_line(text=STORY, title="word " * 20_000), encoding="utf-8")
    (item,) = iter_items([tmp_path / "a.jsonl"], check_language=False)
    assert len(item.article.title) == MAX_TITLE_CHARS and item.article.title.endswith("\u2026")


@pytest.mark.parametrize(
    "name, label",
    [("plain.txt", "plain.txt"), (BAD_NAME, "bad\\xff.txt"), ("a\nb\x1b[31m.txt", "a\\nb\\x1b[31m.txt"),
     ("\u202etxt.exe", "\\u202etxt.exe"), ("café.txt", "café.txt")],
)
def test_display_name_escapes_what_cannot_be_shown(name, label):
    assert display_name(name) == label
    assert display_name(os.fsencode(name)) == label


@pytest.mark.parametrize("target", ["jsonl_items", "read_article"])
def test_an_unexpected_error_in_a_reader_is_one_E301_and_the_run_goes_on(tmp_path, monkeypatch, target):
    real = getattr(inputs, target)

    def broken(path, *args, **kwargs):
        if "poison" in str(path):
            raise KeyError("surprise")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(inputs, target, broken)
    (tmp_path / "in").mkdir()
    for name, text in (("a", STORY), ("poison", OTHER), ("z", OTHER)):
        (tmp_path / "in" / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / "in" / f"{name}.jsonl").write_text(_line(text=text), encoding="utf-8")
    codes = _codes(iter_items([tmp_path / "in"], check_language=False), tmp_path)
    poisoned = {"jsonl_items": "in/poison.jsonl", "read_article": "in/poison.txt"}[target]
    assert [c for c in codes if c[1]] == [(poisoned, "E301")]
    assert len(codes) == 6


# -- end to end: the store, and the CLI ----------------------------------------------------------


@pytest.fixture
def stand_in_analyser(monkeypatch):
    """Every article gets an empty report: the readers and the store are under test, not spaCy."""
    monkeypatch.setattr(batch, "analyse_chunk", lambda articles, *options: [Report(article=a) for a in articles])


def _hostile_folder(root: Path) -> Path:
    _build(root, {
        f"in/{BAD_NAME}": STORY.encode(), f"in/empty{BAD_NAME}": b"  ", "in/a.jsonl": (
            codecs.BOM_UTF8 + (_line(text=OTHER) + "[" * 1100 + "]" * 1100 + "\n" + _line(text="Hamas denied the attack, officials said.", outlet={"x": 1})).encode()),
        "in/feed.rss": b"\x00 not a feed", "in/pipe.txt": ("fifo",), "in/zero.txt": ("link", "/dev/zero"),
        "in/loop.txt": ("link", "in/loop.txt"), "secret.html": PAGE, "in/site/sitemap.xml": _sitemap("file:///etc/passwd", "http://ex.org/../../secret.html"),
        "in/u16.txt": "Turkey met Syria in Ankara on Monday, officials said.".encode("utf-16"),
    })
    return root / "in"


EXPECTED_ERRORS = {"E001": 1, "E007": 3, "E402": 2, "E409": 2, "E410": 1}  # 9 bad inputs


def test_a_hostile_folder_stores_the_good_and_records_the_bad(tmp_path, stand_in_analyser):
    folder = _hostile_folder(tmp_path)
    with Corpus(tmp_path / "c.db") as corpus:
        stats = corpus.ingest([folder])
        stored = sorted(r[0] for r in corpus.store.rows("SELECT item FROM articles")[1])
        errors = corpus.errors()
    assert (stats.stored, stats.errors, stats.error_codes) == (3, 9, EXPECTED_ERRORS)
    assert stored == sorted(f"{display_name(folder)}/{name}" for name in ("bad\\xff.txt", "a.jsonl:1", "u16.txt"))
    assert sorted(errors["code"]) == sorted(code for code, n in EXPECTED_ERRORS.items() for _ in range(n))


def test_cli_ingest_has_encoding_and_counts_errors_by_code(tmp_path, stand_in_analyser):
    folder = _hostile_folder(tmp_path)
    (folder / "latin.txt").write_bytes(("Caf\u00e9 owners in Ankara met Syria on Monday, officials said.").encode("cp1252"))
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "c.db"), "--encoding", "cp1252"])
    assert result.exit_code == 0, result.output
    assert "4 stored" in result.output and "E007 x3" in result.output and "E409 x2" in result.output
    refused = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "c.db"), "--encoding", "no-such-codec"])
    assert refused.exit_code == 2 and "E009" in refused.output and "Traceback" not in refused.output


def test_articles_given_in_python_are_stored_or_refused_not_raised(tmp_path, stand_in_analyser):
    articles = [Article(text=STORY, title="lone \ud800 surrogate"), Article(text=f"{OTHER} \udcff", url="https://w.example/\udcff"),
                Article(text=OTHER, url="https://w.example/long", title="word " * 20_000)]
    with Corpus(tmp_path / "c.db") as corpus:
        stats = corpus.ingest(articles, check_language=False)
        rows = corpus.store.rows("SELECT item, length(title) FROM articles ORDER BY item")[1]
        assert corpus.store.scalar("SELECT title FROM articles WHERE item LIKE 'lone%'") == "lone ? surrogate"
    assert rows == [("https://w.example/long", MAX_TITLE_CHARS), ("lone \\ud800 surrogate", 16)]
    assert stats.error_codes == {"E003": 1}
