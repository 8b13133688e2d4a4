"""The FastAPI application: pages, the JSON API under ``/api/``, static files and the guards."""

from __future__ import annotations

import hmac
import logging
from pathlib import Path
from typing import Any, Optional, Sequence
from urllib.parse import quote, urlencode

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..errors import Errors, InputError, NewsgraphError, WebError
from .guards import BodyLimit, SecurityHeaders, TimeLimit

__all__ = ["create_app", "render", "Settings", "LOOPBACK_HOSTS", "DEFAULT_MAX_UPLOAD_BYTES", "DEFAULT_REQUEST_TIMEOUT_S"]

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
DEFAULT_MAX_UPLOAD_BYTES = 5_000_000
DEFAULT_REQUEST_TIMEOUT_S = 120.0

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


class Settings:
    """What one running server was started with; routes read it from ``request.app.state``."""

    def __init__(self, corpus: Any, write_token: Optional[str], max_upload_bytes: int, request_timeout_s: float) -> None:
        self.corpus = corpus
        self.write_token = write_token
        self.max_upload_bytes = max_upload_bytes
        self.request_timeout_s = request_timeout_s

    @property
    def writable(self) -> bool:
        return bool(self.write_token) and self.corpus is not None

    def check_write(self, name: str, presented: Optional[str]) -> None:
        """Raise unless ``presented`` is the write token (compared in constant time)."""
        if not self.writable:
            raise WebError(Errors.E505, name=name)
        if not presented or not hmac.compare_digest(presented.encode(), str(self.write_token).encode()):
            raise WebError(Errors.E504, name=name)

    def require_corpus(self, name: str) -> Any:
        if self.corpus is None:
            raise WebError(Errors.E506, name=name)
        return self.corpus


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
    from . import api, pages

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
    app.state.templates = _templates()
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


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template, whatever its name: article text is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["web_url"] = _web_url
    env.filters["path_part"] = _path_part
    env.filters["query_string"] = _query_string
    return env


def _path_part(value: object) -> str:
    """``value`` as one URL path segment: slashes and everything else reserved are quoted."""
    return quote(str(value if value is not None else ""), safe="")


def _query_string(params: dict[str, Any]) -> str:
    return urlencode({key: value for key, value in params.items() if value not in (None, "")})


def _web_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is an http(s) address; ``javascript:`` and the like are never linked."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    html = request.app.state.templates.get_template(template).render(
        has_corpus=settings.corpus is not None, writable=settings.writable, version=__version__, **context
    )
    return HTMLResponse(html, status_code=status_code)


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

