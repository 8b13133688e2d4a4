"""The HTML pages. Each renders server-side from the same queries as the API; scripts only add
interaction (record panels, the graph), so every page reads without them."""

from __future__ import annotations

from typing import Any, Literal, Optional, Union

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import Errors, WebError
from ..model import ACTOR_KINDS, Report
from . import audit, markup, queries
from .analysis import analyze_article, read_submission, read_upload, store_article
from .api import (
    EventFilters,
    FactualityFilter,
    Window,
    all_sources,
    calendar_date,
    contradictions_window,
    event_filters,
    events_window,
    quotes_window,
    settings_of,
    timeline_window,
    window_of,
)
from .rendering import render

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
# Actors the graph page draws at first: enough to see who acts on whom, few enough to read.
DEFAULT_GRAPH_TOP = 25


@router.get("/")
def home(request: Request) -> Any:
    settings = settings_of(request)
    recent = queries.rows(settings.corpus.articles(limit=20)) if settings.corpus is not None else []
    return render(request, "home.html", recent=recent)


@router.get("/analyze")
def analyze_form(request: Request) -> Any:
    return render(request, "analyze.html")


@router.post("/analyze")
def analyze_submit(
    request: Request,
    text: Optional[str] = Form(None),
    file: Union[UploadFile, str, None] = File(None),
    title: Optional[str] = Form(None, max_length=500),
    outlet: Optional[str] = Form(None, max_length=200),
    published: Optional[str] = Form(None),
    language_check: bool = Form(False),
    store: bool = Form(False),
    write_token: Optional[str] = Form(None),
) -> Any:
    # The form has no way to set a header, so it sends the write token as a field; a page on
    # another site cannot forge a store without knowing the token.
    settings = settings_of(request)
    if store:
        settings.check_write("/analyze", write_token)
    upload, filename = read_upload(file)
    article = read_submission(
        text, upload, filename,
        title=title, outlet=outlet, published=published, check_language=language_check, max_chars=settings.max_chars,
    )
    report = analyze_article(settings.analyses, "/analyze", article)
    notice = None
    if store:
        stats = store_article(settings.corpus, report)
        notice = "Stored in the corpus: " + ", ".join(f"{k} {stats[k]}" for k in ("stored", "skipped", "mentions"))
    return _article_page(request, report, notice=notice or "Analysed, not stored.")


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str = Path(..., max_length=128)) -> Any:
    corpus = settings_of(request).require_corpus("/articles")
    report = corpus.report(article_id)
    if report is None:
        raise WebError(Errors.E507, name="/articles", what="article", key=article_id)
    return _article_page(request, report, article_id=article_id, corpus_events=corpus.article_events(article_id))


def _article_page(
    request: Request, report: Report, article_id: Optional[str] = None, notice: Optional[str] = None,
    corpus_events: Optional[dict[str, list[str]]] = None,
) -> Any:
    return render(
        request,
        "article.html",
        report=report,
        article_id=article_id,
        notice=notice,
        corpus_events=corpus_events or {},
        segments=markup.segments(report),
        events=markup.event_rows(report),
        tree=markup.chain_tree(report),
        records=markup.records(report),
    )


@router.get("/search")
def search(
    request: Request,
    q: Optional[str] = Query(None, max_length=200),
    actor: Optional[str] = Query(None, max_length=200),
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/search")
    page = None
    if q or actor:
        page = window.page(corpus.articles(search=q or None, actor=actor or None, limit=window.limit, offset=window.offset, with_total=True))
    actors = queries.rows(corpus.actors(search=q, limit=50)) if q else []
    return render(request, "search.html", q=q or "", actor=actor or "", articles=page["items"] if page else [], page=page, actors=actors)


@router.get("/events")
def events_page(
    request: Request,
    filters: EventFilters = Depends(event_filters),  # noqa: B008
    sort: Optional[str] = Query(None, pattern=queries.SORT_PATTERN, description="Column to sort by: " + ", ".join(queries.EVENT_COLUMNS) + "."),
    order: Literal["asc", "desc"] = Query("asc"),
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/events")
    page = events_window(corpus, filters, sort, order, window)
    return render(
        request, "events.html", events=page["items"], page=page, filters=filters.as_kwargs(), sort=sort, order=order,
        columns=queries.EVENT_COLUMNS, factualities=queries.FACTUALITY_CHOICES,
    )


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str = Path(..., max_length=128)) -> Any:
    corpus = settings_of(request).require_corpus("/events")
    event = corpus.event(event_id)
    if event is None:
        raise WebError(Errors.E507, name="/events", what="event", key=event_id)
    mentions = queries.rows(corpus.mentions(event_id))
    return render(
        request, "event.html", event_id=event_id, event=queries.rows([event])[0],
        mentions=audit.audited_mentions(mentions, _article_texts(corpus, {m["article_id"] for m in mentions})), first_sources=audit.first_sources(mentions),
        contradictions=queries.rows(corpus.contradictions(event_id=event_id)),
    )


def _article_texts(corpus: Any, article_ids: set[str]) -> dict[str, str]:
    # the trigger offsets are the article's: its text places them in the sentence
    texts = {}
    for article_id in sorted(article_ids):
        found = corpus.article(article_id)
        texts[article_id] = found["text"] if found else ""
    return texts


@router.get("/actors/{actor_key:path}")  # :path: actor names may hold "/"
def actor_page(
    request: Request,
    actor_key: str = Path(..., max_length=200),
    factuality: Optional[str] = FactualityFilter,
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/actors")
    actor = queries.rows([found])[0] if (found := corpus.actor(actor_key)) else None
    page = timeline_window(corpus, actor_key, factuality, window)
    return render(request, "actor.html", actor_key=actor_key, actor=actor, timeline=page["items"], page=page, factuality=factuality or "")


@router.get("/graph")
def graph_page(request: Request, filters: EventFilters = Depends(event_filters), top: Optional[str] = Query(None, max_length=4)) -> Any:  # noqa: B008
    settings_of(request).require_corpus("/graph")
    chosen = filters.as_kwargs()
    # One actor's neighbourhood is small; the whole corpus opens on its busiest actors.
    shown_top = top if top is not None else ("" if chosen["actor"] else str(DEFAULT_GRAPH_TOP))
    return render(
        request, "graph.html", filters=chosen, top=shown_top, factualities=queries.FACTUALITY_CHOICES,
        actor_kinds=ACTOR_KINDS,
    )


@router.get("/sources")
def sources_page(request: Request, outlet: Optional[str] = Query(None, max_length=200), window: Window = Depends(window_of)) -> Any:  # noqa: B008
    settings = settings_of(request)
    settings.require_corpus("/sources")
    found, outlets = all_sources(settings, outlet or None)
    return render(request, "sources.html", outlet=outlet or "", sources=window.slice(found)["items"], page=window.slice(found), outlets=outlets)


@router.get("/quotes")
def quotes_page(
    request: Request,
    actor: Optional[str] = Query(None, max_length=200),
    outlet: Optional[str] = Query(None, max_length=200),
    since: Optional[str] = Query(None, max_length=10),
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/quotes")
    since = calendar_date(request, "since", since)
    page = quotes_window(corpus, actor, outlet, since, window)
    return render(request, "quotes.html", quotes=page["items"], page=page, actor=actor or "", outlet=outlet or "", since=since or "")


@router.get("/contradictions")
def contradictions_page(request: Request, window: Window = Depends(window_of)) -> Any:  # noqa: B008
    settings = settings_of(request)
    settings.require_corpus("/contradictions")
    page = contradictions_window(settings, window)
    return render(request, "contradictions.html", contradictions=page["items"], page=page)


@router.get("/favicon.ico")
def favicon() -> Any:
    return RedirectResponse("/static/favicon.svg")
