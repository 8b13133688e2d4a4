"""The FastAPI application: pages, the JSON API under ``/api/``, static files and the guards."""

from __future__ import annotations

import logging
from typing import Any, Optional, Sequence

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..errors import Errors, InputError, NewsgraphError, WebError
from ..version import __version__
from . import api, pages
from .guards import BodyLimit, SecurityHeaders, TimeLimit
from .rendering import HERE, render, templates
from .settings import DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_REQUEST_TIMEOUT_S, LOOPBACK_HOSTS, Settings

__all__ = ["create_app"]

log = logging.getLogger(__name__)


# Catalogue code -> HTTP status of a refused request.
_STATUS = {
    "E502": 413,
    "E503": 408,
    "E504": 401,
    "E505": 403,
    "E506": 404,
    "E507": 404,
    "E508": 422,
    "E509": 422,
}


def create_app(
    corpus: Any = None,
    write_token: Optional[str] = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    request_timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S,
    allowed_hosts: Sequence[str] = LOOPBACK_HOSTS,
) -> FastAPI:
    """The web viewer over ``corpus`` (a ``newsgraph.Corpus``, or ``None`` for the Analyze box only).

    Read-only unless ``write_token`` is given; then storing an analysed article needs
    ``Authorization: Bearer <write_token>``. ``allowed_hosts`` are the Host headers served
    (loopback names by default, which also stops DNS-rebinding pages from reading the corpus).
    """
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Sourced event graphs of news articles: articles, events, source chains and the actor graph.",
        # Swagger UI and ReDoc load their scripts from a CDN: the spec is served as JSON only.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = Settings(corpus, write_token, max_upload_bytes, request_timeout_s)
    app.state.templates = templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app)
    # Last added runs first: headers wrap everything, then the host check, then the limits.
    app.add_middleware(TimeLimit, seconds=request_timeout_s)
    app.add_middleware(BodyLimit, limit=max_upload_bytes)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _add_error_handlers(app: FastAPI) -> None:
    async def newsgraph_error(request: Request, error: NewsgraphError) -> Any:
        status = _STATUS.get(error.code, 422 if isinstance(error, InputError) else 500)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        if _wants_json(request):
            body = {"error": {"code": error.code, "message": str(error)}}
            return JSONResponse(body, status_code=status, headers=headers)
        return render(request, "error.html", status_code=status, code=error.code, message=str(error))

    async def validation_error(request: Request, error: RequestValidationError) -> Any:
        problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in error.errors())
        coded = WebError(Errors.E509, name=request.url.path, problems=problems)
        if _wants_json(request):
            return JSONResponse({"error": {"code": coded.code, "message": str(coded)}}, status_code=422)
        return render(request, "error.html", status_code=422, code=coded.code, message=str(coded))

    async def http_error(request: Request, error: StarletteHTTPException) -> Any:
        if error.status_code == 400:  # a body that cannot be parsed as the form it claims to be
            coded = WebError(Errors.E509, name=request.url.path, problems=str(error.detail))
            if _wants_json(request):
                return JSONResponse({"error": {"code": coded.code, "message": str(coded)}}, status_code=400)
            return render(request, "error.html", status_code=400, code=coded.code, message=str(coded))
        if _wants_json(request) or error.status_code not in (404, 405):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=getattr(error, "headers", None))
        return render(request, "error.html", status_code=error.status_code, code=str(error.status_code), message=str(error.detail))

    app.add_exception_handler(NewsgraphError, newsgraph_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)

