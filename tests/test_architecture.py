"""The layout's rules that the import-linter contract in pyproject.toml does not express.

``make test`` runs ``lint-imports`` for the layers; these tests keep every module inside the
contract and keep private names private to their module.
"""

from __future__ import annotations

import ast
import pkgutil
import sys
from pathlib import Path

import pytest

import newsgraph

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "newsgraph"
CHECKED = [PACKAGE, ROOT / "tests", ROOT / "scripts", ROOT / "benchmarks", ROOT / "conftest.py"]


def _python_files():
    for place in CHECKED:
        yield from ([place] if place.is_file() else sorted(place.rglob("*.py")))


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_module(path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = _module_of(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def private_imports(path: Path) -> list[tuple[int, str, str]]:
    """(line, name, module) of each ``from module import _name``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or node.module == "__future__":
            continue
        inside = PACKAGE in path.parents
        source = _imported_module(path, node) if inside else (node.module or "")
        for alias in node.names:
            if alias.name.startswith("_") and not alias.name.startswith("__"):
                found.append((node.lineno, alias.name, source))
    return found


def test_no_module_imports_another_modules_private_names():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {name} from {module}" for path in _python_files() for line, name, module in private_imports(path)
    ]
    assert offenders == [], "make these names public (no leading underscore) or keep them in their module:\n" + "\n".join(offenders)


def test_private_import_check_catches_one(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from newsgraph.pipeline import _event, build_report\nfrom typing import __all__\n", encoding="utf-8")
    assert private_imports(sample) == [(1, "_event", "newsgraph.pipeline")]


def _contract_modules() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")["layers"]
    return {name.strip() for layer in layers for name in layer.split("|")}


def test_every_top_level_module_has_a_layer():
    modules = {f"newsgraph.{info.name}" for info in pkgutil.iter_modules(newsgraph.__path__)}
    missing = sorted(modules - _contract_modules())
    assert missing == [], f"add these modules to a layer of the import-linter contract in pyproject.toml: {missing}"


def test_nlp_imports_nothing_from_the_package():
    tree = ast.parse((PACKAGE / "nlp.py").read_text(encoding="utf-8"))
    relative = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.level or (n.module or "").startswith("newsgraph"))]
    assert relative == []
