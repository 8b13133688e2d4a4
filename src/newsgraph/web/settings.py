"""What one running server was started with: the corpus, the write token and the limits."""

from __future__ import annotations

import hmac
from typing import Any, Optional, Sequence

from ..errors import Errors, WebError
from .cache import StoreCache
from .workers import AnalysisWorkers

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "DEFAULT_REQUEST_TIMEOUT_S", "LOOPBACK_HOSTS", "Settings", "served_hosts"]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
DEFAULT_MAX_UPLOAD_BYTES = 5_000_000
DEFAULT_REQUEST_TIMEOUT_S = 120.0


class Settings:
    """What one running server was started with; routes read it from ``request.app.state``."""

    def __init__(
        self, corpus: Any, write_token: Optional[str], max_upload_bytes: int, request_timeout_s: float, max_chars: int, analyses: AnalysisWorkers
    ) -> None:
        self.corpus = corpus
        self.write_token = write_token
        self.max_upload_bytes = max_upload_bytes
        self.request_timeout_s = request_timeout_s
        self.max_chars = max_chars
        self.analyses = analyses
        # answers of the expensive queries (graph, contradictions, sources), per store version
        self.cache = StoreCache(corpus)

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


def served_hosts(bind_host: str, extra: Sequence[str] = ()) -> list[str]:
    """The Host header names a server bound to ``bind_host`` answers: loopback names, the bind
    address itself and the ``--allowed-host`` names (patterns such as ``*.example.org`` too).

    A server bound wider than loopback stays protected against DNS rebinding: a page of another
    site that resolves its own name to this server sends that name, which is not in the list."""
    names = [*LOOPBACK_HOSTS, *(name.strip().lower() for name in (bind_host, *extra) if name.strip())]
    # an IPv6 address arrives in brackets: Host: [2001:db8::1]:8000
    names += [f"[{name}]" for name in names if ":" in name and not name.startswith("[")]
    return list(dict.fromkeys(names))
