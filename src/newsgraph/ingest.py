"""Reading one article: bytes or text in, a checked :class:`~newsgraph.model.Article` out.

Everything that makes an input unusable is refused here, with a catalogue code
(see :mod:`newsgraph.errors`), so that the analysis modules can assume clean,
English, reasonably sized text:

* E007 the path cannot be read; E002 binary data; E003 undecodable bytes;
  E004 too large; E001 empty; E006 HTML without article text; E005 not English;
  E008 a malformed ``published`` date; E009 an unknown ``encoding``.

Text in UTF-8 is read without an ``encoding``, and so is UTF-16 or UTF-32 that starts with a
byte-order mark (which wins over an ``encoding`` given); anything else needs its ``encoding``. A title longer than
:data:`MAX_TITLE_CHARS` is cut there (a title that long is a mistake, not a headline).
Inputs are named in messages and stores by :func:`display_name`, which escapes what a
terminal or a database cannot take (undecodable bytes in a file name, control characters).

The returned ``Article.text`` is the text exactly as given, except that line
endings become ``"\\n"``, a byte-order mark is dropped and control characters
other than ``"\\n"`` and ``"\\t"`` are removed.  Character spans produced later
index into it.  HTML pages are reduced to their main text with trafilatura
(paragraphs separated by blank lines) and their metadata fills the title,
byline, date and outlet.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import logging
import os
import re
import stat
import sys
import threading
import unicodedata
from typing import Any, Optional, Union

from .errors import Errors, InputError
from .model import Article

__all__ = [
    "DEFAULT_MAX_CHARS",
    "MAX_TITLE_CHARS",
    "bom_encoding",
    "cap_title",
    "check_encoding",
    "display_name",
    "file_kind",
    "read_article",
    "article_from_text",
    "looks_like_html",
    "detect_language",
]

log = logging.getLogger(__name__)

# The memory budget: one article's analysis peaks at about 330 MB per 100,000 characters on
# top of the loaded pipeline (about 380 MB), so that a --workers process stays under 1.5 GB at
# this length (benchmarks/memory.py; docs/benchmarks.md).
DEFAULT_MAX_CHARS = 300_000
# Headlines run to a few hundred characters; past this a "title" is a body pasted in the wrong field.
MAX_TITLE_CHARS = 1000

# UTF-8 needs at most 4 bytes a character: more bytes than this cannot fit the limit.
_MAX_BYTES_PER_CHAR = 4

# Leading bytes of common non-text formats.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/EPUB)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WAV/AVI/WebP)"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# A text with more than this share of control characters is not prose.
_CONTROL_SHARE = 0.10
_CONTROL_SAMPLE = 8192

_LANG_SAMPLE_CHARS = 3000
_LANG_MIN_LETTERS = 40
# Refuse only when English gets less than this confidence (0..1) from lingua.
_LANG_MIN_ENGLISH = 0.25

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|a|br|h[1-6]|article|section|header|footer|nav|main|ul|ol|li|"
    r"table|tr|td|th|script|style|meta|link|title|img|strong|em|b|i|figure|figcaption|blockquote|aside)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")
# Unicode's control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F.
_CONTROLS_BUT_LAYOUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline
_CONTROLS_BUT_WHITESPACE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # all but \t \n \r \x0c

# Byte-order marks, longest first: UTF-32's little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters that reorder or hide text around them: escaped in names, so that a name shows as it is.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

PathLike = Union[str, "os.PathLike[str]"]


# ---------------------------------------------------------------------------
# public API


def read_article(
    source: Union[PathLike, bytes],
    *,
    name: Optional[str] = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    check_language: bool = True,
    encoding: Optional[str] = None,
    published: Optional[Union[str, _dt.date]] = None,
    outlet: Optional[str] = None,
    title: Optional[str] = None,
    regular_only: bool = False,
) -> Article:
    """Read one article from a path, ``"-"`` (standard input) or raw ``bytes``.

    ``name`` is how error messages call the input (default: the path, through
    :func:`display_name`, ``"<stdin>"`` or ``"<bytes>"``). ``regular_only`` refuses a path
    that is not a regular file (a FIFO, a device such as ``/dev/zero``, a socket) without
    waiting on it (E007): ingest walks folders it did not make. Raises :class:`InputError` (E001-E009).
    """
    max_bytes = max_chars * _MAX_BYTES_PER_CHAR
    if isinstance(source, (bytes, bytearray, memoryview)):
        name = name or "<bytes>"
        data = bytes(source)
        if len(data) > max_bytes:
            _too_large_bytes(name, len(data), max_chars)
    elif isinstance(source, str) and source == "-":
        name = name or "<stdin>"
        try:
            data = sys.stdin.buffer.read(max_bytes + 1)
        except (OSError, ValueError, AttributeError) as exc:
            raise InputError(Errors.E007, name=name, detail=str(exc) or type(exc).__name__) from exc
        if len(data) > max_bytes:
            _too_large_bytes(name, len(data), max_chars, at_least=True)
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        name = name or display_name(path)
        data = _read_path(path, name, max_bytes, max_chars, regular_only)
    else:
        raise TypeError(f"read_article() wants a path, '-' or bytes, not {type(source).__name__}")

    text = _decode(data, name, encoding)
    return _build(
        text,
        name=name,
        max_chars=max_chars,
        check_language=check_language,
        published=published,
        outlet=outlet,
        title=title,
    )


def article_from_text(
    text: str,
    *,
    name: str = "<text>",
    max_chars: int = DEFAULT_MAX_CHARS,
    check_language: bool = True,
    encoding: Optional[str] = None,  # accepted for symmetry with read_article; unused for str
    published: Optional[Union[str, _dt.date]] = None,
    outlet: Optional[str] = None,
    title: Optional[str] = None,
) -> Article:
    """Check and wrap a ``str`` that is already in memory (plain text or HTML)."""
    if not isinstance(text, str):
        raise TypeError(f"article_from_text() wants str, not {type(text).__name__}; use read_article() for bytes")
    if "\x00" in text:
        raise InputError(Errors.E002, name=name, detail="it contains NUL characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, e.g. from a JSON "\ud800" escape
        raise InputError(Errors.E003, name=name, offset=exc.start, encoding="utf-8") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return _build(
        text,
        name=name,
        max_chars=max_chars,
        check_language=check_language,
        published=published,
        outlet=outlet,
        title=title,
    )


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document or is dense with HTML tags."""
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    tags = _HTML_TAG.findall(head)
    if len(tags) < 4:
        return False
    tag_chars = sum(len(t) for t in tags)
    return tag_chars / max(len(head.strip()), 1) >= 0.05


def display_name(path: Union[PathLike, bytes]) -> str:
    """How a path (or any label) is shown and stored: as given, except that bytes that are not
    UTF-8 become ``\\xff``, and control and bidi characters ``\\x1b`` / ``\\u202e``.

    A file name read from disk may hold bytes that are not UTF-8 (Python keeps them as lone
    surrogates), which no terminal or database can take; escaping them gives a label that
    can, while the path itself still opens the file.
    """
    text = os.fsdecode(path)
    if text.isprintable():
        return text
    return "".join(_escaped(ch) for ch in text)


def _escaped(ch: str) -> str:
    point = ord(ch)
    if 0xDC80 <= point <= 0xDCFF:  # an undecodable byte, kept by os.fsdecode's surrogateescape
        return f"\\x{point - 0xDC00:02x}"
    if 0xD800 <= point <= 0xDFFF or ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
        return ch.encode("unicode_escape").decode("ascii")
    return ch


def detect_language(text: str) -> tuple[Optional[str], float]:
    """The most likely language of ``text`` (lingua name, e.g. ``"FRENCH"``) and English's confidence.

    Returns ``(None, 1.0)`` when the text is too short to judge. Capitalised words are left
    out: names say nothing about the language of the sentence around them, and on a short
    text they outvote it ("Obama met Angela Merkel in Berlin, and she said ..." reads as
    German); German nouns go too, but its function words remain.
    """
    sample = " ".join(word for word in text[:_LANG_SAMPLE_CHARS].split() if not word[:1].isupper())
    if sum(ch.isalpha() for ch in sample) < _LANG_MIN_LETTERS:
        return None, 1.0
    detector = _detector()
    from lingua import Language

    values = detector.compute_language_confidence_values(sample)
    if not values:
        return None, 1.0
    top = values[0]
    english = next((v.value for v in values if v.language == Language.ENGLISH), 0.0)
    return top.language.name, float(english)


# ---------------------------------------------------------------------------
# reading and decoding


def _read_path(path: str, name: str, max_bytes: int, max_chars: int, regular_only: bool = False) -> bytes:
    try:
        if os.path.isdir(path):
            raise InputError(Errors.E007, name=name, detail="it is a directory")
        size = os.stat(path).st_size
        if size > max_bytes:
            _too_large_bytes(name, size, max_chars)
        if regular_only:
            return _read_regular(path, name, max_bytes, max_chars)
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except InputError:
        raise
    except FileNotFoundError as exc:
        raise InputError(Errors.E007, name=name, detail="no such file") from exc
    except PermissionError as exc:
        raise InputError(Errors.E007, name=name, detail="permission denied") from exc
    except IsADirectoryError as exc:
        raise InputError(Errors.E007, name=name, detail="it is a directory") from exc
    except OSError as exc:
        raise InputError(Errors.E007, name=name, detail=exc.strerror or str(exc)) from exc
    if len(data) > max_bytes:  # the file grew, or stat lied (e.g. a pipe)
        _too_large_bytes(name, len(data), max_chars, at_least=True)
    return data


def _read_regular(path: str, name: str, max_bytes: int, max_chars: int) -> bytes:
    # Opened without blocking and checked on the open file, so that a FIFO swapped in after a
    # check on the name cannot hang the run; O_NONBLOCK changes nothing for a regular file.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as fh:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise InputError(Errors.E007, name=name, detail=f"it is {kind}, not a regular file")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        _too_large_bytes(name, len(data), max_chars, at_least=True)
    return data


def file_kind(mode: int) -> Optional[str]:
    """What a file that is not a regular file is, in words; None for a regular file."""
    for test, kind in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a file or folder"


def _too_large_bytes(name: str, size: int, limit: int, at_least: bool = False) -> None:
    # Refused before decoding: ``size`` is a byte count, which bounds the characters from above,
    # and more than 4 bytes a character cannot be UTF-8 that fits the limit.
    raise InputError(Errors.E004, name=name, size=size, limit=limit * _MAX_BYTES_PER_CHAR, unit="bytes", at_least=at_least)


def _binary_reason(data: bytes) -> Optional[str]:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            # "MZ"/"RIFF"/"BZh" are short: only trust them when the rest is not text-like.
            if len(magic) <= 4 and what.startswith(("a Windows", "a RIFF", "bzip2")) and _control_share(data) < 0.01:
                continue
            return what
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_wide(data):
            return f"a NUL byte at offset {nul}; if it is UTF-16 or UTF-32 text without a byte-order mark, give --encoding utf-16-le (or -be, utf-32-le, ...)"
        return f"a NUL byte at offset {nul}"
    share = _control_share(data)
    if share > _CONTROL_SHARE:
        return f"{share:.0%} control characters"
    return None


def _looks_wide(data: bytes) -> bool:
    """Text in UTF-16 or UTF-32: every second (or fourth) byte of ASCII prose is NUL."""
    sample = data[:_CONTROL_SAMPLE]
    return len(sample) >= 8 and sample.count(0) >= len(sample) // 3 and _control_share(sample.replace(b"\x00", b"")) < 0.01


def _control_share(data: Union[bytes, str]) -> float:
    sample = data[:_CONTROL_SAMPLE]
    if not sample:
        return 0.0
    if isinstance(sample, bytes):
        bad = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D) or b == 0x7F)
    else:
        bad = len(_CONTROLS_BUT_WHITESPACE.findall(sample))
    return bad / len(sample)


def _decode(data: bytes, name: str, encoding: Optional[str]) -> str:
    # A byte-order mark says the encoding, whatever was given (UTF-8's is dropped below).
    encoding = bom_encoding(data) or encoding
    if encoding is None or encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig"):
        reason = _binary_reason(data)
        if reason:
            raise InputError(Errors.E002, name=name, detail=reason)
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
            shift = 3
        else:
            shift = 0
        try:
            return data.decode("utf-8", errors="strict")
        except UnicodeDecodeError as exc:
            raise InputError(Errors.E003, name=name, offset=exc.start + shift, encoding="utf-8") from exc
    check_encoding(encoding, name)
    try:
        text = data.decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003, name=name, offset=exc.start, encoding=encoding) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise InputError(Errors.E002, name=name, detail=f"NUL characters after decoding as {encoding}")
    return text


def bom_encoding(head: bytes) -> Optional[str]:
    """The encoding a byte-order mark at the start of ``head`` names, or None."""
    return next((codec for bom, codec in _BOMS if head.startswith(bom)), None)


def check_encoding(encoding: str, name: str) -> None:
    """E009 unless ``encoding`` names a text codec ('rot13' and 'base64' are codecs too, of another kind)."""
    try:
        known = codecs.lookup(encoding)._is_text_encoding  # type: ignore[attr-defined]
    except LookupError:
        known = False
    if not known:
        raise InputError(Errors.E009, name=name, encoding=encoding)


def _normalise(text: str) -> str:
    text = _NEWLINES.sub("\n", text)
    return _CONTROLS_BUT_LAYOUT.sub("", text)


# ---------------------------------------------------------------------------
# building the article


def _build(
    text: str,
    *,
    name: str,
    max_chars: int,
    check_language: bool,
    published: Optional[Union[str, _dt.date]],
    outlet: Optional[str],
    title: Optional[str],
) -> Article:
    published = _check_published(published, name)
    if len(text) > max_chars:
        raise InputError(Errors.E004, name=name, size=len(text), limit=max_chars, unit="characters")
    share = _control_share(text)
    if share > _CONTROL_SHARE:
        raise InputError(Errors.E002, name=name, detail=f"{share:.0%} control characters")
    text = _normalise(text)
    if not text.strip():
        raise InputError(Errors.E001, name=name)

    meta: dict[str, Optional[str]] = {}
    if looks_like_html(text):
        text, meta = _extract_html(text, name)
    else:
        meta["title"] = _plain_title(text)

    if check_language:
        language, english = detect_language(text)
        if language is not None and language != "ENGLISH" and english < _LANG_MIN_ENGLISH:
            raise InputError(
                Errors.E005, name=name, language=language.capitalize(), english_confidence=round(english, 3)
            )

    return Article(
        text=text,
        title=cap_title(title if title is not None else meta.get("title")),
        published=published if published is not None else meta.get("published"),
        outlet=outlet if outlet is not None else meta.get("outlet"),
        byline=meta.get("byline"),
        url=meta.get("url"),
    )


def cap_title(title: Optional[str]) -> Optional[str]:
    """``title`` cut to :data:`MAX_TITLE_CHARS`, ending with an ellipsis when it was cut."""
    if title is None or len(title) <= MAX_TITLE_CHARS:
        return title
    return title[: MAX_TITLE_CHARS - 1].rstrip() + "\u2026"


def _check_published(value: Optional[Union[str, _dt.date]], name: str) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    if _ISO_DATE.match(text):
        try:
            return _dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    raise InputError(Errors.E008, name=name, value=value)


def _plain_title(text: str) -> Optional[str]:
    lines = text.lstrip("\n").split("\n")
    if len(lines) < 3:
        return None
    first = lines[0].strip()
    if not first or len(first) > 200 or first.endswith(".") or lines[1].strip():
        return None
    if not any(ch.isalpha() for ch in first):
        return None
    if not any(line.strip() for line in lines[2:]):
        return None
    return first


def _clean_meta(value: Any) -> Optional[str]:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def _extract_html(html: str, name: str) -> tuple[str, dict[str, Optional[str]]]:
    meta: dict[str, Optional[str]] = {}
    text = ""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html,
            favor_precision=True,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_formatting=False,
            deduplicate=True,
        )
    except Exception as exc:  # trafilatura/lxml can fail on pathological markup
        log.warning("%s: trafilatura failed (%s); trying a plain-text fallback", name, exc)
        doc = None
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        text = get("text") or ""
        meta = {
            "title": _clean_meta(get("title")),
            "byline": _clean_meta(get("author")),
            "published": _iso_or_none(get("date")),
            "outlet": _clean_meta(get("sitename")),
            "url": _clean_meta(get("url")),
        }
    text = _paragraphs(_normalise(text))
    if not _has_prose(text):
        text = _paragraphs(_normalise(_fallback_html_text(html)))
        if text:
            log.info("%s: used the plain-text fallback for HTML", name)
    if not _has_prose(text):
        raise InputError(Errors.E006, name=name)
    return text, meta


def _has_prose(text: str) -> bool:
    """At least one paragraph that reads like a sentence (menus and footers do not)."""
    return any(len(block.split()) >= 6 for block in text.split("\n\n"))


def _iso_or_none(value: Any) -> Optional[str]:
    if not value:
        return None
    value = str(value)[:10]
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _paragraphs(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)


_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "template", "svg", "head"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote", "tr"}


def _fallback_html_text(html: str) -> str:
    """Paragraphs of prose from markup trafilatura could not handle; boilerplate gives ""."""
    from html.parser import HTMLParser

    class _Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.skip = 0
            self.parts: list[str] = []

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            if tag in _SKIP_TAGS:
                self.skip += 1
            elif tag in _BLOCK_TAGS:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in _SKIP_TAGS and self.skip:
                self.skip -= 1
            elif tag in _BLOCK_TAGS:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = _Collector()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:  # html.parser is lenient, but be safe
        log.warning("HTML fallback parser failed: %s", exc)
        return ""
    blocks = [" ".join(b.split()) for b in "".join(parser.parts).split("\n")]
    # Keep sentence-like blocks only: a few words and some end punctuation.
    prose = [b for b in blocks if len(b.split()) >= 6 and re.search(r"[.!?\"')\u201d]$", b)]
    return "\n".join(prose)


# ---------------------------------------------------------------------------
# language detector (built once, lazily)

_DETECTOR = None
_DETECTOR_LOCK = threading.Lock()

_NEWS_LANGUAGES = (
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "PORTUGUESE", "ITALIAN", "DUTCH", "SWEDISH",
    "POLISH", "RUSSIAN", "UKRAINIAN", "TURKISH", "ARABIC", "PERSIAN", "HEBREW", "HINDI",
    "URDU", "CHINESE", "JAPANESE", "KOREAN", "INDONESIAN", "VIETNAMESE",
)  # fmt: skip


def _detector():
    global _DETECTOR
    if _DETECTOR is None:
        with _DETECTOR_LOCK:
            if _DETECTOR is None:
                from lingua import Language, LanguageDetectorBuilder

                languages = [getattr(Language, n) for n in _NEWS_LANGUAGES if hasattr(Language, n)]
                # Low-accuracy mode uses trigram models only: ~0.15 s and ~25 MB to load, against
                # ~3 s and ~350 MB for the full models, and it is reliable on a paragraph or more.
                _DETECTOR = LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
                log.debug("built lingua detector for %d languages", len(languages))
    return _DETECTOR
