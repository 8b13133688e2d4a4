"""The analysis of one chunk of articles, in whichever process runs it (this one, a pool
worker or a dask worker): a report or a coded error for each article, in order.

Resource guard: an article whose parse or analysis runs past ``timeout`` seconds is
stopped (``limits.time_limit``) and becomes E601; the chunk goes on without it.
"""

from __future__ import annotations

from typing import Optional, Sequence, Union

from ..actors import ActorCatalogue
from ..components import DEFAULT_MODEL, load_pipeline
from ..errors import AnalysisError, Errors, NewsgraphError, ScaleError
from ..model import Article, Report
from ..pipeline import build_report, pipeline_name, too_long
from .limits import ArticleTimeout, time_limit

__all__ = ["analyse_chunk", "cached_pipeline"]

_PIPELINE = {}


def cached_pipeline(model: Optional[str]) -> tuple:
    """(nlp, actor catalogue, pipeline name) for ``model``, loaded once per process."""
    if model not in _PIPELINE:
        nlp = load_pipeline(model or DEFAULT_MODEL)
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
    parsed = iter(_parse(nlp, parsable, timeout) if parsable else ())
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
            out.append(_timed_out(article, timeout))
        except Exception as exc:  # noqa: BLE001 - one article's bug must not end the batch
            out.append(_failure(article, exc))
    return out


def _parse(nlp, articles: Sequence[Article], timeout: Optional[float]) -> list:
    """The chunk parsed in one ``nlp.pipe`` batch (its budget: ``timeout`` per article); when
    that fails or runs over, one article at a time, to find the one that breaks it."""
    try:
        with time_limit(timeout * len(articles) if timeout else None):
            return list(nlp.pipe((a.text for a in articles), batch_size=len(articles)))
    except (Exception, ArticleTimeout):  # noqa: BLE001 - keep the others
        pass
    docs: list = []
    for article in articles:
        try:
            with time_limit(timeout):
                docs.append(nlp(article.text))
        except ArticleTimeout:
            docs.append(_timed_out(article, timeout))
        except Exception as exc:  # noqa: BLE001
            docs.append(_failure(article, exc))
    return docs


def _label(article: Article) -> str:
    return article.url or article.title or f"<article of {len(article.text)} chars>"


def _failure(article: Article, exc: Exception) -> AnalysisError:
    return AnalysisError(Errors.E301, name=_label(article), detail=f"{type(exc).__name__}: {exc}")


def _timed_out(article: Article, seconds: Optional[float]) -> ScaleError:
    return ScaleError(Errors.E601, name=_label(article), seconds=seconds or 0)
