"""ASGI guards around the whole app: security headers, the Origin check of POSTs, a body size
limit and a request time limit.

They are plain ASGI middleware (not Starlette's ``BaseHTTPMiddleware``) because both limits must
answer while the app is still busy: the body limit while a multipart parser is reading, the time
limit while a handler thread, which cannot be cancelled, waits on a slow query or an analysis.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request

from ..errors import Errors
from .refusals import refusal

__all__ = ["SecurityHeaders", "OriginCheck", "BodyLimit", "TimeLimit", "CONTENT_SECURITY_POLICY"]

log = logging.getLogger(__name__)

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Only the package's own files: no inline script or style, no eval, no plugins, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    # same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the
    # site's own form POSTs, and OriginCheck could not tell them from a page of another site.
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, code: Errors, **details: object) -> None:
    # JSON or the HTML error page, as the client wants (refusals.wants_json)
    response = refusal(Request(scope, receive), status, code.name, code.format(**details))
    await response(scope, receive, send)


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [h for h in _HEADERS if h[0] not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class OriginCheck:
    """Refuses a POST (or any other unsafe method) sent from a page of another site: 403 (E511).

    A page anywhere can make its visitor's browser submit a form here (cross-site request
    forgery): fill the analysis slots, or store with a token the form was tricked into. The
    browser names the sending page in ``Origin`` (older ones only in ``Referer``); it must be
    the host the request was sent to. A request with neither comes from a script, not a page,
    and passes; ``Origin: null`` (a sandboxed or privacy-stripped page) does not.
    """

    _SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method", "GET") not in self._SAFE_METHODS:
            headers = Headers(scope=scope)
            sender = headers.get("origin") or headers.get("referer")
            if sender is not None and not _same_host(sender, headers.get("host", "")):
                await _refuse(scope, receive, send, 403, Errors.E511, name=scope.get("path", ""), origin=sender[:200])
                return
        await self.app(scope, receive, send)


def _same_host(sender: str, host: str) -> bool:
    """Whether the Origin or Referer URL ``sender`` is on ``host`` (the Host header, port included)."""
    try:
        authority = urlsplit(sender.strip()).netloc.lower()
    except ValueError:
        return False
    return bool(authority) and authority == host.strip().lower()


class _TooLarge(Exception):
    """Raised from ``receive`` once the streamed body passes the limit."""


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413 (E502), declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        name = scope.get("path", "")
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _refuse(scope, receive, send, 413, Errors.E502, name=name, size=f"{int(declared):,}", limit=self.limit)
            return
        seen = 0
        exceeded = False
        answered = False

        async def refuse() -> None:
            await _refuse(scope, receive, send, 413, Errors.E502, name=name, size=f"over {self.limit:,}", limit=self.limit)

        async def counting_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    exceeded = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            # A body parser may turn the exception into its own 400; the client gets the 413.
            nonlocal answered
            if not exceeded:
                answered = answered or message["type"] == "http.response.start"
                await send(message)
            elif not answered:
                answered = True
                await refuse()

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            if not answered:
                await refuse()


class TimeLimit:
    """Answers 408 (E503) when a request runs past ``seconds``.

    The slow handler is cancelled; one stuck in a thread finishes in the background and whatever
    it sends afterwards is dropped. An analysis does not go on: its worker process is killed at
    the same limit (``workers``).
    """

    def __init__(self, app: ASGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        expired = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if expired:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        done, _ = await asyncio.wait({task}, timeout=self.seconds)
        if done:
            task.result()
            return
        expired = True
        task.cancel()
        task.add_done_callback(_log_late_failure)
        if not started:
            await _refuse(scope, receive, send, 408, Errors.E503, name=scope.get("path", ""), seconds=self.seconds)


def _log_late_failure(task: "asyncio.Future[None]") -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("a request that timed out failed afterwards: %s", task.exception())
