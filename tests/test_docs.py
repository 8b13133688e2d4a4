"""The documentation matches the code: every CLI command and option has help text and is
documented, docs/cli.md is up to date, relative links resolve, and the README keeps its
two-command quick start. Fast and offline: reads the typer app and the Markdown files only."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import typer.main

from newsgraph.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))

def _group():
    return typer.main.get_command(app)


def _commands():
    return list(_group().commands.items())


def _params():
    """(command name, parameter) for every argument and option of every command."""
    return [(name, param) for name, command in _commands() for param in command.params]


def _param_id(item) -> str:
    name, param = item
    return f"{name}:{'/'.join(param.opts)}"


def _is_argument(param) -> bool:
    return param.param_type_name == "argument"


def _docs_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in DOCS)


def test_the_app_has_commands():
    names = [name for name, _ in _commands()]
    assert len(names) >= 10, names
    assert {"analyze", "ingest", "eval", "serve"} <= set(names)


# -- (a) help text -------------------------------------------------------------------


def test_the_app_has_help():
    assert (_group().help or "").strip()


@pytest.mark.parametrize("name,command", _commands(), ids=[name for name, _ in _commands()])
def test_every_command_has_help(name, command):
    assert (command.help or "").strip(), f"newsgraph {name} has no help text"


@pytest.mark.parametrize("item", _params(), ids=_param_id)
def test_every_argument_and_option_has_help(item):
    name, param = item
    assert (getattr(param, "help", None) or "").strip(), f"newsgraph {name} {'/'.join(param.opts)} has no help text"


# -- (b) everything is documented ----------------------------------------------------


@pytest.mark.parametrize("name", [name for name, _ in _commands()])
def test_every_command_is_documented(name):
    assert f"newsgraph {name}" in _docs_text(), f"`newsgraph {name}` appears in no docs/*.md"


@pytest.mark.parametrize("item", _params(), ids=_param_id)
def test_every_option_is_documented_with_its_command(item):
    """Each option and argument is listed in the section of docs/cli.md for its command."""
    name, param = item
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", reference, flags=re.M)
    section = next((s for s in sections if s.startswith(f"newsgraph {name}\n")), None)
    assert section is not None, f"docs/cli.md has no section for newsgraph {name}"
    if _is_argument(param):
        names = [(param.metavar or param.name).upper()]
    else:
        names = [*param.opts, *param.secondary_opts]
    for shown in names:
        assert f"`{shown}" in section, f"{shown} of newsgraph {name} is missing from docs/cli.md"


def test_the_cli_reference_is_up_to_date():
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == module.render(), "docs/cli.md is out of date: run python scripts/cli_reference.py"


# -- (c) links -------------------------------------------------------------------------

# [text](target) and ![alt](target); the target ends at whitespace or ")"
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def _links(path: Path) -> list[str]:
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    return _LINK.findall(text)


def _relative(target: str) -> bool:
    return not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) and not target.startswith("#")


def _anchors(path: Path) -> set[str]:
    """GitHub-style anchors of a Markdown file's headings."""
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    anchors = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*$", text, flags=re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        anchors.add(slug)
    return anchors


def test_the_docs_exist():
    names = {path.name for path in DOCS}
    assert {"guide.md", "cli.md", "evaluation.md", "benchmarks.md"} <= names


@pytest.mark.parametrize("path", [README, *DOCS], ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_point_to_existing_files(path):
    broken = []
    for target in _links(path):
        if not _relative(target):
            continue
        file_part, _, anchor = target.partition("#")
        resolved = (path.parent / file_part).resolve()
        if not resolved.exists():
            broken.append(target)
        elif anchor and resolved.suffix == ".md" and anchor not in _anchors(resolved):
            broken.append(target)
    assert not broken, f"{path.relative_to(ROOT)} links to missing files or headings: {broken}"


@pytest.mark.parametrize("path", [README, *DOCS], ids=lambda p: str(p.relative_to(ROOT)))
def test_links_within_a_page_point_to_its_headings(path):
    anchors = _anchors(path)
    broken = [t for t in _links(path) if t.startswith("#") and t[1:] not in anchors]
    assert not broken, f"{path.relative_to(ROOT)} links to missing headings: {broken}"


def test_the_readme_links_to_every_doc():
    links = {(ROOT / t.partition("#")[0]).resolve() for t in _links(README) if _relative(t)}
    for path in DOCS:
        assert path.resolve() in links, f"README.md does not link to {path.relative_to(ROOT)}"
    assert (ROOT / "docs" / "design.md").resolve() in links


def test_the_link_finder_finds_links():
    assert "docs/guide.md" in _links(README)


# -- (d) quick start -------------------------------------------------------------------


def test_the_readme_keeps_the_two_command_quick_start():
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Quick start\n(.*?)(?=^## )", text, flags=re.M | re.S)
    assert match, "README.md has no '## Quick start' section"
    commands = re.findall(r"^(make \w+)", re.search(r"```sh\n(.*?)```", match.group(1), re.S).group(1), flags=re.M)
    assert commands == ["make demo", "make test"], commands
