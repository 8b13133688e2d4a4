"""Resource guards on ingest: a size limit and a time limit per article; the batch goes on."""

from __future__ import annotations

import pickle
import threading
import time

import pytest
from typer.testing import CliRunner

from newsgraph import Article, Corpus
from newsgraph.cli import app
from newsgraph.corpus.analysis import analyse_chunk
from newsgraph.errors import AnalysisError, Errors, InputError, ScaleError, StoreError
from newsgraph.limits import ArticleTimeout, time_limit

SLOW = "SLOW-ARTICLE-MARKER"
TEXTS = [
    "Egypt accused Turkey of supporting militants in Sinai, officials said.",
    f"Iran warned Iraq on Monday, officials said. {SLOW}",
    "Hamas attacked Israeli troops in Gaza on Monday, Amnesty International said.",
]


@pytest.fixture(scope="module")
def warm(nlp):
    """The first analysis in a process loads lazy tables (the GeoNames cities, seconds): done
    here, so that the short limits below time the articles, not the loading."""
    analyse_chunk([Article(text=TEXTS[0])])


def _hang_on_slow(monkeypatch, module) -> None:
    """``module.build_report`` hangs on the marked article (in small sleeps, so that both
    timers can stop it)."""
    real = module.build_report

    def build_report(doc, article, *args, **kwargs):
        if SLOW in article.text:
            for _ in range(1200):
                time.sleep(0.05)
        return real(doc, article, *args, **kwargs)

    monkeypatch.setattr(module, "build_report", build_report)


@pytest.fixture
def slow_pipeline(monkeypatch, warm):
    """Ingest's ``build_report`` hangs on the marked article."""
    from newsgraph.corpus import analysis

    _hang_on_slow(monkeypatch, analysis)


def test_slow_article_is_recorded_and_the_batch_goes_on(tmp_path, nlp, slow_pipeline):
    articles = [Article(text=t, title=f"article {i}") for i, t in enumerate(TEXTS)]
    with Corpus(tmp_path / "c.db") as corpus:
        stats = corpus.ingest(articles, check_language=False, article_timeout=0.5)
        errors = corpus.store.rows("SELECT item, code, reason FROM errors")[1]
        stored = sorted(r[0] for r in corpus.store.rows("SELECT title FROM articles")[1])
    assert (stats.stored, stats.errors) == (2, 1)
    assert stored == ["article 0", "article 2"]
    assert [(item, code) for item, code, _ in errors] == [("article 1", "E601")]
    assert "--article-timeout" in errors[0][2]


def test_time_limit_stops_a_worker_thread(nlp, slow_pipeline):
    """Dask runs tasks on threads: there the limit is an asynchronous exception, not SIGALRM."""
    results: list = []
    worker = threading.Thread(target=lambda: results.append(analyse_chunk([Article(text=t) for t in TEXTS], None, 0.5)))
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    (out,) = results
    assert [getattr(r, "code", "report") for r in out] == ["report", "E601", "report"]


@pytest.mark.parametrize("in_thread", [False, True])
def test_time_limit_leaves_quick_work_alone(in_thread):
    def quick() -> None:
        for _ in range(3):
            with time_limit(0.05):
                sum(range(1000))
        time.sleep(0.15)  # a late timer must not fire out here

    if in_thread:
        worker = threading.Thread(target=quick)
        worker.start()
        worker.join()
    else:
        quick()


def test_time_limit_raises_past_the_limit():
    with pytest.raises(ArticleTimeout):
        with time_limit(0.1):
            time.sleep(30)


def test_size_limit_is_recorded(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "short.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "long.txt").write_text(TEXTS[2] * 20, encoding="utf-8")
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--no-language-check", "--max-chars", "500"])
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output and "1 errors" in result.output
    with Corpus(db) as corpus:
        assert corpus.store.rows("SELECT code FROM errors")[1] == [("E004",)]
    with Corpus(tmp_path / "d.db") as corpus:
        stats = corpus.ingest([Article(text=TEXTS[2] * 20, title="long")], max_chars=500, check_language=False)
        assert stats.errors == 1 and corpus.store.scalar("SELECT code FROM errors") == "E004"


@pytest.mark.parametrize(
    "args, code",
    [(["--engine", "spark"], "E604"), (["--scheduler", "tcp://127.0.0.1:1"], "E604"), (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"], "E602")],
)
def test_bad_engine_options_are_coded(tmp_path, monkeypatch, args, code):
    from newsgraph.corpus import dask_engine

    monkeypatch.setattr(dask_engine, "_CONNECT_SECONDS", 2)
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "c.db"), *args])
    assert result.exit_code == 2 and code in result.output and "Traceback" not in result.output


def test_missing_distributed_extra_is_coded(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.delitem(sys.modules, "newsgraph.corpus.dask_engine", raising=False)
    with Corpus(tmp_path / "c.db") as corpus, pytest.raises(StoreError) as excinfo:
        corpus.ingest([Article(text=TEXTS[0])], engine="dask")
    assert excinfo.value.code == "E407" and "newsgraph[distributed]" in str(excinfo.value)


@pytest.mark.parametrize(
    "error",
    [
        AnalysisError(Errors.E301, name="a", detail="KeyError: 'x'"),
        ScaleError(Errors.E601, name="a", seconds=2.5),
        InputError(Errors.E004, name="a", size=10, limit=5),
    ],
)
def test_errors_cross_process_boundaries(error):
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), back.code, str(back)) == (type(error), error.code, str(error))


@pytest.fixture
def slow_analysis(monkeypatch, warm):
    """``analyze``'s ``build_report`` hangs on the marked article."""
    from newsgraph import pipeline

    _hang_on_slow(monkeypatch, pipeline)


def _in(thread: bool, run):
    """``run()``'s result or exception, on the main thread or on another (no SIGALRM there)."""
    if not thread:
        try:
            return run()
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            return exc
    out: list = []

    def target() -> None:
        try:
            out.append(run())
        except BaseException as exc:  # noqa: BLE001
            out.append(exc)

    worker = threading.Thread(target=target)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    return out[0]


@pytest.mark.parametrize("thread", [False, True], ids=["main thread", "other thread"])
def test_analyze_stops_a_pathological_article(nlp, slow_analysis, thread):
    import newsgraph

    outcome = _in(thread, lambda: newsgraph.analyze(TEXTS[1], check_language=False, article_timeout=0.5))
    assert isinstance(outcome, ScaleError) and outcome.code == "E601", outcome
    assert "--article-timeout" in str(outcome)
    assert newsgraph.analyze(TEXTS[0], check_language=False, article_timeout=0.5).events  # the limit leaves the next one alone


@pytest.mark.parametrize("thread", [False, True], ids=["main thread", "other thread"])
def test_analyze_many_skips_a_pathological_article(nlp, slow_analysis, thread):
    import newsgraph

    articles = [Article(text=t, title=f"article {i}") for i, t in enumerate(TEXTS)]
    kept = _in(thread, lambda: [r.article.title for r in newsgraph.analyze_many(articles, skip_failures=True, article_timeout=0.5)])
    assert kept == ["article 0", "article 2"]
    stopped = _in(thread, lambda: list(newsgraph.analyze_many(articles, article_timeout=0.5)))
    assert isinstance(stopped, ScaleError) and stopped.code == "E601" and "article 1" in str(stopped)


def test_cli_analyze_has_a_time_limit(tmp_path, nlp, slow_analysis):
    (tmp_path / "slow.txt").write_text(TEXTS[1], encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "slow.txt"), "--no-language-check", "--article-timeout", "0.5"])
    assert result.exit_code == 2, result.output
    assert "E601" in result.output and "Traceback" not in result.output
