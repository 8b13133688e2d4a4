"""Actors judged by hand: is every actor in the events table the right entity?

The events table is what ``newsgraph analyze FILE --date DAY`` reports (the event judge at its
default threshold). In it each event names its source and target actors; a judge read every
one of them against the article (guideline: ``docs/judging-actors.md``) and labelled it:

- ``right``: the right person, organisation, country or group for the words it was read from,
  of the right kind, with a role code plausible at the article's date (or none);
- ``wrong_entity``: another entity ("I" read as the man the speaker talks about);
- ``wrong_kind``: the right referent made the wrong kind of actor, so it is not joined to its
  entity ("Fiorina" an organisation, "the Trump campaign" an organisation "Trump" apart from
  Donald Trump);
- ``wrong_role``: the right entity with a role code wrong for the date;
- ``not_actor``: words that name no actor at all (a headline fragment, a date).

The judgments (``data/judged_actors.jsonl``) hold no article text. Each row is keyed by the
document id (a PolNeAR train document id, or the reference example's file name), the event's
trigger offsets, the side ("source" or "target") and the offsets of the words naming the
actor at that event, plus the actor newsgraph gave when it was judged (``entity``, ``kind``,
``code``), the ``label``, a ``class`` (the kind of mistake, for tallying) and a ``note``.
``right`` may list actors that would also be right there (``{"entity": ...}``, optionally with
``kind`` and ``code``), so that a fix that joins "Trump" to Donald Trump is credited.

Scoring each actor of each event in the current output:

- the judged row at the same trigger, side and mention whose ``entity``, ``kind`` and ``code``
  are the actor's: its label;
- else a row there whose ``right`` list holds the actor: right;
- else a ``not_actor`` row there: wrong whatever the actor now is (the words name nobody);
- else the actor is **unjudged** (``new``: no row at that mention; ``changed``: a row there
  judged another actor) and is reported, never scored. Judged rows that match no actor any
  more are reported as ``gone``.

Metrics: ``right.share`` (right / judged actors, overall), ``right.<kind>`` by the actor's kind
as output, and ``judged.share`` (judged / all actors in the tables: how current the judgments
are). Per-article shares and the error classes are in ``details``. Error rows: ``"kind":
"wrong"`` with the label, class and note, or ``"kind": "unjudged"`` with ``why`` (new,
changed, gone), so a judge can add the missing rows.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional

from ..model import Article, Event, Report
from . import SetResult
from .judged_events import load_judgments as judged_rows
from .judged_events import train_texts
from .metrics import percent, spans_overlap

__all__ = [
    "JUDGMENTS", "LABELS", "REFERENCE", "SEED", "actor_slots", "choose_articles", "evaluate", "load_judgments", "score",
]

JUDGMENTS = "judged_actors.jsonl"
LABELS = ("right", "wrong_entity", "wrong_kind", "wrong_role", "not_actor")
# The reference example, judged under its file name, with the date the tests give it.
REFERENCE = ("hamas-isis-ties-2016.txt", "2016-01-10")
# Ten of the 40 articles events-judged already holds (nothing new exposed to tuning), drawn
# with this seed from their sorted ids: random.Random(SEED).sample(ids, COUNT).
SEED, COUNT = 19, 10

Span = tuple[int, int]


def choose_articles(judged_docs: Iterable[str], count: int = COUNT, seed: int = SEED) -> list[str]:
    """The PolNeAR documents judged here: ``count`` of ``judged_docs`` (events-judged's
    articles), a seeded sample of their sorted ids, returned sorted."""
    return sorted(random.Random(seed).sample(sorted(set(judged_docs)), count))


def _mention(report: Report, event: Event, side: str, actor_id: str) -> Optional[Span]:
    """The words naming ``actor_id`` at ``event``: the side's span that overlaps one of the
    actor's mentions; else (a pronoun, "the two movements" resolved by reference) the first
    of the side's spans that no actor of that side is mentioned in; else None."""
    spans: list[Span] = [(s[0], s[1]) for s in (event.source_spans if side == "source" else event.target_spans)]
    actor = report.actor(actor_id)
    mentions = list(actor.mentions) if actor else []
    for span in spans:
        if any(spans_overlap(span, m) for m in mentions):
            return span
    ids = event.sources if side == "source" else event.targets
    named = [m for other in (report.actor(i) for i in ids) if other is not None for m in other.mentions]
    free = [s for s in spans if not any(spans_overlap(s, m) for m in named)]
    return free[0] if free else None


def actor_slots(report: Report) -> list[dict[str, Any]]:
    """Every actor of every event in ``report``, as the table shows them: trigger, side,
    mention span, and the actor's name, entity key, kind and code."""
    slots = []
    for event in report.events:
        for side, ids in (("source", event.sources), ("target", event.targets)):
            for actor_id in ids:
                actor = report.actor(actor_id)
                if actor is None:
                    continue
                mention = _mention(report, event, side, actor_id)
                slots.append({
                    "trigger": list(event.trigger), "side": side, "mention": list(mention) if mention else None,
                    "name": actor.name, "entity": actor.entity, "kind": actor.kind, "code": actor.code, "event": event.text,
                })
    return slots


def load_judgments(path: Optional[Path] = None) -> dict[str, list[dict[str, Any]]]:
    """Judgment rows grouped by document id: the file at ``path``, else the packaged one."""
    return judged_rows(path, packaged=JUDGMENTS, check=_known_label)


def _known_label(row: dict[str, Any]) -> None:
    if row["label"] not in LABELS:
        raise ValueError(f"unknown label {row['label']!r} in {row['doc']}")


def _same_actor(slot: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(slot[key] == want[key] for key in ("entity", "kind", "code") if key in want)


def _at(slot: dict[str, Any], row: dict[str, Any]) -> bool:
    """The row was judged at the slot's event, side and words."""
    if row["side"] != slot["side"] or not spans_overlap(tuple(row["trigger"]), tuple(slot["trigger"])):
        return False
    if slot["mention"] is None or row["mention"] is None:
        return slot["mention"] == row["mention"]
    return tuple(row["mention"]) == tuple(slot["mention"])


def _verdict(slot: dict[str, Any], rows: list[dict[str, Any]]) -> tuple[str, Optional[dict[str, Any]]]:
    """(label, the row that decided it), or ("changed", a row judged there about another
    actor), or ("new", None)."""
    here = [r for r in rows if _at(slot, r)]
    for row in here:
        if _same_actor(slot, {k: row[k] for k in ("entity", "kind", "code")}):
            return row["label"], row
    for row in here:
        if any(_same_actor(slot, want) for want in row.get("right", ())):
            return "right", row
    for row in here:
        if row["label"] == "not_actor":
            return "not_actor", row
    return ("changed" if here else "new"), (here[0] if here else None)


def score(
    reports: dict[str, Report], judgments: dict[str, list[dict[str, Any]]]
) -> tuple[dict[str, float], dict[str, Any], list[dict[str, Any]]]:
    """Metrics, details and error rows of ``reports`` (by document id) against ``judgments``."""
    labels: Counter[str] = Counter()
    by_kind: dict[str, Counter[bool]] = {}
    classes: Counter[str] = Counter()
    articles: dict[str, dict[str, Any]] = {}
    errors: list[dict[str, Any]] = []
    unjudged = {"new": 0, "changed": 0, "gone": 0}
    for doc, rows in sorted(judgments.items()):
        report = reports.get(doc)
        slots = actor_slots(report) if report is not None else []
        used: set[int] = set()
        tally: Counter[bool] = Counter()
        for slot in slots:
            label, row = _verdict(slot, rows)
            where = {"set": "actors-judged", "doc": doc, "trigger": slot["trigger"], "event": slot["event"], "side": slot["side"],
                     "mention": slot["mention"], "actor": slot["name"], "entity": slot["entity"], "actor_kind": slot["kind"], "code": slot["code"]}
            if label in ("new", "changed"):
                if row is not None:
                    used.add(id(row))  # stale, reported once as changed, not again as gone
                unjudged[label] += 1
                errors.append({**where, "kind": "unjudged", "why": label})
                continue
            assert row is not None  # a label always comes with the row that gave it
            used.add(id(row))
            tally[label == "right"] += 1
            labels[label] += 1
            by_kind.setdefault(slot["kind"], Counter())[label == "right"] += 1
            if label != "right":
                classes[row.get("class", label)] += 1
                errors.append({**where, "kind": "wrong", "label": label, "class": row.get("class", label), "note": row.get("note", "")})
        for row in rows:
            if id(row) not in used:
                unjudged["gone"] += 1
                errors.append({"set": "actors-judged", "doc": doc, "kind": "unjudged", "why": "gone", "trigger": row["trigger"],
                               "side": row["side"], "mention": row["mention"], "entity": row["entity"], "label": row["label"]})
        judged = tally[True] + tally[False]
        articles[doc] = {"actors": len(slots), "judged": judged, "right": tally[True], "share": percent(tally[True], judged)}
    judged = sum(labels.values())
    total = judged + unjudged["new"] + unjudged["changed"]
    metrics = {"right.share": percent(labels["right"], judged), "judged.share": percent(judged, total)}
    metrics.update({f"right.{kind}": percent(c[True], c[True] + c[False]) for kind, c in sorted(by_kind.items())})
    details = {
        "articles": articles,
        "counts": {"actors": total, "judged": judged, **{f"unjudged.{k}": v for k, v in unjudged.items()}, **dict(labels)},
        "kinds": {kind: c[True] + c[False] for kind, c in sorted(by_kind.items())},
        "error_classes": dict(classes.most_common()),
    }
    return metrics, details, errors


def judged_articles(data_dir: Path, docs: Iterable[str]) -> list[tuple[str, Article]]:
    """(document id, article with its date) of the reference example and of each PolNeAR
    train document in ``docs``; the date of a PolNeAR article is the one in its id."""
    from ..ingest import article_from_text

    wanted = set(docs)
    out = []
    name, day = REFERENCE
    reference = Path(data_dir).parent / "examples" / name
    if name in wanted and reference.is_file():
        out.append((name, article_from_text(reference.read_text(encoding="utf-8"), published=day)))
    for doc, text in sorted(train_texts(Path(data_dir), wanted)):
        out.append((doc, article_from_text(text, published=doc.split("_")[1])))
    return out


def evaluate(data_dir: Path, limit: Optional[int] = None, nlp=None) -> SetResult:
    """Every actor in the events tables of the judged articles, as users get them."""
    from ..components import DEFAULT_MODEL, load_pipeline
    from ..pipeline import analyze_docs

    judgments = load_judgments()
    if limit is not None:
        judgments = dict(sorted(judgments.items())[:limit])
    articles = judged_articles(data_dir, judgments)
    missing = sorted(set(judgments) - {doc for doc, _ in articles})
    if missing:
        raise FileNotFoundError(f"judged articles not found under {data_dir}: {', '.join(missing)}")
    nlp = nlp or load_pipeline(DEFAULT_MODEL)
    reports = dict(zip((doc for doc, _ in articles), analyze_docs(nlp, (a for _, a in articles))))
    metrics, details, errors = score(reports, judgments)
    details["split"] = "the reference example and 10 PolNeAR train articles of events-judged"
    return SetResult(name="actors-judged", metrics=metrics, details=details, errors=errors)
