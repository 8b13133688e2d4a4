"""A realistic synthetic news corpus for benchmarks and tests: JSONL, seeded, any size.

Articles mix catalogue actors, reporting frames (direct quotes, "according to", relayed
agency reports, anonymous sources, denials), absolute and relative dates, places and
outlets, so that ingest meets the attribution chains, dedup and contradictions a real
archive has. The same seed always gives the same corpus.

Length and density follow real news (PolNeAR's 840 train articles: mean 4,560 characters,
median 3,540, about 10 coded events per article): a log-normal number of sentences (median
45), of which about one in eight reports an event (most reports hold two or more coded
events) and the rest give background.

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
# Background sentences: context, history, numbers, no coded act between two actors.
BACKGROUND = [
    "The talks have been stalled for months, and neither side has published its latest proposal.",
    "Tension has risen in the region since the spring, when prices for fuel and bread climbed sharply.",
    "Residents of {place} said the situation remained calm overnight, although shops stayed closed.",
    "Analysts in {place} expect further negotiations later this year, possibly before the winter.",
    "The statement did not give further details about the number of people involved.",
    "About {n},000 people live in the district, most of them in apartment blocks built in the 1970s.",
    "The border crossing near {place} handles roughly {n} trucks a day in normal times.",
    "Unemployment in the province stands at {n} percent, according to the latest official figures.",
    "The city's main hospital has {n}0 beds and serves several surrounding villages.",
    "Parliament is due to debate the budget next month, with spending on roads and schools at stake.",
    "The dispute dates back to a 19{n} agreement whose terms both governments still interpret differently.",
    "Local elections are scheduled for the autumn, and turnout in the last vote was below half.",
    "The river that runs through {place} has flooded twice in the past decade.",
    "Power cuts of up to {n} hours a day have become common in the poorer neighbourhoods.",
    "The ministry's website listed {n} new regulations on imports and customs procedures.",
    "Schools in the area reopened after a two-week holiday, teachers' unions said.",
    "The airport outside {place} resumed a limited schedule of domestic flights on weekdays.",
    "Prices for cooking gas have doubled over the year, a burden for families on fixed incomes.",
    "The old market in {place}, a tourist attraction before the war, is slowly being rebuilt.",
    "Farmers in the valley say the harvest was smaller than usual because of the late rains.",
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


def _background(rng: random.Random) -> str:
    return rng.choice(BACKGROUND).format(place=rng.choice(PLACES), n=rng.randint(2, 9))


def articles(size: int, seed: int = 7) -> Iterator[dict]:
    """``size`` article records (text, title, url, outlet, published), generated lazily."""
    rng = random.Random(seed)
    start = _dt.date(2020, 1, 1)
    for number in range(size):
        published = start + _dt.timedelta(days=rng.randint(0, 364))
        count = min(120, max(6, round(rng.lognormvariate(3.8, 0.55))))
        sentences = [
            _sentence(rng, published) if i == 0 or rng.random() < 0.13 else _background(rng)
            for i in range(count)
        ]
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
