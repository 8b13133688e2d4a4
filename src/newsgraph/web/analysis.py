"""The Analyze box behind both the page and the API: pasted text or an uploaded file -> ``Report``.

Uploads are read from memory (``read_article`` on bytes); the uploaded file name only labels
error messages and is never used as a path.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Optional

from ..errors import Errors, NewsgraphError, WebError
from ..ingest import DEFAULT_MAX_CHARS
from ..model import Article, Report
from .workers import AnalysisWorkers

__all__ = ["read_submission", "read_upload", "analyze_article", "report_of", "store_article", "bearer_token"]


def read_submission(
    text: Optional[str],
    upload: Optional[bytes],
    filename: Optional[str],
    *,
    title: Optional[str] = None,
    outlet: Optional[str] = None,
    published: Optional[str] = None,
    check_language: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """The submitted article: the upload when there is one, else the pasted text."""
    from ..ingest import article_from_text, read_article

    options = {
        "title": title or None, "outlet": outlet or None, "published": published or None,
        "check_language": check_language, "max_chars": max_chars,
    }
    if upload:
        return read_article(upload, name=_label(filename), **options)
    if text and text.strip():
        return article_from_text(text, name="<pasted text>", **options)
    raise WebError(Errors.E508, name="analyze")


def _label(filename: Optional[str]) -> str:
    # a label for messages, shortened and without path parts a browser may send
    name = (filename or "upload").replace("\\", "/").rsplit("/", 1)[-1]
    return f"<upload {name[:80]}>"


def analyze_article(workers: AnalysisWorkers, name: str, article: Article) -> Report:
    """The article's report, from a worker process killed at the server's time limit."""
    return workers.run(name, report_of, article)


def report_of(article: Article) -> Report:
    """The article's report; runs in an analysis worker, which loads the pipeline once."""
    from ..corpus.analysis import analyse_chunk

    (result,) = analyse_chunk([article])
    if isinstance(result, NewsgraphError):
        raise result
    return result


def store_article(corpus: Any, report: Report) -> dict[str, Any]:
    """Store the report the analysis worker made (nothing is analysed in the server's own
    process, so the worker's time limit bounds the whole request); the corpus's ingest
    statistics as a dict."""
    stats = corpus.store_report(report, "<analyze box>")
    return {k: v for k, v in dataclasses.asdict(stats).items() if not k.startswith("_")}


def bearer_token(authorization: Optional[str]) -> Optional[str]:
    """The token of an ``Authorization: Bearer <token>`` header, else ``None``."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def read_upload(file: Any) -> tuple[Optional[bytes], Optional[str]]:
    """The bytes and client file name of a form's file part (a ``str`` when sent without a file name)."""
    if isinstance(file, str):
        return file.encode("utf-8"), None
    if file is None:
        return None, None
    return file.file.read(), file.filename
