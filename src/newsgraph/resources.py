"""Packaged catalogues (built by ``scripts/build_catalogue.py``) and the external data folder."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from .errors import DataError, Errors

__all__ = ["catalogue_exists", "catalogue_json", "catalogue_jsonl", "data_dir", "demo_article"]

_PACKAGE_DATA = "newsgraph.data"


def _catalogue_path(name: str):
    path = resources.files(_PACKAGE_DATA).joinpath(name)
    if not path.is_file():
        raise DataError(Errors.E202, path=name)
    return path


def catalogue_exists(name: str) -> bool:
    """Whether the package ships the catalogue ``name``."""
    return resources.files(_PACKAGE_DATA).joinpath(name).is_file()


@lru_cache(maxsize=None)
def catalogue_json(name: str) -> Any:
    """A packaged JSON catalogue, parsed once per process."""
    return json.loads(_catalogue_path(name).read_text(encoding="utf-8"))


def catalogue_jsonl(name: str) -> Iterator[dict[str, Any]]:
    """Rows of a packaged JSON-lines catalogue."""
    with _catalogue_path(name).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def demo_article() -> str:
    return resources.files(_PACKAGE_DATA).joinpath("demo_article.txt").read_text(encoding="utf-8")


def data_dir(path: str | os.PathLike[str] | None = None, *, must_exist: bool = True) -> Path:
    """The external reference/gold data folder: ``path``, else ``$NEWSGRAPH_DATA``, else ``../shared/data``."""
    chosen = Path(path or os.environ.get("NEWSGRAPH_DATA") or Path.cwd().parent / "shared" / "data")
    if must_exist and not chosen.is_dir():
        raise DataError(Errors.E201, path=chosen)
    return chosen
