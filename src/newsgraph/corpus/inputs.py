"""Inputs to ingest, streamed one article at a time: files, folders, JSONL, RSS/Atom, sitemaps.

``iter_items(paths)`` yields ``Item``s lazily — a folder of a million files or a JSONL of a
million lines is never held in memory. An input that cannot become an article yields an
``Item`` with a coded error instead, so the caller records it and goes on.

* a folder: every file below it, in name order (hidden files skipped);
* ``.jsonl`` / ``.ndjson``: one JSON object per line with ``text`` or ``html`` and optional
  ``title``, ``url``, ``outlet``, ``published`` (a date or an ISO timestamp);
* ``.xml`` / ``.rss`` / ``.atom``: an RSS or Atom feed (feedparser) whose entries carry the
  article (``content:encoded``, Atom ``content`` or a long ``description``), or a sitemap
  (``<urlset>``) whose pages were saved next to it (``wget -x`` layout or the bare file name);
* anything else: one article file, plain text or a saved HTML page.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union
from urllib.parse import urlparse

from ..errors import Errors, InputError, NewsgraphError, StoreError
from ..ingest import DEFAULT_MAX_CHARS, article_from_text, read_article
from ..model import Article

__all__ = ["Item", "iter_items"]

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
_SNIFF_BYTES = 2048
# A feed summary shorter than this is a teaser, not the article.
_MIN_FEED_WORDS = 40


@dataclass(frozen=True)
class Item:
    """One input: an article, or the coded error that kept it from being one."""

    label: str
    article: Optional[Article] = None
    error: Optional[NewsgraphError] = None


def iter_items(
    inputs: Iterable[Union[str, os.PathLike, Article]], *, check_language: bool = True, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Item]:
    """``max_chars``: an article longer than this is refused (E004) before it reaches the pipeline."""
    options = {"check_language": check_language, "max_chars": max_chars}
    for given in inputs:
        if isinstance(given, Article):
            label = given.url or given.title or f"<article {hash(given.text) & 0xFFFFFFFF:08x}>"
            if len(given.text) > max_chars:
                error = InputError(Errors.E004, name=label, size=len(given.text), limit=max_chars)
                yield Item(label=label, error=error)
            else:
                yield Item(label=label, article=given)
            continue
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield from _file_items(child, options)
        elif path.is_file():
            yield from _file_items(path, options)
        else:
            yield Item(label=str(path), error=StoreError(Errors.E401, name=str(path)))


def _file_items(path: Path, options: dict) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_items(path, options)
    elif suffix in FEED_SUFFIXES:
        yield from _xml_items(path, options)
    else:
        yield _guard(str(path), lambda: read_article(path, **options))


def _guard(label: str, build) -> Item:
    try:
        return Item(label=label, article=build())
    except NewsgraphError as error:
        return Item(label=label, error=error)


# JSON escapes ("\u00e9") can spell one character with six: a line is refused unread only
# when even fully escaped text could not fit under the article limit.
_JSON_ESCAPE_WIDTH = 6
_LINE_SLACK = 1 << 16  # room for the metadata fields around the text
_DRAIN_CHUNK = 1 << 20


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


def _jsonl_items(path: Path, options: dict) -> Iterator[Item]:
    limit = options["max_chars"] * _JSON_ESCAPE_WIDTH + _LINE_SLACK
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for number, (line, size) in enumerate(_bounded_lines(handle, limit), start=1):
            label = f"{path}:{number}"
            if line is None:
                yield Item(label=label, error=InputError(Errors.E004, name=label, size=size, limit=options["max_chars"]))
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not an object")
                body = record.get("text") or record.get("html")
                if not isinstance(body, str):
                    raise ValueError("no 'text' or 'html' string")
            except ValueError as exc:
                yield Item(label=label, error=StoreError(Errors.E402, name=label, detail=str(exc)))
                continue
            yield _guard(label, lambda: _from_record(record, body, label, options))


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


def _text(value) -> Optional[str]:
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


def _xml_items(path: Path, options: dict) -> Iterator[Item]:
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES).lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        yield from _sitemap_items(path, options)
    else:
        yield from _feed_items(path, options)


def _feed_items(path: Path, options: dict) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(str(path))
    outlet = _text(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, start=1):
        label = f"{path}#{entry.get('id') or entry.get('link') or number}"
        body = _entry_body(entry)
        if body is None:
            yield Item(label=label, error=StoreError(Errors.E404, name=label))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = _dt.datetime.fromtimestamp(calendar.timegm(stamp), _dt.timezone.utc).date() if stamp else None

        def build(entry=entry, body=body, published=published, label=label) -> Article:
            article = article_from_text(
                body, name=label, **options, published=published, outlet=outlet,
                title=_text(entry.get("title")),
            )
            return Article(**{**article.__dict__, "url": _text(entry.get("link")) or article.url})

        yield _guard(label, build)


def _entry_body(entry) -> Optional[str]:
    for content in entry.get("content") or ():
        if content.get("value") and len(content["value"].split()) >= _MIN_FEED_WORDS // 2:
            return content["value"]
    summary = entry.get("summary") or ""
    return summary if len(summary.split()) >= _MIN_FEED_WORDS else None


def _sitemap_items(path: Path, options: dict) -> Iterator[Item]:
    from lxml import etree

    # iterparse streams a large sitemap; entities and network access stay off for untrusted XML.
    context = etree.iterparse(str(path), events=("end",), resolve_entities=False, no_network=True, huge_tree=False)
    try:
        yield from _sitemap_entries(path, context, options)
    except etree.XMLSyntaxError as exc:
        yield Item(label=str(path), error=StoreError(Errors.E606, name=str(path), detail=str(exc)))


def _sitemap_entries(path: Path, context, options: dict) -> Iterator[Item]:
    from lxml import etree

    for _, element in context:
        # comments and processing instructions have no name
        if not isinstance(element.tag, str) or etree.QName(element).localname != "url":
            continue
        fields = {etree.QName(child).localname: (child.text or "").strip() for child in element.iter() if child is not element and isinstance(child.tag, str)}
        element.clear()
        url = fields.get("loc")
        if not url:
            continue
        label = f"{path}#{url}"
        saved, looked = _saved_copy(path.parent, url)
        if saved is None:
            yield Item(label=label, error=StoreError(Errors.E403, name=str(path), url=url, looked=", ".join(looked)))
            continue

        def build(saved=saved, fields=fields, url=url, label=label) -> Article:
            published = fields.get("publication_date") or fields.get("lastmod")
            article = read_article(
                saved, name=label, **options, published=_day(published, label),
                outlet=fields.get("name") or None, title=fields.get("title") or None,
            )
            return Article(**{**article.__dict__, "url": url})

        yield _guard(label, build)


def _saved_copy(folder: Path, url: str) -> tuple[Optional[Path], list[str]]:
    parsed = urlparse(url)
    if parsed.scheme == "file":
        candidates = [Path(parsed.path)]
    else:
        relative = parsed.path.lstrip("/") or "index.html"
        if relative.endswith("/"):
            relative += "index.html"
        candidates = [folder / parsed.netloc / relative, folder / relative, folder / Path(relative).name]
    for candidate in candidates:
        if candidate.is_file():
            return candidate, []
    return None, [str(c) for c in candidates]
