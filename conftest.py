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
