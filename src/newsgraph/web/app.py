"""The FastAPI application: pages, the JSON API under ``/api/``, static files and the guards."""

from __future__ import annotations

import importlib
import logging
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Optional, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..errors import Errors, NewsgraphError, WebError
from ..ingest import DEFAULT_MAX_CHARS
from ..version import __version__
from . import api, pages
from .guards import BodyLimit, OriginCheck, SecurityHeaders, TimeLimit
from .refusals import refusal, refusal_of, wants_json
from .rendering import HERE, render, templates
from .settings import DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_REQUEST_TIMEOUT_S, LOOPBACK_HOSTS, Settings
from .workers import DEFAULT_MAX_ANALYSES, AnalysisWorkers

__all__ = ["create_app"]

log = logging.getLogger(__name__)


def create_app(
    corpus: Any = None,
    write_token: Optional[str] = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    request_timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S,
    allowed_hosts: Sequence[str] = LOOPBACK_HOSTS,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_analyses: int = DEFAULT_MAX_ANALYSES,
    slots_dir: Optional[str] = None,
    keep_idle: Optional[int] = None,
) -> FastAPI:
    """The web viewer over ``corpus`` (a ``newsgraph.Corpus``, or ``None`` for the Analyze box only).

    Read-only unless ``write_token`` is given; then storing an analysed article needs
    ``Authorization: Bearer <write_token>``. ``allowed_hosts`` are the Host headers served
    (loopback names by default, which also stops DNS-rebinding pages from reading the corpus;
    ``settings.served_hosts`` adds a bind address and ``--allowed-host`` names). POSTs must come
    from those hosts' own pages (``OriginCheck``). At most ``max_analyses`` Analyze-box analyses
    run at once, each in a worker process killed after ``request_timeout_s``; with ``slots_dir``
    the slots are shared with the other server processes given that folder (``serve --workers``),
    and ``keep_idle`` bounds the finished workers this process keeps warm.
    """
    analyses = AnalysisWorkers(max_analyses, request_timeout_s, slots_dir=slots_dir, keep_idle=keep_idle)
    if corpus is not None:
        # The corpus answers in pandas frames and imports pandas on first use: 0.3-0.4 s that
        # the first visitor's page would wait for (docs/benchmarks.md#web-viewer). Pay it now.
        importlib.import_module("pandas")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        analyses.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Sourced event graphs of news articles: articles, events, source chains and the actor graph.",
        # Swagger UI and ReDoc load their scripts from a CDN: the spec is served as JSON only.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
        # A pasted article is one form field: --max-upload bounds it, not Starlette's 1 MB default.
        form_limits={"max_part_size": max_upload_bytes},
    )
    app.state.settings = Settings(corpus, write_token, max_upload_bytes, request_timeout_s, max_chars, analyses)
    app.state.templates = templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    # Last added runs first: headers wrap everything, then the host and origin checks, then the limits.
    app.add_middleware(TimeLimit, seconds=request_timeout_s)
    app.add_middleware(BodyLimit, limit=max_upload_bytes)
    app.add_middleware(OriginCheck)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    async def newsgraph_error(request: Request, error: NewsgraphError) -> Any:
        return refusal_of(request, error)

    async def validation_error(request: Request, error: RequestValidationError) -> Any:
        problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in error.errors())
        return refusal_of(request, WebError(Errors.E509, name=request.url.path, problems=problems))

    async def http_error(request: Request, error: StarletteHTTPException) -> Any:
        if error.status_code == 400:  # a body that cannot be parsed as the form it claims to be
            coded = WebError(Errors.E509, name=request.url.path, problems=str(error.detail))
            return refusal(request, 400, coded.code, str(coded))
        if wants_json(request) or error.status_code not in (404, 405):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=getattr(error, "headers", None))
        return render(request, "error.html", status_code=error.status_code, code=str(error.status_code), message=str(error.detail))

    app.add_exception_handler(NewsgraphError, newsgraph_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
