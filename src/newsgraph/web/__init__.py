"""``newsgraph serve``: the web viewer and JSON API (needs the ``web`` extra).

``create_app(corpus=None, write_token=None, ...)`` builds the FastAPI application; the server
itself is started by the CLI. Importing this package without the extra raises ``WebError`` E501.
"""

from __future__ import annotations

from typing import Any

from ..errors import Errors, WebError

__all__ = ["create_app", "require_web_extra"]

_EXTRA_MODULES = ("fastapi", "uvicorn", "jinja2", "python_multipart")


def require_web_extra() -> None:
    """Raise E501 naming the first missing module of the ``web`` extra."""
    import importlib.util

    for module in _EXTRA_MODULES:
        if importlib.util.find_spec(module) is None:
            raise WebError(Errors.E501, module=module)


def create_app(*args: Any, **kwargs: Any):
    """The FastAPI app; see :func:`newsgraph.web.app.create_app` for the arguments."""
    require_web_extra()
    from .app import create_app as _create_app

    return _create_app(*args, **kwargs)
