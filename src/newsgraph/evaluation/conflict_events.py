"""Sentences that each report one conflict or protest event
(``src/newsgraph/data/conflict_sentences.jsonl``): 240 wire-style sentences written for this
set, blind (never run through the pipeline before they were added), 20 in each of twelve
kinds: marches, strikes, riots, attacks with a named doer, attacks in the passive, attacks
named by a noun, kidnappings, arrests, seizures and bans, threats, mobilisations and sanctions.
Each row gives the main event as a coder would code it: its PLOVER ``type``, its ``trigger``
word and the words naming its ``source`` and ``target`` ("" where the sentence names none).
The guideline is in ``docs/judging-events.md`` ("Sentences with one conflict event").

The counterpart of ``events-nonevents``: that set asks that disasters and sports stay out,
this one that protests, bombings and arrests come in. The event judge learns from these
sentences too (the candidates on each expected trigger are real events of the expected
type: ``trigger_examples``), so, like the no-event sentences, they are scored by
cross-validation: five folds of sentences dealt round-robin within each kind after a seeded
shuffle, each judged at the default threshold by the judge's recipe
(``judge_training``) refitted without that fold. Without the judged PolNeAR data or
scikit-learn the packaged judge is used, and ``details["judge"]`` says so (it saw every
sentence: not a held-out score).

- ``typed.share``: sentences with a kept event of the expected type (anywhere in the
  sentence), as in the issue's per-class count; ``typed.<kind>`` per kind;
  ``typed.share_rules`` the same for the rule coder alone (every candidate).
- ``trigger.share``: sentences with a kept event on the expected trigger word, or on the
  verb whose object it is ("imposed a curfew", "went on strike", "issued an ultimatum": the
  verb and its noun name one event, and coders mark either); ``trigger_typed.share``: that
  event also has the expected type.
- ``sides.share``: that event also has the expected sides: each side's spans overlap the
  expected words, or the side is empty where none is expected.

Errors: each sentence not right on all of these, with what was kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from spacy.tokens import Doc, Token

from ..event_judge import DEFAULT_THRESHOLD, EventJudge, features, rescore
from ..model import Event, Span
from ..resources import catalogue_jsonl
from . import SetResult
from .judge_training import rule_reports, sentence_judges
from .metrics import percent, spans_overlap

__all__ = ["SENTENCES", "WEIGHT", "evaluate", "load_sentences", "sides_right", "trigger_examples"]

SENTENCES = "conflict_sentences.jsonl"
# How many times each positive here counts in the judge's fit. Heavier weights (2, 3) found a
# few more of these sentences' events but needed heavier no-event negatives to keep disasters
# out, which taught the judge that "kill" is rarely an event. Chosen among 1, 2 and 3, with the
# no-event weight, by the cross-validation of this set, events-judged and events-nonevents
# (docs/evaluation.md).
WEIGHT = 1.0


def load_sentences(limit: Optional[int] = None) -> list[dict[str, Any]]:
    rows = list(catalogue_jsonl(SENTENCES))
    return rows[:limit] if limit else rows


def trigger_examples(nlp, rows: Optional[list[dict[str, Any]]] = None) -> list[tuple[str, list[str], str]]:
    """(sentence id, judge features, expected PLOVER type) of every rule candidate on a
    sentence's expected trigger (``_names``): real events, for the judge to learn from."""
    rows = load_sentences() if rows is None else rows
    out = []
    for row, (doc, report) in zip(rows, rule_reports(nlp, rows)):
        trigger = _span_of(row["text"], row["trigger"])
        actors = {a.id: a for a in report.actors}
        out += [
            (row["id"], features(doc, e, actors, report.attributions), row["type"])
            for e in report.events
            if trigger is not None and _names(doc, e.trigger, trigger)
        ]
    return out


def _judges(nlp, data_dir: Path, rows: list[dict[str, Any]]) -> tuple[dict[str, Optional[EventJudge]], str]:
    """The judge that scores each sentence, and how it was obtained."""
    try:
        judges = sentence_judges(nlp, data_dir, rows)
    except (FileNotFoundError, ImportError) as exc:
        packaged = EventJudge.packaged()
        how = "packaged judge, trained on these sentences too" if packaged is not None else "rules only (no packaged judge)"
        return {r["id"]: packaged for r in rows}, f"{how} ({exc.__class__.__name__})"
    return dict(judges), f"refitted per fold of sentences ({len({id(j) for j in judges.values()})} folds)"


def _span_of(text: str, words: str) -> Optional[Span]:
    start = text.find(words) if words else -1
    return (start, start + len(words)) if start >= 0 else None


def _names(doc: Doc, found: Span, expected: Span) -> bool:
    """Whether an event on ``found`` is the one the expected trigger names: the same word, or
    a verb and the noun it takes as object, either way round."""
    if spans_overlap(found, expected):
        return True
    words = [doc.char_span(*span, alignment_mode="expand") for span in (found, expected)]
    if words[0] is None or words[1] is None:
        return False
    a, b = words[0].root, words[1].root
    return _takes(a, b) or _takes(b, a)


def _takes(verb: Token, noun: Token) -> bool:
    if noun.head == verb and noun.dep_ in {"dobj", "attr"}:
        return True
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head == verb


def sides_right(event: Event, source: Optional[Span], target: Optional[Span]) -> bool:
    """Whether each side of ``event`` names the expected words (``None``: no side expected)."""
    for expected, spans in ((source, event.source_spans), (target, event.target_spans)):
        if expected is None and spans:
            return False
        if expected is not None and not any(spans_overlap(expected, s) for s in spans):
            return False
    return True


def evaluate(data_dir: Path, *, limit: Optional[int] = None, nlp=None) -> SetResult:
    from ..components import load_pipeline

    nlp = nlp or load_pipeline()
    rows = load_sentences(limit)
    judges, how = _judges(nlp, data_dir, rows)
    counts = {"typed": 0, "typed_rules": 0, "trigger": 0, "trigger_typed": 0, "sides": 0}
    by_kind: dict[str, list[int]] = {}
    errors: list[dict[str, Any]] = []
    for row, (doc, candidates) in zip(rows, rule_reports(nlp, rows)):
        text, judge = row["text"], judges[row["id"]]
        scored = rescore(doc, candidates, judge) if judge is not None else candidates
        kept = [e for e in scored.events if e.confidence >= DEFAULT_THRESHOLD]
        trigger = _span_of(text, row["trigger"])
        source, target = _span_of(text, row["source"]), _span_of(text, row["target"])
        on_trigger = [e for e in kept if trigger is not None and _names(doc, e.trigger, trigger)]
        typed = any(e.plover.type == row["type"] for e in kept)
        right_type = [e for e in on_trigger if e.plover.type == row["type"]]
        right = any(sides_right(e, source, target) for e in right_type)
        counts["typed"] += typed
        counts["typed_rules"] += any(e.plover.type == row["type"] for e in candidates.events)
        counts["trigger"] += bool(on_trigger)
        counts["trigger_typed"] += bool(right_type)
        counts["sides"] += right
        tally = by_kind.setdefault(row["category"], [0, 0])
        tally[0] += typed
        tally[1] += 1
        if not right:
            wrong = "sides" if right_type else "type" if on_trigger else "trigger"
            errors.append({
                "kind": "wrong" if kept else "miss", "field": wrong, "id": row["id"], "category": row["category"],
                "text": text, "expected": f"{row['trigger']}:{row['type']} {row['source']!r} -> {row['target']!r}",
                "events": [_described(e, text) for e in scored.events],
            })
    total = len(rows)
    metrics = {
        "typed.share": percent(counts["typed"], total),
        "typed.share_rules": percent(counts["typed_rules"], total),
        "trigger.share": percent(counts["trigger"], total),
        "trigger_typed.share": percent(counts["trigger_typed"], total),
        "sides.share": percent(counts["sides"], total),
    }
    metrics.update({f"typed.{kind}": percent(c, n) for kind, (c, n) in sorted(by_kind.items())})
    return SetResult(name="events-conflict", metrics=metrics, details={"sentences": total, "judge": how}, errors=errors)


def _described(event: Event, text: str) -> str:
    sides = " / ".join(", ".join(text[s:e] for s, e in spans) or "-" for spans in (event.source_spans, event.target_spans))
    return f"{event.text}:{event.cameo}:{event.plover.type}:{event.confidence:.2f} [{sides}]"
