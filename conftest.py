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
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set NEWSGRAPH_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def reference_report(analyze_text):
    if not REFERENCE_ARTICLE.is_file():
        pytest.skip(f"reference article not found at {REFERENCE_ARTICLE}")
    return analyze_text(REFERENCE_ARTICLE.read_text(encoding="utf-8"), published="2016-01-10")


# -- the web viewer: a fake corpus over a few analysed articles (tests/web_fakes.py) ----------

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


@pytest.fixture
def fake_corpus(web_reports, hostile_report):
    from web_fakes import FakeCorpus

    return FakeCorpus([*web_reports, hostile_report])


WRITE_TOKEN = "test-write-token"


@pytest.fixture
def web_client(fake_corpus):
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    return TestClient(create_app(corpus=fake_corpus, write_token=WRITE_TOKEN, allowed_hosts=["testserver"]))
