"""PETRARCH2 unit-test records: (source, target, CAMEO) triples over fictional actors.

Set: ``dev/events/petrarch2/PETR.UnitTest.records.derived.jsonl`` (284 sentences, 359 expected
events). Its actors (Arnor, Gondor, Gollum ...) exist only in the suite's own dictionaries,
``PETR.Validate.actors.txt`` and ``PETR.Validate.agents.txt``; they are parsed with
``newsgraph.dictionaries`` and put in front of the packaged catalogue (a packaged pattern that a
fictional entry also claims is removed from the packaged entry, so "Egypt" is ``UAR`` here, as
the suite expects). PETRARCH semantics kept on top of the catalogue:

- stems: a dictionary word without a trailing ``_`` matches any word it begins ("ARGENTIN" ->
  "Argentina"); the patterns are expanded with the words of the set's sentences that way;
- dated roles ("Gollum" is ``HOB`` before 1995-06-01, ``HOBGOV`` after) are resolved on the
  sentence date, and a discard (``---``) role drops the actor's triples;
- multi-actor codes (``THE_SHIRE [FRO/BIL/SAM]``) give one triple per code.

Predicted triples: every event's (source code, target code, CAMEO) for each source x target;
an event without a source or target gives "" on that side (it can only be a false alarm, as
PETRARCH codes nothing without both); self-triples (``GON>GON``, from reciprocal readings of
coordinated actors) are dropped, as PETRARCH drops them. Gold: the ``expected`` events; ``noevents`` sentences
have empty gold (only false alarms count); ``error`` records (datelines, story discards, bad
parses: 7) are skipped.

Metrics (0-100), PRF over per-sentence sets of triples:

- ``triples.root.{precision,recall,f1}``: CAMEO root (first two digits) and actor codes at the
  country level (first three letters), as PETRARCH's validation compares them;
- ``triples.root.f1_full_actors``: CAMEO root with the full actor codes (``ARNGOV``);
- ``triples.full.{precision,recall,f1}``: full CAMEO code and full actor codes;
- ``triples.root.recall_cameo``: root-level recall over the gold triples whose code is a real
  CAMEO code (25 of the suite's 74 codes are test-only: 903, 345, 1717, 174K ...).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from itertools import product
from pathlib import Path
from typing import Any

from ..actors import ActorCatalogue, ActorComponent
from ..dictionaries import actor_rows, agent_rows, code_on, parse_date, verb_dictionary
from ..events import VerbLexicon
from ..model import Article, Report
from ..pipeline import build_report
from ..resources import catalogue_json, catalogue_jsonl
from . import SetResult
from .metrics import PRF

__all__ = ["evaluate", "suite_verbs", "expand_stems", "extended_rows", "load_records", "score_triples", "triple_keys"]

RECORDS = "dev/events/petrarch2/PETR.UnitTest.records.derived.jsonl"
ACTORS = "dev/events/petrarch2/PETR.Validate.actors.txt"
AGENTS = "dev/events/petrarch2/PETR.Validate.agents.txt"
VERBS = "dev/events/petrarch2/PETR.Validate.verbs.txt"

Triple = tuple[str, str, str]  # (source code, target code, CAMEO code)


# --------------------------------------------------------------------------- data

def load_records(data_dir: Path, limit: int | None = None) -> list[dict]:
    rows = []
    with (Path(data_dir) / RECORDS).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
    return rows[:limit] if limit else rows


def gold_triples(record: dict) -> set[Triple] | None:
    """The expected triples; None for an ``error`` record (not scored)."""
    expected = record.get("expected") or []
    if any("error" in e for e in expected):
        return None
    return {(e["source"], e["target"], e["code"]) for e in expected if "code" in e}


# --------------------------------------------------------------------------- catalogue

def extended_rows(packaged: Iterable[dict], extra: list[dict]) -> list[dict]:
    """``extra`` rows first; packaged rows lose the patterns an extra row claims
    (case-insensitively) and are dropped when none is left."""
    claimed = {p.lower() for row in extra for p in row["patterns"]}
    out = list(extra)
    for row in packaged:
        keep = [p for p in row.get("patterns", ()) if p.lower() not in claimed]
        if len(keep) != len(row.get("patterns", ())):
            if not keep:
                continue
            row = dict(row, patterns=keep, case_sensitive=[p for p in row.get("case_sensitive", ()) if p in keep])
            if row["name"].lower() in claimed:
                row["name"] = keep[0]
        out.append(row)
    return out


def expand_stems(rows: list[dict], words: Iterable[str]) -> list[dict]:
    """Add the forms PETRARCH's stem matching would accept: a pattern whose last word has no
    trailing ``_`` in the dictionary matches any longer word that begins with it."""
    vocabulary = sorted({w for w in words if w.isalpha()})
    out = []
    for row in rows:
        extra = []
        for pattern in row.get("stems", ()):
            head, _, last = pattern.rpartition(" ")
            low = last.lower()
            for word in vocabulary:
                if len(word) > len(low) and word.lower().startswith(low):
                    form = f"{head} {word}" if head else word
                    if form.lower() not in {p.lower() for p in row["patterns"] + extra}:
                        extra.append(form)
        out.append(dict(row, patterns=row["patterns"] + extra) if extra else row)
    return out


def _read(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def fictional_rows(data_dir: Path) -> tuple[list[dict], list[dict]]:
    data_dir = Path(data_dir)
    return actor_rows(_read(data_dir / ACTORS), Path(ACTORS).name), agent_rows(_read(data_dir / AGENTS), Path(AGENTS).name)


def build_catalogue(nlp, data_dir: Path, texts: Iterable[str]) -> tuple[ActorCatalogue, dict[str, dict]]:
    actors, agents = fictional_rows(data_dir)
    words = [w for text in texts for w in re.findall(r"[A-Za-z]+", text)]
    actors = expand_stems(actors, words)
    rows = extended_rows(catalogue_jsonl("actors.jsonl"), actors)
    agent_list = agents + list(catalogue_jsonl("agents.jsonl"))
    return ActorCatalogue(nlp, rows, agent_list), {row["name"]: row for row in actors}


def parse(nlp, catalogue: ActorCatalogue, texts: list[str], batch_size: int = 32) -> list:
    """Docs parsed by the pipeline with ``catalogue`` in place of the packaged actor matcher."""
    component = ActorComponent(nlp, catalogue)
    with nlp.select_pipes(disable=["newsgraph_actors"]):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    return [component(doc) for doc in docs]


# --------------------------------------------------------------------------- triples

def actor_codes(report: Report, actor_id: str, rows: dict[str, dict], on: str | None) -> list[str]:
    """The codes an actor stands for on date ``on`` ([] for a discarded actor)."""
    actor = report.actor(actor_id)
    if actor is None:
        return [""]
    row = rows.get(actor.name) if actor.kind != "agent" else None
    if row is None:
        return [actor.code or ""]
    if row.get("roles"):
        codes = [{"code": r["code"], "start": r["start"], "end": r["end"], "dated": True, "bad_date": False} for r in row["roles"]]
        codes += [{"code": c, "start": None, "end": None, "dated": False, "bad_date": False} for c in row.get("codes", ())]
        found, code = code_on(codes, on)
        if found:
            return [code] if code else []
    return list(row.get("codes") or [actor.code or ""])


def predicted_triples(report: Report, rows: dict[str, dict], on: str | None) -> set[Triple]:
    out: set[Triple] = set()
    for event in report.events:
        if not (event.sources and event.targets):
            # PETRARCH codes dyads only; newsgraph also keeps one-sided events ("the army
            # destroyed tunnels"), which this set cannot judge.
            continue
        sources = [c for a in event.sources for c in actor_codes(report, a, rows, on)]
        targets = [c for a in event.targets for c in actor_codes(report, a, rows, on)]
        # PETRARCH never codes an actor acting on itself; newsgraph's reciprocal reading of
        # "A and B met" gives A>A as well.
        out.update((s, t, event.cameo) for s, t in product(sources, targets) if not (s and s == t))
    return out


def triple_keys(triples: Iterable[Triple], level: str) -> set[tuple[str, str, str]]:
    """``root``: country-level actors and CAMEO root; ``root_full_actors``: full actors, CAMEO
    root; ``full``: everything as is."""
    if level == "full":
        return set(triples)
    if level == "root_full_actors":
        return {(s, t, c[:2]) for s, t, c in triples}
    if level == "root":
        return {(s[:3], t[:3], c[:2]) for s, t, c in triples}
    raise ValueError(level)


def score_triples(gold: set, predicted: set, prf: PRF) -> tuple[set, set]:
    """Add one sentence to ``prf``; returns (misses, false alarms)."""
    hits = gold & predicted
    prf.add(tp=len(hits), fp=len(predicted - hits), fn=len(gold - hits))
    return gold - hits, predicted - hits


def _fmt(triple: tuple) -> str:
    s, t, c = triple
    return f"{s or '?'}>{t or '?'}:{c}"


def _describe(report: Report, rows: dict[str, dict], on: str | None) -> list[str]:
    def names(ids) -> str:
        return "+".join(
            f"{(report.actor(a).name if report.actor(a) else a)}[{'/'.join(actor_codes(report, a, rows, on)) or '---'}]" for a in ids
        ) or "?"

    out = []
    for event in report.events:
        out.append(f"{names(event.sources)} -> {names(event.targets)} {event.cameo} '{event.text}' conf={event.confidence} {event.factuality.polarity}")
    return out


# --------------------------------------------------------------------------- evaluate

def suite_verbs(data_dir: Path) -> VerbLexicon:
    """The suite's own verb dictionary: its codes (``064`` for "restore ties", test-only codes
    such as ``903``) are what the expected records were written against."""
    return VerbLexicon(verb_dictionary(_read(Path(data_dir) / VERBS), Path(VERBS).name))


def evaluate(data_dir: Path, *, limit: int | None = None, nlp=None) -> SetResult:
    """Scores with the suite's verb dictionary, as PETRARCH runs its unit tests, and (the
    ``*_packaged_verbs`` metrics) with newsgraph's own CAMEO.2.0 verb lexicon."""
    from ..components import load_pipeline

    nlp = nlp or load_pipeline()
    records = load_records(data_dir, limit)
    scored = [(r, g) for r in records if (g := gold_triples(r)) is not None]
    texts = [r["text"] for r, _ in scored]
    catalogue, rows = build_catalogue(nlp, data_dir, (r["text"] for r in load_records(data_dir)))
    docs = parse(nlp, catalogue, texts)
    suite = _score(scored, docs, catalogue, rows, suite_verbs(data_dir))
    packaged = _score(scored, docs, catalogue, rows, VerbLexicon.packaged())
    prf = suite["prf"]
    metrics = {
        **prf["root"].metrics("triples.root"),
        "triples.root.f1_full_actors": round(100 * prf["root_full_actors"].f1, 2),
        **prf["full"].metrics("triples.full"),
        "triples.root.recall_cameo": round(100 * suite["cameo_recall"].recall, 2),
        "triples.root.f1_packaged_verbs": round(100 * packaged["prf"]["root"].f1, 2),
        "triples.full.f1_packaged_verbs": round(100 * packaged["prf"]["full"].f1, 2),
    }
    details = {
        "sentences": len(records),
        "scored": len(scored),
        "skipped_error_records": len(records) - len(scored),
        "noevent_sentences": sum(1 for _, g in scored if not g),
        "noevent_false_alarms": suite["noevent_false_alarms"],
        "gold_triples": sum(len(g) for _, g in scored),
        **{f"counts.{level}": counts.as_dict() for level, counts in prf.items()},
        "counts.root_cameo_gold": suite["cameo_recall"].as_dict(),
        "counts.root_packaged_verbs": packaged["prf"]["root"].as_dict(),
    }
    return SetResult(name="petrarch", metrics=metrics, details=details, errors=suite["errors"])


_LEVELS = ("root", "root_full_actors", "full")


def _score(scored: list, docs: list, catalogue: ActorCatalogue, rows: dict[str, dict], verbs: VerbLexicon) -> dict[str, Any]:
    cameo_codes = set(catalogue_json("cameo.json")["codes"])
    prf = {level: PRF() for level in _LEVELS}
    cameo_recall = PRF()
    errors: list[dict[str, Any]] = []
    noevent_false_alarms = 0
    for (record, gold), doc in zip(scored, docs):
        on = parse_date(record.get("date") or "")
        report = build_report(doc, Article(text=record["text"], published=on), catalogue, verbs=verbs, judge_events=False)
        predicted = predicted_triples(report, rows, on)
        for level in _LEVELS:
            misses, false_alarms = score_triples(triple_keys(gold, level), triple_keys(predicted, level), prf[level])
            if level == "root":
                real = triple_keys({g for g in gold if g[2] in cameo_codes}, "root")
                cameo_recall.add(tp=len(real - misses), fn=len(real & misses))
                if not gold:
                    noevent_false_alarms += len(false_alarms)
                common = {
                    "id": record["id"],
                    "category": record.get("category"),
                    "text": record["text"],
                    "gold": sorted(_fmt(g) for g in gold),
                    "predicted": sorted(_fmt(p) for p in predicted),
                    "events": _describe(report, rows, on),
                }
                errors += [{"kind": "miss", "triple": _fmt(m), **common} for m in sorted(misses)]
                errors += [{"kind": "false_alarm", "triple": _fmt(f), **common} for f in sorted(false_alarms)]
    return {"prf": prf, "cameo_recall": cameo_recall, "errors": errors, "noevent_false_alarms": noevent_false_alarms}
