"""The store whatever the order its articles arrive in (``corpus.arrival``): identical on a
hand-written set, and on real news within the bound docs/corroboration.md states
("Order of arrival")."""

from __future__ import annotations

import json

import pytest

from newsgraph import Article, analyze_many
from newsgraph.corpus.arrival import compare

# Each pair reports one happening from both sides, or spells one actor two ways: the first
# report of each used to decide the event's sides and the actor's stored name.
ARTICLES = [
    ("A", "2024-05-02", "Egypt and Turkey met in Cairo on Tuesday to discuss the war in Gaza."),
    ("B", "2024-05-02", "Turkey and Egypt met in Cairo on Tuesday, the foreign ministry said."),
    ("C", "2024-05-03", "Hamas attacked Israeli troops in Gaza on Monday, Israeli officials said."),
    ("D", "2024-05-03", "Israeli troops were attacked by Hamas in Gaza on Monday, Amnesty International said."),
    ("A", "2024-05-05", "The Republican Party accused the Democratic Party of lying on Sunday."),
    ("B", "2024-05-05", "The Republican party accused the Democratic party of lying on Sunday, Reuters reported."),
    ("C", "2024-05-04", "Russia threatened Ukraine with new strikes, Reuters reported."),
]

# The bound on real news (docs/corroboration.md, "Order of arrival"): as many events and
# mentions either way, and the rows that differ are few.
MOST_DIFFERING_EVENTS = 0.02  # of the events
REAL_ARTICLES = 30


def test_a_hand_written_set_gives_one_store_in_either_order(nlp, tmp_path):
    reports = list(analyze_many([Article(text=text, outlet=outlet, published=day) for outlet, day, text in ARTICLES]))
    result = compare(reports, tmp_path)
    assert result["difference"] == {}
    assert result["events"][0] == result["events"][1] > 0


def test_real_news_stays_within_the_documented_bound(nlp, shared_data, tmp_path):
    source = shared_data / "dev" / "attribution" / "polnear" / "derived" / "polnear_train.derived.jsonl"
    if not source.is_file():
        pytest.skip(f"PolNeAR train not found at {source}")
    articles: dict[str, Article] = {}
    with source.open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            outlet, day = (row["doc"].split("_") + ["", ""])[:2]
            articles.setdefault(row["doc"], Article(text=row["text"], outlet=outlet, published=day if len(day) == 10 else None))
            if len(articles) == REAL_ARTICLES:
                break
    result = compare(list(analyze_many(list(articles.values()))), tmp_path)
    events, mentions, differing = result["events"], result["mentions"], result["difference"]
    assert events[0] == events[1] and mentions[0] == mentions[1]
    assert set(differing) <= {"actors", "article_actors", "articles", "events"}
    assert max(differing.get("events", (0, 0))) <= MOST_DIFFERING_EVENTS * events[0]
