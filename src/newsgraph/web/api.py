"""The JSON API under ``/api/``: everything the pages show, described by ``/api/openapi.json``."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Literal, Optional, Union

from fastapi import APIRouter, Depends, File, Form, Header, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from ..errors import Errors, WebError
from ..version import __version__
from . import queries
from .analysis import analyze_article, bearer_token, read_submission, read_upload, store_article
from .csv_download import csv_response, csv_stream, json_stream
from .settings import Settings

__all__ = ["router", "EventFilters", "FactualityFilter", "MAX_DOWNLOAD_ROWS", "Window", "event_filters", "window_of", "contradictions_window", "events_window", "quotes_window", "timeline_window"]


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class Row(BaseModel):
    """One corpus row; the columns are the corpus contract's (extra columns pass through)."""

    model_config = ConfigDict(extra="allow")


class Health(BaseModel):
    version: str
    corpus: bool
    writable: bool


class Analysis(BaseModel):
    report: dict[str, Any]
    stored: bool
    ingest: Optional[dict[str, Any]] = None


class GraphNode(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    label: str


class GraphEdge(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    source: str
    target: str
    count: int
    event_ids: list[str]


class Graph(BaseModel):
    """The drawn part of the actor graph; ``total_nodes`` and ``total_edges`` count all of it."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    total_nodes: int
    total_edges: int


class SourceSummary(BaseModel):
    outlet: str
    sources: int
    claims: int
    anonymous_sources: int
    anonymous_claims: int
    anonymous_share: float


class Page(BaseModel):
    """One window of a list: ``items[offset:offset+limit]`` of the ``total`` that match."""

    items: list[Row]
    total: int
    limit: int
    offset: int


class Sources(Page):
    outlets: list[SourceSummary]


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    described = {
        400: "the body is not the form it claims to be (E509), or a date parameter is not a calendar date (E512)",
        401: "the write token is missing or wrong (E504)",
        403: "the server is read-only (E505), or the POST came from a page of another site (E511)",
        404: "no corpus is open (E506) or the record is not in it (E507)",
        408: "the request ran past the server's time limit (E503)",
        413: "the request body is over --max-upload (E502), or the article over --max-chars (E004) or the parser's limit (E605)",
        422: "a malformed request (E509), nothing to analyse (E508) or an article that cannot be analysed (E0xx)",
        503: "every analysis slot is busy (E510); try again after the Retry-After seconds",
    }
    return {s: {"model": ErrorBody, "description": described[s]} for s in statuses}


_CORPUS_ERRORS = _errors(400, 404, 408, 422)
# A list answers a page object, or with format=csv its rows as a CSV file.
_LIST_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A page of rows; with format=csv, the page's rows as CSV; with rows=all, every row from offset on (a download).",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    },
    **_CORPUS_ERRORS,
}
# Databases take 64-bit offsets; anything near that is a probe, not a page.
MAX_OFFSET = 1_000_000_000
# The most rows one answer holds: pages of a list are asked for with offset.
MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
# The most rows one download (rows=all) holds: it is written while the rows are read, a
# thousand at a time, and one request should not hold a server process for minutes.
MAX_DOWNLOAD_ROWS = 100_000
DATE = r"^\d{4}-\d{2}-\d{2}$"
_OPTIONAL_DATE = r"^(\d{4}-\d{2}-\d{2})?$"
router = APIRouter(prefix="/api", tags=["api"])


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def calendar_date(request: Request, parameter: str, value: Optional[str]) -> Optional[str]:
    """``value`` when it is a real YYYY-MM-DD date (the pattern alone lets 2016-99-99 through),
    ``None`` when empty; else E512 naming the parameter."""
    if not value:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise WebError(Errors.E512, name=request.url.path, parameter=parameter, value=value) from None
    return value


class Window:
    """``limit`` and ``offset`` of a list endpoint (at most ``MAX_LIMIT`` rows an answer), or with
    ``rows=all`` every row from ``offset`` on (at most ``MAX_DOWNLOAD_ROWS``), streamed. Routes
    take it with ``Depends(window_of)``."""

    def __init__(self, limit: int = DEFAULT_LIMIT, offset: int = 0, format: str = "json", rows: str = "page") -> None:  # noqa: A002
        self.limit, self.offset, self.format, self.rows = limit, offset, format, rows

    def at(self, limit: int, offset: int) -> "Window":
        """This window moved to ``limit`` rows from ``offset``."""
        return Window(limit=limit, offset=offset, format=self.format, rows="page")

    def answer(self, fetch: Callable[["Window"], dict[str, Any]], name: str) -> Any:
        """The list as asked: ``fetch(window)`` gives one page object of it; answered as that page
        object, its rows as ``name``.csv, or with ``rows=all`` every row, a page at a time."""
        if self.rows == "all":
            return self._download(fetch, name)
        page = fetch(self)
        # the page as it is: its rows are JSON values already, and checking them against the
        # response model again cost more than writing them
        return csv_response(page["items"], name) if self.format == "csv" else JSONResponse(page)

    def _download(self, fetch: Callable[["Window"], dict[str, Any]], name: str) -> Any:
        first = fetch(self.at(MAX_LIMIT, self.offset))  # read before answering: its errors are still a status

        def chunks() -> Any:
            page, sent = first, 0
            while True:
                items = page["items"][: MAX_DOWNLOAD_ROWS - sent]
                yield items
                sent += len(items)
                if sent >= MAX_DOWNLOAD_ROWS or len(page["items"]) < MAX_LIMIT:
                    return
                page = fetch(self.at(MAX_LIMIT, self.offset + sent))

        if self.format == "csv":
            return csv_stream(chunks(), name)
        head = {key: value for key, value in first.items() if key != "items"}
        return json_stream({**head, "limit": MAX_DOWNLOAD_ROWS, "offset": self.offset}, chunks(), name)

    def page(self, frame: Any) -> dict[str, Any]:
        """The answer for a corpus frame asked for ``with_total``."""
        return {"items": queries.rows(frame), "total": int(frame.attrs["total"]), "limit": self.limit, "offset": self.offset}

    def slice(self, items: list[Any]) -> dict[str, Any]:
        """The answer for a whole list held in memory (a cached one)."""
        return {"items": items[self.offset : self.offset + self.limit], "total": len(items), "limit": self.limit, "offset": self.offset}


# The parameters as async dependencies: FastAPI runs a plain function or class dependency in its
# thread pool, one thread hop per dependency and request; these only check values.
async def window_of(
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Rows to return, at most {MAX_LIMIT}."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip: the next page starts at offset + limit."),
    format: Literal["json", "csv"] = Query("json", description="json: a page object; csv: the page's rows as a CSV file."),  # noqa: A002
    rows: Literal["page", "all"] = Query(
        "page",
        description=f"page: the limit rows from offset; all: every row of the list from offset on, up to {MAX_DOWNLOAD_ROWS:,}, "
        "as a download (what the pages' download links ask for; limit is then ignored). A sort orders each block of "
        f"{MAX_LIMIT} rows, as it orders a page.",
    ),
) -> Window:
    return Window(limit, offset, format, rows)


FactualityFilter = Query(
    None, pattern=f"^({'|'.join(queries.FACTUALITY_CHOICES)})?$",
    description="Keep events with this factuality: " + ", ".join(queries.FACTUALITY_CHOICES) + ".",
)


class EventFilters:
    """The filters shared by the events table and the actor graph (the corpus ``events`` arguments).
    Routes take them with ``Depends(event_filters)``."""

    def __init__(
        self, actor: Optional[str] = None, type: Optional[str] = None, since: Optional[str] = None,  # noqa: A002
        until: Optional[str] = None, min_origins: Optional[str] = None, factuality: Optional[str] = None,
    ) -> None:
        self.actor, self.type, self.since, self.until = actor, type, since, until
        self.min_origins, self.factuality = min_origins, factuality

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "actor": self.actor or None,
            "type": self.type or None,
            "since": self.since or None,
            "until": self.until or None,
            "min_origins": int(self.min_origins) if self.min_origins else None,
            "factuality": self.factuality or None,
        }


async def event_filters(
    request: Request,
    actor: Optional[str] = Query(None, max_length=200, description="Actor key: events it is a source or target of."),
    type: Optional[str] = Query(None, max_length=60, description="PLOVER event type, e.g. ASSAULT."),  # noqa: A002
    since: Optional[str] = Query(None, pattern=_OPTIONAL_DATE, description="Earliest event date, YYYY-MM-DD."),
    until: Optional[str] = Query(None, pattern=_OPTIONAL_DATE, description="Latest event date, YYYY-MM-DD."),
    min_origins: Optional[str] = Query(None, pattern=r"^([1-9][0-9]{0,3})?$", description="Keep events reported by at least this many independent origins (a whole number)."),
    factuality: Optional[str] = FactualityFilter,
) -> EventFilters:
    """The filters; an empty value means "no filter": HTML forms send empty fields, so every
    filter accepts ""."""
    return EventFilters(
        actor, type, calendar_date(request, "since", since), calendar_date(request, "until", until), min_origins, factuality
    )


@router.get("/health", response_model=Health, summary="Server version and capabilities")
def health(request: Request) -> Health:
    settings = settings_of(request)
    return Health(version=__version__, corpus=settings.corpus is not None, writable=settings.writable)


@router.post("/analyze", response_model=Analysis, responses=_errors(400, 401, 403, 408, 413, 422, 503), summary="Analyse an article")
def analyze(
    request: Request,
    text: Optional[str] = Form(None, description="Article text (plain or HTML)."),
    file: Union[UploadFile, str, None] = File(None, description="An article file (plain text or a saved HTML page)."),
    title: Optional[str] = Form(None, max_length=500),
    outlet: Optional[str] = Form(None, max_length=200),
    published: Optional[str] = Form(None, description="Publication date YYYY-MM-DD."),
    language_check: bool = Form(True, description="Refuse text that is not English."),
    store: bool = Form(False, description="Also store the article in the corpus (needs the write token)."),
    authorization: Optional[str] = Header(None, description="`Bearer <write token>`, needed with store=true."),
) -> Analysis:
    """The article's full report (schema newsgraph.report/2). Nothing is stored unless ``store`` is
    true and the request carries the server's write token."""
    settings = settings_of(request)
    if store:
        settings.check_write("/api/analyze", bearer_token(authorization))
    upload, filename = read_upload(file)
    article = read_submission(
        text, upload, filename,
        title=title, outlet=outlet, published=published, check_language=language_check, max_chars=settings.max_chars,
    )
    report = analyze_article(settings.analyses, "/api/analyze", article)
    ingest = store_article(settings.corpus, report) if store else None
    return Analysis(report=report.to_dict(), stored=store, ingest=ingest)


@router.get("/articles", response_model=Page, responses=_LIST_RESPONSES, summary="Articles, by full-text search, actor or outlet")
def articles(
    request: Request,
    search: Optional[str] = Query(None, max_length=200, description="Words in the title or text (% and _ match themselves)."),
    actor: Optional[str] = Query(None, max_length=200),
    outlet: Optional[str] = Query(None, max_length=200),
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/api/articles")

    def fetch(at: Window) -> dict[str, Any]:
        return at.page(corpus.articles(search=search or None, actor=actor or None, outlet=outlet or None, limit=at.limit, offset=at.offset, with_total=True, records=True))

    return window.answer(fetch, "articles")


ArticleId = Path(..., min_length=1, max_length=128, description="The article's content-hash id.")


@router.get("/articles/{article_id}", response_model=Row, responses=_CORPUS_ERRORS, summary="One article's metadata and text")
def article(request: Request, article_id: str = ArticleId) -> Any:
    corpus = settings_of(request).require_corpus("/api/articles")
    found = corpus.article(article_id)
    if found is None:
        raise WebError(Errors.E507, name="/api/articles", what="article", key=article_id)
    return queries.rows([found])[0]


@router.get("/articles/{article_id}/report", response_model=dict[str, Any], responses=_CORPUS_ERRORS, summary="One article's full report")
def article_report(request: Request, article_id: str = ArticleId) -> Any:
    corpus = settings_of(request).require_corpus("/api/articles")
    report = corpus.report(article_id)
    if report is None:
        raise WebError(Errors.E507, name="/api/articles", what="article", key=article_id)
    return report.to_dict()


@router.get("/events", response_model=Page, responses=_LIST_RESPONSES, summary="Deduplicated events, filtered; each page sorted")
def events(
    request: Request,
    filters: EventFilters = Depends(event_filters),  # noqa: B008 - FastAPI dependency
    sort: Optional[str] = Query(None, pattern=queries.SORT_PATTERN, description="Column to sort by: " + ", ".join(queries.EVENT_COLUMNS) + "."),
    order: Literal["asc", "desc"] = Query("asc"),
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/api/events")
    return window.answer(lambda at: events_window(corpus, filters, sort, order, at), "events")


def events_window(corpus: Any, filters: EventFilters, sort: Optional[str], order: str, window: Window) -> dict[str, Any]:
    """One page of events with their first report's trigger and sentence, the page sorted."""
    answer = window.page(corpus.events(**filters.as_kwargs(), limit=window.limit, offset=window.offset, with_total=True, records=True))
    items = queries.with_first_reports(answer["items"], corpus.first_reports([row["event_id"] for row in answer["items"]]))
    answer["items"] = queries.sort_rows(items, sort, descending=order == "desc")
    return answer


EventId = Path(..., min_length=1, max_length=128)


@router.get("/events/{event_id}/mentions", response_model=Page, responses=_LIST_RESPONSES, summary="Where an event is reported, and by whom")
def mentions(request: Request, event_id: str = EventId, window: Window = Depends(window_of)) -> Any:  # noqa: B008
    """The event's reports, earliest published first: outlet, sentence, trigger, chain,
    factuality and the evidence that joined each to the event."""
    corpus = settings_of(request).require_corpus("/api/events")
    return window.answer(lambda at: at.page(corpus.mentions(event_id, limit=at.limit, offset=at.offset, with_total=True, records=True)), "mentions")


@router.get("/actors", response_model=Page, responses=_LIST_RESPONSES, summary="Actors, by name")
def actors(
    request: Request,
    search: Optional[str] = Query(None, max_length=200, description="Part of the name or code (% and _ match themselves)."),
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/api/actors")
    return window.answer(lambda at: at.page(corpus.actors(search=search or None, limit=at.limit, offset=at.offset, with_total=True, records=True)), "actors")


# :path, because actor names may hold "/" (sent quoted as %2F, which the router sees decoded)
@router.get("/actors/{actor_key:path}/timeline", response_model=Page, responses=_LIST_RESPONSES, summary="An actor's events in date order")
def timeline(
    request: Request,
    actor_key: str = Path(..., min_length=1, max_length=200),
    factuality: Optional[str] = FactualityFilter,
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/api/actors")
    return window.answer(lambda at: timeline_window(corpus, actor_key, factuality, at), "timeline")


def timeline_window(corpus: Any, actor_key: str, factuality: Optional[str], window: Window) -> dict[str, Any]:
    """One page of an actor's timeline with each event's first trigger and sentence."""
    frame = corpus.timeline(actor_key, limit=window.limit, offset=window.offset, with_total=True, factuality=factuality or None, records=True)
    answer = window.page(frame)
    answer["items"] = queries.with_first_reports(answer["items"], corpus.first_reports([row["event_id"] for row in answer["items"]]))
    return answer


@router.get("/sources", response_model=Sources, responses=_LIST_RESPONSES, summary="Which sources outlets rely on, and how many are anonymous")
def sources(request: Request, outlet: Optional[str] = Query(None, max_length=200), window: Window = Depends(window_of)) -> Any:  # noqa: B008
    """A page of the sources; ``outlets`` sums up all of them, not only the page's."""
    settings = settings_of(request)
    settings.require_corpus("/api/sources")
    found, outlets = all_sources(settings, outlet or None)
    return window.answer(lambda at: {**at.slice(found), "outlets": outlets}, "sources")


def all_sources(settings: Settings, outlet: Optional[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every source (of ``outlet``) and the per-outlet summary, kept until the store changes."""

    def compute() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        found = queries.rows(settings.corpus.sources(outlet=outlet))
        return found, queries.source_summary(found)

    return settings.cache.get(("sources", outlet), compute)


@router.get("/claims", response_model=Page, responses=_LIST_RESPONSES, summary="Claims and who stands behind them")
def claims(
    request: Request,
    actor: Optional[str] = Query(None, max_length=200),
    since: Optional[str] = Query(None, pattern=_OPTIONAL_DATE, description="Claims published on or after this date, YYYY-MM-DD."),
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/api/claims")
    since = calendar_date(request, "since", since)
    return window.answer(lambda at: at.page(corpus.claims(actor=actor or None, since=since, limit=at.limit, offset=at.offset, with_total=True, records=True)), "claims")


@router.get("/quotes", response_model=Page, responses=_LIST_RESPONSES, summary="Who said what: quotes with their speakers")
def quotes(
    request: Request,
    actor: Optional[str] = Query(None, max_length=200, description="Quotes of this speaker: name, entity key or CAMEO code."),
    outlet: Optional[str] = Query(None, max_length=200, description="Quotes printed by this outlet."),
    since: Optional[str] = Query(None, pattern=_OPTIONAL_DATE, description="Quotes published on or after this date, YYYY-MM-DD."),
    window: Window = Depends(window_of),  # noqa: B008
) -> Any:
    corpus = settings_of(request).require_corpus("/api/quotes")
    since = calendar_date(request, "since", since)
    return window.answer(lambda at: quotes_window(corpus, actor, outlet, since, at), "quotes")


def quotes_window(corpus: Any, actor: Optional[str], outlet: Optional[str], since: Optional[str], window: Window) -> dict[str, Any]:
    frame = corpus.quotes(actor=actor or None, outlet=outlet or None, since=since, limit=window.limit, offset=window.offset, with_total=True, records=True)
    return window.page(frame)


@router.get("/contradictions", response_model=Page, responses=_LIST_RESPONSES, summary="Events asserted in one place and negated or disputed in another")
def contradictions(request: Request, window: Window = Depends(window_of)) -> Any:  # noqa: B008
    settings = settings_of(request)
    settings.require_corpus("/api/contradictions")
    return window.answer(lambda at: contradictions_window(settings, at), "contradictions")


def contradictions_window(settings: Settings, window: Window) -> dict[str, Any]:
    # pairs are found event by event, not by one query: the whole list is kept until the store changes
    return window.slice(settings.cache.get(("contradictions",), lambda: queries.rows(settings.corpus.contradictions())))


@router.get("/graph", response_model=Graph, responses=_CORPUS_ERRORS, summary="The actor graph as cytoscape.js elements")
def graph(
    request: Request,
    filters: EventFilters = Depends(event_filters),  # noqa: B008
    top: Optional[str] = Query(None, pattern=r"^([1-9][0-9]{0,3})?$", description="Keep only the actors with the most events, at most this many (a whole number; empty: all)."),
) -> Any:
    """Actors (``kind``: country, organization, person, group, outlet, agent; ``events``: how
    many events they take part in) and one edge per source, target, PLOVER type and
    ``factuality`` (asserted, hedged, negated, disputed)."""
    settings = settings_of(request)
    corpus = settings.require_corpus("/api/graph")
    # rebuilding the graph reads every matching event: kept until the store changes
    key = ("graph", tuple(sorted(filters.as_kwargs().items())))
    elements = settings.cache.get(key, lambda: queries.graph_elements(corpus.graph(by_factuality=True, **filters.as_kwargs())))
    return queries.focus(elements, int(top) if top else None)
