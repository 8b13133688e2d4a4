"""Shared fixtures: the spaCy pipeline (loaded once), analysis helpers, and the external data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent
SHARED_DATA = Path(os.environ.get("NEWSGRAPH_DATA") or REPO.parent / "shared" / "data")
REFERENCE_ARTICLE = SHARED_DATA.parent / "examples" / "hamas-isis-ties-2016.txt"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyze_text(nlp):
    """``analyze_text(text, published=None) -> Report`` without language checks (short test sentences)."""
    from newsgraph import analyze

    cache: dict = {}

    def run(text: str, published: str | None = None):
        key = (text, published)
        if key not in cache:
            cache[key] = analyze(text, published=published, check_language=False)
        return cache[key]

    return run


@pytest.fixture(scope="session")
def rule_events(nlp):
    """``rule_events(text) -> Report`` of the rule coder alone: every candidate event, with the
    rules' own hand-set confidence (no event judge), for tests of the rules themselves."""
    from newsgraph.actors import ActorCatalogue
    from newsgraph.model import Article
    from newsgraph.pipeline import build_report

    def run(text: str):
        return build_report(nlp(text), Article(text=text), ActorCatalogue.packaged(nlp), judge_events=False)

    return run


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set NEWSGRAPH_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def reference_report(analyze_text):
    if not REFERENCE_ARTICLE.is_file():
        pytest.skip(f"reference article not found at {REFERENCE_ARTICLE}")
    return analyze_text(REFERENCE_ARTICLE.read_text(encoding="utf-8"), published="2016-01-10")


# -- corpus ----------------------------------------------------------------------------

CORPUS_ARTICLES = [
    # (outlet, published, text): the MENL relay twice, an unrelated named source, a denial.
    ("Outlet A", "2016-01-10", "Israeli intelligence sources told MENL that Hamas attacked Israeli troops in Gaza on Monday."),
    ("Outlet B", "2016-01-10", "Hamas attacked Israeli troops in Gaza on Monday, Israeli intelligence sources told MENL."),
    ("Outlet C", "2016-01-10", "Hamas attacked Israeli troops in Gaza on Monday, Amnesty International said."),
    ("Outlet D", "2016-01-10", "Hamas denied that it attacked Israeli troops in Gaza on Monday."),
    ("Outlet A", "2016-02-03", "Egypt accused Turkey of supporting militants in Sinai, officials said."),
]


@pytest.fixture(scope="session")
def corpus_articles():
    from newsgraph import Article

    return [Article(text=text, outlet=outlet, published=day) for outlet, day, text in CORPUS_ARTICLES]


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory, corpus_articles, nlp):
    """A small SQLite corpus, ingested once; tests only read it."""
    from newsgraph import Corpus

    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with Corpus(path) as corpus:
        corpus.ingest(corpus_articles, check_language=False)
    return path


def _postgres_bin(name: str):
    import glob
    import shutil

    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    return found


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server (Debian's ``postgresql`` package) in a temp folder; its URL."""
    import shutil
    import subprocess
    import tempfile

    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'newsgraph[postgres]')")
    initdb, pg_ctl = _postgres_bin("initdb"), _postgres_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries not found (apt-get install postgresql; `make test` does it as root)")
    folder = tempfile.mkdtemp(prefix="newsgraph-pg-")
    run_as: list[str] = []
    if os.geteuid() == 0:
        # initdb refuses to run as root: hand the folder to an unprivileged user.
        import pwd

        user = next((u for u in ("postgres", "nobody") if _has_user(u)), None)
        if user is None or not shutil.which("runuser"):
            pytest.skip("running as root without a 'postgres' or 'nobody' user and runuser to start PostgreSQL")
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        run_as = ["runuser", "-u", user, "--"]
    data = os.path.join(folder, "data")
    log = os.path.join(folder, "log")
    try:
        subprocess.run([*run_as, initdb, "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"], check=True, capture_output=True, timeout=120)
        options = f"-c listen_addresses='' -c unix_socket_directories={folder} -c fsync=off"
        subprocess.run([*run_as, pg_ctl, "-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"], check=True, capture_output=True, timeout=90)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"PostgreSQL server could not start: {exc} {detail.decode(errors='replace')[-300:]}")
    import psycopg

    with psycopg.connect(f"postgresql://postgres@/postgres?host={folder}", autocommit=True) as conn:
        conn.execute("CREATE DATABASE newsgraph")
    try:
        yield f"postgresql://postgres@/newsgraph?host={folder}"
    finally:
        subprocess.run([*run_as, pg_ctl, "-D", data, "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False

# -- the web viewer: a real corpus of a few analysed articles and one hostile report -----------

WEB_ARTICLES = [
    dict(
        title="Rebels accused of border raid", outlet="Test Wire", published="2024-05-01",
        text="The Rapid Support Forces (RSF) attacked a convoy near El Fasher on Tuesday, two officials told Reuters.\n\n"
        '"We did not attack anyone," an RSF spokesman said.\n',
    ),
    dict(
        title="Egypt accuses Israel", outlet="Daily Planet", published="2024-05-03",
        text="Egypt accused Israel of attacking Gaza on Monday, Egyptian officials said. "
        "Israel denied that it had attacked Gaza, according to anonymous sources.\n",
    ),
    dict(
        title="Iran and Hamas", outlet="Test Wire", published="2024-05-04",
        text="Iran has not provided Hamas with money, intelligence sources told the Middle East News Agency (MENA).\n",
    ),
]
HOSTILE_TEXT = (
    'Officials said <script>alert("xss")</script> that the army <a href="javascript:alert(1)">attacked</a> '
    "the town. <img src=x onerror=alert(2)>\n"
)


@pytest.fixture(scope="session")
def web_reports(nlp):
    from newsgraph import Article, analyze_many

    articles = [Article(text=a["text"], title=a["title"], outlet=a["outlet"], published=a["published"]) for a in WEB_ARTICLES]
    return list(analyze_many(articles))


@pytest.fixture(scope="session")
def hostile_report():
    """A report whose every free-text field is markup or a script URL, spans and all."""
    from newsgraph.model import Actor, Article, Attribution, Cue, Event, Factuality, Plover, Report, Source, Voice, VoiceMarker

    text = HOSTILE_TEXT
    script = (text.index("<script>"), text.index("</script>") + len("</script>"))
    trigger = (text.index("attacked"), text.index("attacked") + len("attacked"))
    return Report(
        article=Article(text=text, title='<img src=x onerror=alert(3)>Hostile', url="javascript:alert(4)", outlet="<b>Evil</b>"),
        actors=(Actor(id='act-"><script>', name="<script>alert(5)</script>", code=None, kind='person" onmouseover="alert(6)', mentions=(script,)),),
        events=(
            Event(id="evt-1", sources=('act-"><script>',), targets=(), cameo="190", plover=Plover("ASSAULT"), goldstein=-10.0,
                  trigger=trigger, sentence=(0, len(text)), factuality=Factuality(), attribution="att-1", text="attacked"),
        ),
        attributions=(
            Attribution(id="att-1", source=Source(text="Officials", span=(0, 9), kind="official"), cue=Cue(text="said", span=(10, 14)),
                        content=((15, len(text) - 1),), type="indirect", chain=("Officials", "<script>alert(7)</script>", "author")),
        ),
        voice=Voice(markers=(VoiceMarker(type="<script>", span=trigger, text="attacked"),)),
    )


def filled_corpus(path, reports):
    """A real SQLite corpus at ``path`` holding ``reports`` as stored articles."""
    from newsgraph import Corpus
    from newsgraph.corpus.writer import article_id, write_report

    corpus = Corpus(path)
    for report in reports:
        write_report(corpus.store, "fixture", article_id(report.article.text), report)
    return corpus


@pytest.fixture
def web_corpus(tmp_path, web_reports, hostile_report):
    """The three articles and the hostile report in a fresh corpus (tests may write to it)."""
    corpus = filled_corpus(tmp_path / "web.db", [*web_reports, hostile_report])
    yield corpus
    corpus.close()


WRITE_TOKEN = "test-write-token"


@pytest.fixture
def web_client(web_corpus):
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    return TestClient(create_app(corpus=web_corpus, write_token=WRITE_TOKEN, allowed_hosts=["testserver"]))
