"""Cross-article cases (``src/newsgraph/data/corroboration_cases.jsonl``): short reports
written for newsgraph, a few per case, that cover one story from several outlets, with the
events a reader finds in them, how many independent origins vouch for each, and whether
each is contradicted. The guideline is ``docs/corroboration.md`` ("The dev set").

``src/newsgraph/data/corroboration_polnear.jsonl`` adds real cases: stories that two PolNeAR
train articles from different outlets both report, keyed by document id and character
offsets (no article text in the repo), judged by the same guideline; they are scored when
``data_dir`` holds PolNeAR train, and ``real.*`` repeats the scores for them alone (the event
layer misses many of their mentions: ``real.mentions.found``).

Each case is ingested into its own fresh store, as a user would ingest those articles, and
the store's events are compared with the case's:

- ``mentions.found``: gold mentions with a stored mention at their trigger (the event layer's
  recall here; the merge scores below are over found mentions only, so that a missed trigger
  does not count twice);
- ``merge.pairwise.precision`` / ``.recall`` / ``.f1``: pairs of mentions put in one event,
  against the pairs the case puts in one event. A stored mention at no gold trigger (an event
  the case does not list, e.g. a reporting verb coded as an act) is a singleton of its own:
  merging it into anything is a precision error;
- ``merge.bcubed.precision`` / ``.recall``: the same clusters scored per mention (B-cubed);
- ``origins.accuracy``: gold events whose stored event (the one holding most of its found
  mentions) counts exactly the case's number of independent origins;
- ``contradictions.precision``: listed contradictions (``Corpus.contradictions``) whose two
  mentions belong to one gold event that the case calls contradicted;
  ``contradictions.recall``: contradicted gold events with at least one listed pair.

Errors: every wrong merge, split, origin count and contradiction, with its sentences.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any, Optional

from ..model import Article
from ..resources import catalogue_jsonl
from . import SetResult
from .judged_events import TRAIN, train_texts

__all__ = ["CASES", "Case", "GoldMention", "load_cases", "evaluate", "real_case_articles"]

CASES = "corroboration_cases.jsonl"
REAL_CASES = "corroboration_polnear.jsonl"
# "[shot]{killing}": the trigger "shot" is a mention of the case's event "killing".
_MARK = re.compile(r"\[([^\]]+)\]\{([\w-]+)\}")


@dataclass(frozen=True)
class GoldMention:
    article: str  # the case's article id
    start: int
    end: int
    event: str


@dataclass(frozen=True)
class Case:
    id: str
    articles: tuple[tuple[str, Article], ...]  # (case article id, article)
    mentions: tuple[GoldMention, ...]
    events: dict[str, dict[str, Any]]  # event id -> {"origins": int, "contradicted": bool}
    real: bool = False  # PolNeAR train articles, not reports written for the set


def _unmark(text: str, article: str) -> tuple[str, list[GoldMention]]:
    """The plain text and the marked triggers' character offsets in it."""
    parts, mentions, last, shift = [], [], 0, 0
    for match in _MARK.finditer(text):
        parts.append(text[last : match.start()])
        start = match.start() - shift
        word = match.group(1)
        mentions.append(GoldMention(article, start, start + len(word), match.group(2)))
        parts.append(word)
        shift += len(match.group(0)) - len(word)
        last = match.end()
    parts.append(text[last:])
    return "".join(parts), mentions


_POLNEAR_DOC = re.compile(r"(?P<outlet>[a-z-]+)_(?P<date>\d{4}-\d{2}-\d{2})_")


def polnear_article(doc: str, text: str) -> Article:
    """A PolNeAR article as ingest would get it: outlet and date from the document id
    ("breitbart_2016-03-01_..."), the first line as title."""
    match = _POLNEAR_DOC.match(doc)
    return Article(
        text=text,
        title=text.split("\n", 1)[0][:300],
        outlet=match.group("outlet") if match else None,
        published=match.group("date") if match else None,
        url=f"polnear:{doc}",
    )


def real_case_articles(cases: Optional[list[dict[str, Any]]] = None) -> set[str]:
    """The PolNeAR document ids the real cases (``REAL_CASES``, or the rows given) are read
    from; the event judge must not train on them, as they are scored with its shipped weights."""
    rows = catalogue_jsonl(REAL_CASES) if cases is None else cases
    return {a["polnear"] for case in rows for a in case["articles"]}


def load_cases(limit: Optional[int] = None, data_dir: Optional[Path] = None) -> list[Case]:
    """The written cases, and (with ``data_dir`` holding PolNeAR train) the real ones
    (``REAL_CASES``: PolNeAR train articles by document id, mentions by character offsets)."""
    rows = list(catalogue_jsonl(CASES))
    texts: dict[str, str] = {}
    if data_dir is not None and (Path(data_dir) / TRAIN).is_file():
        real = list(catalogue_jsonl(REAL_CASES))
        texts = dict(train_texts(Path(data_dir), real_case_articles(real)))
        rows += [r for r in real if all(a["polnear"] in texts for a in r["articles"])]
    cases = []
    for row in rows:
        articles, mentions = [], []
        for given in row["articles"]:
            if "polnear" in given:
                article = polnear_article(given["polnear"], texts[given["polnear"]])
                marked = [GoldMention(given["id"], m["start"], m["end"], m["event"]) for m in row["mentions"] if m["article"] == given["id"]]
            else:
                text, marked = _unmark(given["text"], given["id"])
                article = Article(text=text, title=given.get("title"), outlet=given.get("outlet"), published=given.get("published"))
            articles.append((given["id"], article))
            mentions += marked
        events = {e["id"]: {"origins": int(e["origins"]), "contradicted": bool(e["contradicted"])} for e in row["events"]}
        unknown = {m.event for m in mentions} - set(events)
        if unknown:
            raise ValueError(f"case {row['id']}: marked events {sorted(unknown)} are not listed in its events")
        real = any("polnear" in a for a in row["articles"])
        cases.append(Case(row["id"], tuple(articles), tuple(mentions), events, real))
    return cases[:limit] if limit else cases


@dataclass(frozen=True)
class _Stored:
    """One case ingested: its mentions by trigger, events and contradiction pairs."""

    mentions: dict[tuple[str, int, int], set[str]]  # (case article, start, end) -> event ids
    sentences: dict[tuple[str, int, int], str]
    origins: dict[str, int]
    contradictions: list[tuple[tuple[str, int], tuple[str, int]]]  # ((article, trigger start), (article, trigger start))


def _ingest(case: Case) -> _Stored:
    from ..corpus import Corpus

    with tempfile.TemporaryDirectory() as folder, Corpus(Path(folder) / "case.db") as corpus:
        corpus.ingest([article for _, article in case.articles], check_language=False)
        by_text = {article.text: name for name, article in case.articles}
        _, rows = corpus.store.rows("SELECT id, text FROM articles")
        names = {article_id: by_text[text] for article_id, text in rows}
        _, rows = corpus.store.rows("SELECT article_id, trigger_start, trigger_end, event_id, sentence FROM mentions")
        mentions: dict[tuple[str, int, int], set[str]] = {}
        sentences = {}
        for article_id, start, end, event_id, sentence in rows:
            key = (names[article_id], int(start), int(end))
            mentions.setdefault(key, set()).add(event_id)
            sentences[key] = sentence
        _, rows = corpus.store.rows("SELECT id, origins FROM events")
        origins = {event_id: int(count) for event_id, count in rows}
        pairs = corpus.contradictions()
        contradictions = [
            ((names[r.asserted_article], int(r.asserted_trigger_start)), (names[r.contested_article], int(r.contested_trigger_start)))
            for r in pairs.itertuples()
        ]
    return _Stored(mentions, sentences, origins, contradictions)


def _align(case: Case, stored: _Stored) -> dict[tuple[str, int, int], str]:
    """Each stored mention's gold event; a stored mention at no gold trigger is its own."""
    gold = {}
    for key in stored.mentions:
        article, start, end = key
        hit = next((m for m in case.mentions if m.article == article and m.start < end and start < m.end), None)
        gold[key] = hit.event if hit else f"stray:{article}:{start}"
    return gold


class _Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.bcubed_p: list[float] = []
        self.bcubed_r: list[float] = []

    def add(self, name: str, value: int = 1) -> None:
        self.counts[name] += value

    def share(self, part: str, whole: str) -> float:
        return round(100 * self.counts[part] / self.counts[whole], 2) if self.counts[whole] else 0.0


def _score_case(case: Case, stored: _Stored, tally: _Tally, errors: list[dict[str, Any]]) -> None:
    gold = _align(case, stored)
    found = {m for m in case.mentions if any(gold[k] == m.event and k[0] == m.article and k[1] < m.end and m.start < k[2] for k in gold)}
    tally.add("gold_mentions", len(case.mentions))
    tally.add("found_mentions", len(found))
    for missing in sorted(set(case.mentions) - found, key=lambda m: (m.article, m.start)):
        errors.append({"kind": "missed_mention", "case": case.id, "article": missing.article, "event": missing.event, "start": missing.start})

    keys = sorted(stored.mentions)
    for a, b in combinations(keys, 2):
        linked = bool(stored.mentions[a] & stored.mentions[b])
        same = gold[a] == gold[b]
        tally.add("system_pairs", linked)
        tally.add("gold_pairs", same)
        tally.add("correct_pairs", linked and same)
        if linked != same:
            errors.append(
                {"kind": "wrong_merge" if linked else "missed_merge", "case": case.id,
                 "first": stored.sentences[a], "second": stored.sentences[b], "gold": [gold[a], gold[b]]}
            )
    for key in keys:
        system = {k for k in keys if stored.mentions[k] & stored.mentions[key]}
        truth = {k for k in keys if gold[k] == gold[key]}
        tally.bcubed_p.append(len(system & truth) / len(system))
        tally.bcubed_r.append(len(system & truth) / len(truth))

    for event, expected in sorted(case.events.items()):
        held = Counter(e for k in keys if gold[k] == event for e in sorted(stored.mentions[k]))
        if not held:
            continue
        tally.add("events_found")
        chosen = min(held, key=lambda e: (-held[e], e))
        got = stored.origins.get(chosen, 0)
        tally.add("origins_exact", got == expected["origins"])
        if got != expected["origins"]:
            errors.append({"kind": "origins", "case": case.id, "event": event, "expected": expected["origins"], "predicted": got})
        if expected["contradicted"]:
            tally.add("gold_contradicted")

    starts = {(k[0], k[1]): gold[k] for k in keys}
    listed: set[str] = set()
    for first, second in stored.contradictions:
        tally.add("contradiction_pairs")
        a, b = starts.get(first), starts.get(second)
        right = a is not None and a == b and case.events.get(a, {}).get("contradicted", False)
        tally.add("contradiction_right", right)
        if right:
            listed.add(a)  # type: ignore[arg-type]
        else:
            errors.append({"kind": "wrong_contradiction", "case": case.id, "asserted": first, "contested": second})
    tally.add("contradicted_listed", len(listed))


def evaluate(data_dir: Path, *, limit: Optional[int] = None, nlp=None) -> SetResult:
    """``data_dir`` holds PolNeAR train for the real cases (without it only the written ones
    are scored); ``nlp`` is unused: ingest loads the default pipeline as a user's does."""
    cases = load_cases(limit, data_dir)
    tally, real = _Tally(), _Tally()
    errors: list[dict[str, Any]] = []
    for case in cases:
        stored = _ingest(case)
        _score_case(case, stored, tally, errors)
        if case.real:
            _score_case(case, stored, real, [])
    metrics = _metrics(tally)
    if real.counts["gold_mentions"]:
        metrics.update({f"real.{k}": v for k, v in _metrics(real).items() if not k.startswith("contradictions.")})
    details = {"cases": len(cases), "real_cases": sum(c.real for c in cases), **{k: int(v) for k, v in sorted(tally.counts.items())}}
    return SetResult(name="corroboration", metrics=metrics, details=details, errors=errors)


def _metrics(tally: _Tally) -> dict[str, float]:
    p = tally.share("correct_pairs", "system_pairs")
    r = tally.share("correct_pairs", "gold_pairs")
    return {
        "mentions.found": tally.share("found_mentions", "gold_mentions"),
        "merge.pairwise.precision": p,
        "merge.pairwise.recall": r,
        "merge.pairwise.f1": round(2 * p * r / (p + r), 2) if p + r else 0.0,
        "merge.bcubed.precision": round(100 * sum(tally.bcubed_p) / len(tally.bcubed_p), 2) if tally.bcubed_p else 0.0,
        "merge.bcubed.recall": round(100 * sum(tally.bcubed_r) / len(tally.bcubed_r), 2) if tally.bcubed_r else 0.0,
        "origins.accuracy": tally.share("origins_exact", "events_found"),
        "contradictions.precision": tally.share("contradiction_right", "contradiction_pairs") if tally.counts["contradiction_pairs"] else 100.0,
        "contradictions.recall": tally.share("contradicted_listed", "gold_contradicted"),
    }
