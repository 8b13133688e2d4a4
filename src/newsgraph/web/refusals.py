"""How a refused request is answered: the one place that picks the HTTP status of a catalogue
code and whether the client gets JSON or an HTML error page.

The error handlers and the ASGI guards (body and time limits, the Origin check, the analysis
slots) all answer through ``refusal``, so a browser's form never shows raw JSON and an API
client never has to parse a page.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from ..errors import InputError, NewsgraphError
from .rendering import render

__all__ = ["STATUS", "status_of", "wants_json", "refusal", "refusal_of"]

# Catalogue code -> HTTP status of a refused request.
STATUS = {
    "E004": 413,  # longer than the characters an article may have
    "E502": 413,
    "E503": 408,
    "E504": 401,
    "E505": 403,
    "E506": 404,
    "E507": 404,
    "E508": 422,
    "E509": 422,
    "E510": 503,
    "E511": 403,
    "E512": 400,
    "E601": 408,  # the analysis worker was stopped at the time limit
    "E605": 413,  # longer than the parser can take
}


def status_of(error: NewsgraphError) -> int:
    """The HTTP status for ``error``: its code's, else 422 for a bad article, else 500."""
    return STATUS.get(error.code, 422 if isinstance(error, InputError) else 500)


def wants_json(request: Request) -> bool:
    """API paths, and clients that ask for JSON rather than a page, get JSON."""
    if request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def refusal(request: Request, status: int, code: str, message: str, headers: Optional[Mapping[str, str]] = None) -> Response:
    """The coded error as JSON ``{"error": {"code", "message"}}`` or as the HTML error page."""
    if wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=dict(headers or {}))
    page = render(request, "error.html", status_code=status, code=code, message=message)
    page.headers.update(dict(headers or {}))
    return page


def refusal_of(request: Request, error: NewsgraphError, headers: Optional[Mapping[str, Any]] = None) -> Response:
    """``refusal`` for a raised newsgraph error, with its code's status."""
    status = status_of(error)
    extra = dict(headers or {})
    if status == 401:
        extra["WWW-Authenticate"] = "Bearer"
    if status == 503:
        extra.setdefault("Retry-After", str(error.details.get("retry_after", 5)))
    return refusal(request, status, error.code, str(error), extra)
