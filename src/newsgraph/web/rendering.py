"""HTML pages from the Jinja templates, with the filters they use."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from ..version import __version__
from .api import MAX_DOWNLOAD_ROWS
from .display import cell, date_span
from .queries import FACTUALITY_CHOICES
from .settings import Settings

__all__ = ["HERE", "render", "templates"]

HERE = Path(__file__).resolve().parent


def templates() -> jinja2.Environment:
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
    env.filters["cell"] = cell
    env.globals["date_span"] = date_span
    env.globals["factualities"] = FACTUALITY_CHOICES  # the closed vocabulary badges may turn into class names
    env.globals["max_download_rows"] = MAX_DOWNLOAD_ROWS
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
        has_corpus=settings.corpus is not None, writable=settings.writable, version=__version__,
        # the page's own query: pagers and download links keep its filters
        query=dict(request.query_params), **context
    )
    return HTMLResponse(html, status_code=status_code)
