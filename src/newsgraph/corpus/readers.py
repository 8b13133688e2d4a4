"""Readers of the files that hold many articles: JSONL, RSS/Atom feeds and sitemaps.

Each reader yields one ``Item`` per line, entry or page: an article, or the coded error that
kept it from being one, so that one bad line costs that line only. What a reader refuses:

* JSONL: a line that is not a JSON object with a ``text`` or ``html`` string, is nested
  too deeply to parse, or has ``title``/``url``/``outlet``/``published`` that are not
  strings (E402). The file is UTF-8 (a byte-order mark is dropped), UTF-16 or UTF-32 with a
  byte-order mark, or in the ``encoding`` given.
* feeds: a file that is not well-formed RSS or Atom (E410), an entry without article text (E404).
* sitemaps: a ``<loc>`` that is not http(s), that climbs with ``..``, or whose saved copy
  resolves outside the sitemap's folder through a link (E409); one with no saved copy (E403).

Files are opened without blocking and only when they are regular files (E007 otherwise).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import io
import json
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional
from urllib.parse import unquote, urlparse

from ..errors import AnalysisError, Errors, InputError, NewsgraphError, StoreError
from ..ingest import article_from_text, bom_encoding, display_name, read_article
from ..model import Article

__all__ = ["Item", "feed_items", "guarded", "jsonl_items", "open_regular", "sitemap_items", "unexpected"]

log = logging.getLogger(__name__)

# A feed summary shorter than this is a teaser, not the article.
_MIN_FEED_WORDS = 40
# JSON escapes ("\u00e9") can spell one character with six: a line is refused unread only
# when even fully escaped text could not fit under the article limit.
_JSON_ESCAPE_WIDTH = 6
_LINE_SLACK = 1 << 16  # room for the metadata fields around the text
_DRAIN_CHUNK = 1 << 20
_METADATA = ("title", "url", "outlet", "published")
_WEB_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Item:
    """One input: an article, or the coded error that kept it from being one."""

    label: str
    article: Optional[Article] = None
    error: Optional[NewsgraphError] = None


def guarded(label: str, build: Callable[[], Article]) -> Item:
    """``build()`` as an Item: its article, its coded error, or E301 for anything else."""
    try:
        return Item(label=label, article=build())
    except NewsgraphError as error:
        return Item(label=label, error=error)
    except Exception as exc:  # noqa: BLE001 - one input's bug must not end the run
        return Item(label=label, error=unexpected(label, exc))


def unexpected(label: str, exc: BaseException) -> AnalysisError:
    log.warning("%s: unexpected %s while reading", label, type(exc).__name__, exc_info=exc)
    return AnalysisError(Errors.E301, name=label, detail=f"reading it raised {type(exc).__name__}: {exc}")


def open_regular(path: Path, label: str) -> io.BufferedReader:
    """The file opened for reading, if it is a regular file (E007 otherwise, without waiting on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(Errors.E007, name=label, detail=exc.strerror or str(exc)) from exc
    handle = io.open(fd, "rb")  # a BufferedReader: peek() sniffs a byte-order mark
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise InputError(Errors.E007, name=label, detail="it is not a regular file")
    return handle


# -- JSONL ----------------------------------------------------------------------------------


def jsonl_items(path: Path, label: str, options: dict) -> Iterator[Item]:
    try:
        binary = open_regular(path, label)
    except NewsgraphError as error:
        yield Item(label=label, error=error)
        return
    encoding = _jsonl_encoding(binary.peek(4)[:4], options.get("encoding"))
    limit = options["max_chars"] * _JSON_ESCAPE_WIDTH + _LINE_SLACK
    with io.TextIOWrapper(binary, encoding=encoding, errors="replace") as handle:
        for number, (line, size) in enumerate(_bounded_lines(handle, limit), start=1):
            line_label = f"{label}:{number}"
            if line is None:
                error = InputError(Errors.E004, name=line_label, size=size, limit=options["max_chars"], unit="characters")
                yield Item(label=line_label, error=error)
            elif line.strip():
                yield _jsonl_item(line, line_label, options)


def _jsonl_encoding(head: bytes, given: Optional[str]) -> str:
    # A byte-order mark wins; "utf-8-sig" reads UTF-8 with or without one.
    found = bom_encoding(head) or given or "utf-8"
    return "utf-8-sig" if found.lower().replace("_", "-") in ("utf-8", "utf8") else found


def _bounded_lines(handle, limit: int) -> Iterator[tuple[Optional[str], int]]:
    """Each line with its length, or (None, length) for a line over ``limit`` characters,
    which is skipped a megabyte at a time instead of being held in memory whole."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith("\n"):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith("\n"):
            line = handle.readline(_DRAIN_CHUNK)
            if not line:
                break
            size += len(line)
        yield None, size


def _jsonl_item(line: str, label: str, options: dict) -> Item:
    try:
        record = json.loads(line)
        body = _checked_record(record)
    except RecursionError:
        detail = "nested too deeply to parse (about 1,000 levels of arrays or objects)"
        return Item(label=label, error=StoreError(Errors.E402, name=label, detail=detail))
    except ValueError as exc:
        return Item(label=label, error=StoreError(Errors.E402, name=label, detail=str(exc)))
    return guarded(label, lambda: _from_record(record, body, label, options))


def _checked_record(record) -> str:
    """The record's article text; ValueError says what is wrong with the record."""
    if not isinstance(record, dict):
        raise ValueError(f"the line holds {_json_kind(record)}, not an object")
    body = record.get("text") or record.get("html")
    if not isinstance(body, str):
        raise ValueError("no 'text' or 'html' string")
    for field in _METADATA:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{field}' is {_json_kind(value)}, not a string")
    return body


def _json_kind(value) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return "a string" if isinstance(value, str) else "null"


def _from_record(record: dict, body: str, label: str, options: dict) -> Article:
    article = article_from_text(
        body,
        name=label,
        **options,
        published=_day(record.get("published"), label),
        outlet=_text(record.get("outlet")),
        title=_text(record.get("title")),
    )
    url = _text(record.get("url"))
    return Article(**{**article.__dict__, "url": url or article.url})


def _text(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    # Metadata from JSON or feeds may hold lone surrogates, which no store can encode.
    text = str(value).encode("utf-8", "replace").decode("utf-8")
    return " ".join(text.split()) or None


def _day(value, label: str) -> Optional[str]:
    """"2016-01-10T08:00:00Z" -> "2016-01-10"; anything unreadable is refused (E008)."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise InputError(Errors.E008, name=label, value=value) from None


# -- RSS / Atom -----------------------------------------------------------------------------


def feed_items(path: Path, label: str, options: dict) -> Iterator[Item]:
    import feedparser

    try:
        with open_regular(path, label) as handle:
            data = handle.read()
    except NewsgraphError as error:
        yield Item(label=label, error=error)
        return
    # Parsed from bytes: feedparser given a string may take it for a URL and fetch it.
    feed = feedparser.parse(data)
    fault = feed.get("bozo_exception") if feed.bozo and not isinstance(feed.get("bozo_exception"), feedparser.CharacterEncodingOverride) else None
    if not feed.entries and (fault is not None or not feed.get("version")):
        detail = f"not well-formed XML: {fault}" if fault is not None else "no <rss>, <feed> or <rdf:RDF> element"
        yield Item(label=label, error=StoreError(Errors.E410, name=label, detail=detail))
        return
    outlet = _text(feed.get("feed", {}).get("title"))
    for number, entry in enumerate(feed.entries, start=1):
        yield _feed_item(entry, display_name(f"{label}#{entry.get('id') or entry.get('link') or number}"), outlet, options)
    if fault is not None:
        detail = f"not well-formed XML: {fault}; the {len(feed.entries)} entries before the fault were read"
        yield Item(label=label, error=StoreError(Errors.E410, name=label, detail=detail))


def _feed_item(entry, label: str, outlet: Optional[str], options: dict) -> Item:
    body = _entry_body(entry)
    if body is None:
        return Item(label=label, error=StoreError(Errors.E404, name=label))

    def build() -> Article:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = _dt.datetime.fromtimestamp(calendar.timegm(stamp), _dt.timezone.utc).date() if stamp else None
        article = article_from_text(body, name=label, **options, published=published, outlet=outlet, title=_text(entry.get("title")))
        return Article(**{**article.__dict__, "url": _text(entry.get("link")) or article.url})

    return guarded(label, build)


def _entry_body(entry) -> Optional[str]:
    for content in entry.get("content") or ():
        if content.get("value") and len(content["value"].split()) >= _MIN_FEED_WORDS // 2:
            return content["value"]
    summary = entry.get("summary") or ""
    return summary if len(summary.split()) >= _MIN_FEED_WORDS else None


# -- sitemaps -------------------------------------------------------------------------------


def sitemap_items(path: Path, label: str, options: dict) -> Iterator[Item]:
    from lxml import etree

    try:
        handle = open_regular(path, label)
    except NewsgraphError as error:
        yield Item(label=label, error=error)
        return
    folder = Path(os.path.realpath(path.parent))
    with handle:
        # iterparse streams a large sitemap; entities and network access stay off for untrusted XML.
        context = etree.iterparse(handle, events=("end",), resolve_entities=False, no_network=True, huge_tree=False)
        try:
            yield from _sitemap_entries(folder, label, context, options)
        except etree.XMLSyntaxError as exc:
            yield Item(label=label, error=StoreError(Errors.E606, name=label, detail=str(exc)))


def _sitemap_entries(folder: Path, label: str, context, options: dict) -> Iterator[Item]:
    from lxml import etree

    for _, element in context:
        # comments and processing instructions have no name
        if not isinstance(element.tag, str) or etree.QName(element).localname != "url":
            continue
        fields = {etree.QName(child).localname: (child.text or "").strip() for child in element.iter() if child is not element and isinstance(child.tag, str)}
        element.clear()
        url = fields.get("loc")
        if url:
            yield _sitemap_item(folder, label, url, fields, options)


def _sitemap_item(folder: Path, sitemap: str, url: str, fields: dict, options: dict) -> Item:
    label = display_name(f"{sitemap}#{url}")
    refusal = _refused_address(url)
    if refusal is None:
        saved, looked, outside = _saved_copy(folder, url)
        if saved is None and outside:
            refusal = f"its saved copy {display_name(outside[0])} lies outside the sitemap's folder {display_name(folder)}"
    if refusal is not None:
        return Item(label=label, error=StoreError(Errors.E409, name=label, detail=refusal))
    if saved is None:
        return Item(label=label, error=StoreError(Errors.E403, name=sitemap, url=url, looked=display_name(", ".join(looked))))

    def build() -> Article:
        published = fields.get("publication_date") or fields.get("lastmod")
        article = read_article(
            saved, name=label, **options, published=_day(published, label), regular_only=True,
            outlet=fields.get("name") or None, title=fields.get("title") or None,
        )
        return Article(**{**article.__dict__, "url": url})

    return guarded(label, build)


def _refused_address(url: str) -> Optional[str]:
    """Why a sitemap address may not be looked up on disk, or None: only web pages, and no climbing."""
    parsed = urlparse(url)
    if parsed.scheme.lower() not in _WEB_SCHEMES:
        return f"its address is not an http(s) URL (scheme {parsed.scheme or 'missing'!r})"
    parts = [parsed.netloc, *parsed.path.split("/"), *unquote(parsed.path).split("/")]
    if any(part in (".", "..") for part in parts):
        return "its address climbs with '..' or '.'"
    return None


def _saved_copy(folder: Path, url: str) -> tuple[Optional[Path], list[str], list[str]]:
    """(the saved page, where it was looked for, candidates that resolve outside ``folder``)."""
    parsed = urlparse(url)
    relative = parsed.path.lstrip("/") or "index.html"
    if relative.endswith("/"):
        relative += "index.html"
    candidates = [folder / parsed.netloc / relative, folder / relative, folder / Path(relative).name]
    outside: list[str] = []
    for candidate in candidates:
        try:
            # realpath follows every link (and gives up on loops); the copy must stay in the folder.
            resolved = Path(os.path.realpath(candidate))
            if not resolved.is_relative_to(folder):
                if resolved.exists():
                    outside.append(str(resolved))
                continue
            if resolved.is_file():
                return resolved, [], []
        except (OSError, ValueError):  # a NUL byte, a name too long
            continue
    return None, [str(c) for c in candidates], outside
