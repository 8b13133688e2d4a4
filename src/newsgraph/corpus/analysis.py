"""The analysis of one chunk of articles, in whichever process runs it (this one, a pool
worker or a dask worker): a report or a coded error for each article, in order.

Resource guard: an article whose parse or analysis runs past ``timeout`` seconds is
stopped (``limits.time_limit``) and becomes E601; the chunk goes on without it.
"""

from __future__ import annotations

from typing import Optional, Sequence, Union

from ..actors import ActorCatalogue
from ..components import DEFAULT_MODEL, load_pipeline
from ..errors import NewsgraphError
from ..limits import ArticleTimeout, time_limit
from ..model import Article, Report
from ..pipeline import build_report, failed, parse_within, pipeline_name, timed_out, too_long
from ..places import load_tables

__all__ = ["analyse_chunk", "cached_pipeline"]

_PIPELINE = {}


def cached_pipeline(model: Optional[str]) -> tuple:
    """(nlp, actor catalogue, pipeline name) for ``model``, loaded once per process."""
    if model not in _PIPELINE:
        nlp = load_pipeline(model or DEFAULT_MODEL)
        load_tables()
        _PIPELINE[model] = (nlp, ActorCatalogue.packaged(nlp), pipeline_name(nlp))
    return _PIPELINE[model]


def analyse_chunk(
    articles: Sequence[Article], model: Optional[str] = None, timeout: Optional[float] = None, event_threshold: Optional[float] = None
) -> list[Union[Report, NewsgraphError]]:
    """A report or a coded error for each article, in order. Runs in a worker process.

    ``timeout``: seconds each article's parse, and then its analysis, may take (E601 past it).
    ``event_threshold``: the event judge's confidence an event needs (``build_report``).
    """
    nlp, catalogue, name = cached_pipeline(model)
    refused = {i: too_long(nlp, a) for i, a in enumerate(articles)}
    parsable = [a for i, a in enumerate(articles) if refused[i] is None]
    parsed = iter(parse_within(nlp, parsable, timeout) if parsable else ())
    docs = [refused[i] or next(parsed) for i in range(len(articles))]
    out: list[Union[Report, NewsgraphError]] = []
    for doc, article in zip(docs, articles):
        if isinstance(doc, NewsgraphError):
            out.append(doc)
            continue
        try:
            with time_limit(timeout):
                out.append(build_report(doc, article, catalogue, name, event_threshold=event_threshold))
        except ArticleTimeout:
            out.append(timed_out(article, timeout))
        except Exception as exc:  # noqa: BLE001 - one article's bug must not end the batch
            out.append(failed(article, exc))
    return out
