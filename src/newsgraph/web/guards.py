"""ASGI guards around the whole app: security headers, a body size limit and a request time limit.

They are plain ASGI middleware (not Starlette's ``BaseHTTPMiddleware``) because both limits must
answer while the app is still busy: the body limit while a multipart parser is reading, the time
limit while an analysis runs in a worker thread that cannot be cancelled.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Awaitable, Callable

from ..errors import Errors

__all__ = ["SecurityHeaders", "BodyLimit", "TimeLimit", "CONTENT_SECURITY_POLICY", "error_body"]

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
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def error_body(code: Errors, **details: object) -> dict[str, Any]:
    """The JSON every refused request answers with: the catalogue code and its message."""
    return {"error": {"code": code.name, "message": code.format(**details)}}


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()), *_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


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
            await _send_json(send, 413, error_body(Errors.E502, name=name, size=f"{int(declared):,}", limit=self.limit))
            return
        seen = 0
        exceeded = False
        answered = False

        def refusal() -> dict[str, Any]:
            return error_body(Errors.E502, name=name, size=f"over {self.limit:,}", limit=self.limit)

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
                await _send_json(send, 413, refusal())

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            if not answered:
                await _send_json(send, 413, refusal())


class TimeLimit:
    """Answers 408 (E503) when a request runs past ``seconds``.

    The slow handler is cancelled; one stuck in a worker thread (an analysis) finishes in the
    background and whatever it sends afterwards is dropped.
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
            await _send_json(send, 408, error_body(Errors.E503, name=scope.get("path", ""), seconds=self.seconds))


def _log_late_failure(task: "asyncio.Future[None]") -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("a request that timed out failed afterwards: %s", task.exception())
