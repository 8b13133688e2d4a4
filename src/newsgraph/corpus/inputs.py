"""Inputs to ingest, streamed one article at a time: files, folders, JSONL, RSS/Atom, sitemaps.

``iter_items(paths)`` yields ``Item``s lazily — a folder of a million files or a JSONL of a
million lines is never held in memory whole. An input that cannot become an article yields
an ``Item`` with a coded error instead, so the caller records it and goes on; an unexpected
exception while reading one input becomes E301 for that input, and the next one is read.

* a folder: every regular file below it, in name order (hidden files and folders skipped).
  Below it, a symbolic link is followed only to a file inside the folder (E409 for one that
  points outside, E007 for a loop or a broken link); linked folders are not entered, their
  files are read where they lie. FIFOs, devices and sockets are refused (E007), never opened;
* ``.jsonl`` / ``.ndjson``: one JSON object per line with ``text`` or ``html`` and optional
  ``title``, ``url``, ``outlet``, ``published`` (a date or an ISO timestamp) — see ``readers``;
* ``.xml`` / ``.rss`` / ``.atom``: an RSS or Atom feed (feedparser) whose entries carry the
  article (``content:encoded``, Atom ``content`` or a long ``description``), or a sitemap
  (``<urlset>``) whose pages were saved next to it (``wget -x`` layout or the bare file name);
* anything else: one article file, plain text or a saved HTML page.

Every label goes through ``ingest.display_name``, so a file name that is not UTF-8 is stored
and shown with its odd bytes escaped (``bad\\xff.txt``) and read under its real name.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..errors import Errors, InputError, NewsgraphError, StoreError
from ..ingest import DEFAULT_MAX_CHARS, cap_title, check_encoding, display_name, file_kind, read_article
from ..model import Article
from .readers import Item, feed_items, guarded, jsonl_items, open_regular, sitemap_items, unexpected

__all__ = ["Item", "iter_items"]

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
_SNIFF_BYTES = 2048


def iter_items(
    inputs: Iterable[Union[str, os.PathLike, Article]],
    *,
    check_language: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
    encoding: Optional[str] = None,
) -> Iterator[Item]:
    """``max_chars``: an article longer than this is refused (E004) before it reaches the pipeline.
    ``encoding``: of text, HTML and JSONL files that are not UTF-8 (UTF-16/32 with a byte-order
    mark are read without it); an unknown one stops the run before anything is read (E009)."""
    if encoding is not None:
        check_encoding(encoding, "--encoding")
    options = {"check_language": check_language, "max_chars": max_chars, "encoding": encoding}
    for given in inputs:
        if isinstance(given, Article):
            yield _article_item(given, max_chars)
            continue
        path = Path(os.fsdecode(given))  # bytes paths too
        yield from _contained(display_name(path), _given_items(path, options))


def _article_item(article: Article, max_chars: int) -> Item:
    label = display_name(article.url or article.title or f"<article {hash(article.text) & 0xFFFFFFFF:08x}>")
    if not article.text.strip():
        return Item(label=label, error=InputError(Errors.E001, name=label))
    if len(article.text) > max_chars:
        return Item(label=label, error=InputError(Errors.E004, name=label, size=len(article.text), limit=max_chars, unit="characters"))
    try:
        article.text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: no store can hold it, and spans would shift if it were replaced
        return Item(label=label, error=InputError(Errors.E003, name=label, offset=exc.start, encoding="UTF-8"))
    return Item(label=label, article=_storable(article))


def _storable(article: Article) -> Article:
    """The article with lone surrogates in its metadata replaced, so that a store can encode them,
    and its title capped as the readers cap theirs."""
    fields = {"title": cap_title(article.title), "outlet": article.outlet, "byline": article.byline, "url": article.url}
    fixed = {k: v.encode("utf-8", "replace").decode("utf-8") for k, v in fields.items() if isinstance(v, str)}
    return replace(article, **fixed)


def _contained(label: str, items: Iterator[Item]) -> Iterator[Item]:
    """``items``, and E301 for ``label`` if reading them fails unexpectedly: the run goes on."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - one input's bug must not end the run
        yield Item(label=label, error=unexpected(label, exc))


def _given_items(path: Path, options: dict) -> Iterator[Item]:
    label = display_name(path)
    try:
        mode = path.stat().st_mode  # a path given by name is followed wherever it links
    except FileNotFoundError:
        yield Item(label=label, error=StoreError(Errors.E401, name=label))
        return
    except (OSError, ValueError) as exc:
        yield Item(label=label, error=InputError(Errors.E007, name=label, detail=_why(exc)))
        return
    if stat.S_ISDIR(mode):
        yield from _folder_items(path, options)
    elif stat.S_ISREG(mode):
        yield from _file_items(path, options)
    else:
        yield Item(label=label, error=InputError(Errors.E007, name=label, detail=f"it is {file_kind(mode)}, not a regular file"))


def _folder_items(root: Path, options: dict) -> Iterator[Item]:
    """Depth first, names in order; a stack rather than recursion, so that no depth of folders overflows."""
    top = Path(os.path.realpath(root))
    stack = [_listing(root)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif isinstance(entry, Item):
            yield entry
        elif entry.is_symlink():
            yield from _linked_items(Path(entry.path), top, options)
        elif entry.is_dir(follow_symlinks=False):
            stack.append(_listing(Path(entry.path)))
        elif entry.is_file(follow_symlinks=False):
            yield from _contained(display_name(entry.path), _file_items(Path(entry.path), options))
        else:
            yield _special_item(entry)


def _special_item(entry: os.DirEntry) -> Item:
    """E007 for a FIFO, device or socket met in a folder (or a file that vanished while listed)."""
    label = display_name(entry.path)
    try:
        detail = f"it is {file_kind(entry.stat(follow_symlinks=False).st_mode)}, not a regular file"
    except OSError as exc:
        detail = _why(exc)
    return Item(label=label, error=InputError(Errors.E007, name=label, detail=detail))


def _listing(folder: Path) -> Iterator[Union[os.DirEntry, Item]]:
    """The folder's entries that are not hidden, by name; an unreadable folder is one E007 item."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        label = display_name(folder)
        yield Item(label=label, error=InputError(Errors.E007, name=label, detail=_why(exc)))
        return
    yield from entries


def _linked_items(link: Path, top: Path, options: dict) -> Iterator[Item]:
    label = display_name(link)
    try:
        target = link.resolve(strict=True)
        mode = target.stat().st_mode
    except RuntimeError:  # Python 3.11 reports a link loop so
        detail: Optional[str] = "it is a symbolic link that loops"
    except (OSError, ValueError) as exc:
        detail = _why(exc, link=True)
    else:
        detail = None
    if detail is not None:
        yield Item(label=label, error=InputError(Errors.E007, name=label, detail=detail))
    elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        yield Item(label=label, error=InputError(Errors.E007, name=label, detail=f"it links to {file_kind(mode)}, not a regular file"))
    elif not target.is_relative_to(top):
        detail = f"it is a symbolic link to {display_name(target)}, outside the folder {display_name(top)}"
        yield Item(label=label, error=StoreError(Errors.E409, name=label, detail=detail))
    elif stat.S_ISREG(mode):
        yield from _contained(label, _file_items(link, options))
    # a link to a folder inside: its files are read where they lie, once


def _file_items(path: Path, options: dict) -> Iterator[Item]:
    label = display_name(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from jsonl_items(path, label, options)
    elif suffix in FEED_SUFFIXES:
        yield from _xml_items(path, label, options)
    else:
        yield guarded(label, lambda: read_article(path, name=label, regular_only=True, **options))


def _xml_items(path: Path, label: str, options: dict) -> Iterator[Item]:
    try:
        with open_regular(path, label) as handle:
            head = handle.read(_SNIFF_BYTES).lower()
    except NewsgraphError as error:
        yield Item(label=label, error=error)
        return
    if b"<urlset" in head or b"<sitemapindex" in head:
        yield from sitemap_items(path, label, options)
    else:
        yield from feed_items(path, label, options)


def _why(exc: BaseException, link: bool = False) -> str:
    if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        return "it is a symbolic link that loops"
    if link and isinstance(exc, FileNotFoundError):
        return "it is a broken symbolic link"
    return getattr(exc, "strerror", None) or str(exc)
