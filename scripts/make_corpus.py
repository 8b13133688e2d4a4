"""A realistic synthetic news corpus for benchmarks and tests: JSONL, seeded, any size.

Articles mix catalogue actors, reporting frames (direct quotes, "according to", relayed
agency reports, anonymous sources, denials), absolute and relative dates, places and
outlets, so that ingest meets the attribution chains, dedup and contradictions a real
archive has. The same seed always gives the same corpus.

Usage: ``python scripts/make_corpus.py --size 10000 --seed 7 > corpus.jsonl``
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import sys
from typing import Iterator

ACTORS = [
    "Egypt", "Israel", "Hamas", "Iran", "Iraq", "Turkey", "Syria", "Russia", "Ukraine", "the United States",
    "China", "Jordan", "Qatar", "Saudi Arabia", "Hezbollah", "the United Nations", "the European Union",
    "Lebanon", "Pakistan", "India", "the Israeli army", "Egyptian troops", "Iraqi police", "Kurdish fighters",
]  # fmt: skip
ACTS = [
    "attacked", "accused", "criticised", "met", "praised", "threatened", "warned", "sanctioned",
    "sent aid to", "rejected a proposal from", "signed an agreement with", "shelled positions of",
]  # fmt: skip
PLACES = ["Gaza", "Cairo", "Damascus", "Aleppo", "Baghdad", "Mosul", "Ankara", "Beirut", "Amman", "Doha", "Kyiv", "Sinai"]
OUTLETS = ["Reuters", "Associated Press", "Al Jazeera", "BBC News", "The Jerusalem Post", "Al-Ahram", "Anadolu Agency", "Middle East Newsline"]
NAMED = ["Amnesty International", "Human Rights Watch", "the foreign ministry", "the White House", "Ahmed Hassan", "Maria Lopez"]
ANONYMOUS = ["a source", "officials", "intelligence sources", "a senior official", "diplomats", "witnesses"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "The talks have been stalled for months.",
    "Tension has risen in the region since the spring.",
    "Residents said the situation remained calm overnight.",
    "Analysts expect further negotiations later this year.",
    "The statement did not give further details.",
]  # fmt: skip


def _when(rng: random.Random, published: _dt.date) -> str:
    kind = rng.random()
    if kind < 0.4:
        return f"on {WEEKDAYS[(published - _dt.timedelta(days=rng.randint(1, 3))).weekday()]}"
    if kind < 0.7:
        day = published - _dt.timedelta(days=rng.randint(0, 2))
        return f"on {day.strftime('%B')} {day.day}"
    return "last week" if kind < 0.8 else "yesterday"


def _sentence(rng: random.Random, published: _dt.date) -> str:
    source, target = rng.sample(ACTORS, 2)
    act = f"{rng.choice(ACTS)} {target} in {rng.choice(PLACES)} {_when(rng, published)}"
    event = f"{source} {act}"
    frame = rng.random()
    if frame < 0.2:
        return f"{event[0].upper()}{event[1:]}."
    if frame < 0.4:
        return f"{event[0].upper()}{event[1:]}, {rng.choice(ANONYMOUS)} said."
    if frame < 0.55:
        return f"According to {rng.choice(NAMED)}, {event}."
    if frame < 0.7:
        return f"{rng.choice(ANONYMOUS).capitalize()} told {rng.choice(OUTLETS)} that {event}."
    if frame < 0.8:
        return f'"{event[0].upper()}{event[1:]}," {rng.choice(NAMED)} said.'
    if frame < 0.9:
        return f"{rng.choice(OUTLETS)} reported that {event}, citing {rng.choice(ANONYMOUS)}."
    return f"{source[0].upper()}{source[1:]} denied that it {act}."


def articles(size: int, seed: int = 7) -> Iterator[dict]:
    """``size`` article records (text, title, url, outlet, published), generated lazily."""
    rng = random.Random(seed)
    start = _dt.date(2020, 1, 1)
    for number in range(size):
        published = start + _dt.timedelta(days=rng.randint(0, 364))
        sentences = [_sentence(rng, published) for _ in range(rng.randint(3, 7))]
        sentences.insert(rng.randint(1, len(sentences)), rng.choice(FILLER))
        outlet = rng.choice(OUTLETS)
        yield {
            "title": sentences[0][:60].rstrip(" ,.") or "Untitled",
            "text": " ".join(sentences) + f" (Report {number}.)",
            "url": f"https://news.example/{outlet.lower().replace(' ', '-')}/{number}",
            "outlet": outlet,
            "published": published.isoformat(),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7, help="random seed")
    args = parser.parse_args()
    for record in articles(args.size, args.seed):
        sys.stdout.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
