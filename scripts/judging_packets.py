"""Packets for judging events by hand: each article's text and every event newsgraph extracts
from it, with the spans a judge needs to accept or correct each field.

The packets hold article text, so they are written outside the repository (``--out``); only
the judgments, keyed by document id and character offsets, are committed
(``src/newsgraph/data/judged_events.jsonl``, see ``docs/judging-events.md``).

    python scripts/judging_packets.py --out /tmp/packets [--articles 40]
    python scripts/judging_packets.py --out /tmp/train-packets --training 32
    python scripts/judging_packets.py --out /tmp/more-packets --training 40 --more --candidates
    python scripts/judging_packets.py --out /tmp/new-packets --unjudged

``--unjudged`` writes, for every article already judged (scored and training alike), the
candidates (threshold 0) whose trigger no judgment covers yet: what changed rules newly
propose, so that precision and the judge's training never read past unjudged candidates.

``--training N`` writes packets for N other articles of the same length band, judged only to
train the event judge (``docs/judging-events.md``, "Training judgments").
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import replace
from pathlib import Path

from newsgraph.actors import ActorCatalogue
from newsgraph.components import DEFAULT_MODEL, load_pipeline
from newsgraph.corpus.writer import factuality_label
from newsgraph.evaluation.acts import load_acts
from newsgraph.evaluation.corroboration import real_case_articles
from newsgraph.evaluation.judged_events import TRAINING_JUDGMENTS, chain_spans, load_judgments, select_articles, training_articles
from newsgraph.evaluation.metrics import spans_overlap
from newsgraph.events import cameo_name
from newsgraph.model import Article, Report
from newsgraph.pipeline import build_report, pipeline_name

REPO = Path(__file__).resolve().parents[1]


def _mention_near(report: Report, actor_id: str, trigger: tuple[int, int], sentence: tuple[int, int]) -> list[int] | None:
    actor = report.actor(actor_id)
    if actor is None or not actor.mentions:
        return None
    inside = [m for m in actor.mentions if sentence[0] <= m[0] and m[1] <= sentence[1]] or list(actor.mentions)
    best = min(inside, key=lambda m: abs(m[0] - trigger[0]))
    return [best[0], best[1]]


def packet(doc_id: str, text: str, report: Report) -> dict:
    events = []
    for event in sorted(report.events, key=lambda e: e.trigger):
        sides = {}
        for side in ("sources", "targets"):
            sides[side] = [
                {"name": (report.actor(a).name if report.actor(a) else a), "span": _mention_near(report, a, event.trigger, event.sentence)}
                for a in getattr(event, side)
            ]
        f = event.factuality
        events.append(
            {
                "trigger": list(event.trigger),
                "trigger_text": event.text,
                "sentence": text[event.sentence[0] : event.sentence[1]],
                "cameo": event.cameo,
                "cameo_name": cameo_name(event.cameo),
                "plover_type": event.plover.type,
                "sources": sides["sources"],
                "targets": sides["targets"],
                "factuality": factuality_label(f.polarity, f.certainty, f.mode, f.disputed),
                "chain": [{"text": text[s[0] : s[1]], "span": list(s)} for s in chain_spans(report, event)],
            }
        )
    return {"doc": doc_id, "text": text, "events": events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("NEWSGRAPH_DATA") or REPO.parent / "shared" / "data"))
    parser.add_argument("--out", type=Path, required=True, help="folder for the packets (outside the repository)")
    parser.add_argument("--articles", type=int, default=40, help="how many scored articles")
    parser.add_argument("--training", type=int, default=0, help="instead, packets for this many training-only articles")
    parser.add_argument("--more", action="store_true", help="with --training: skip the articles event_judge_train.jsonl already holds")
    parser.add_argument("--candidates", action="store_true", help="every candidate event (threshold 0), as the event judge is trained on")
    parser.add_argument("--unjudged", action="store_true", help="instead, the candidates no judgment covers yet, in every judged article")
    args = parser.parse_args()
    if args.unjudged:
        unjudged_packets(args.data, args.out)
        return
    nlp = load_pipeline(DEFAULT_MODEL)
    catalogue, name = ActorCatalogue.packaged(nlp), pipeline_name(nlp)
    args.out.mkdir(parents=True, exist_ok=True)
    # --more: neither articles judged before, nor the corroboration cases, nor the act articles
    # (their own gold set, judged for nothing else)
    judged = set(load_judgments(packaged=TRAINING_JUDGMENTS)) | real_case_articles() | set(load_acts()) if args.more else set()
    if args.training:
        chosen = training_articles(args.data, args.training, held_out=args.articles, exclude=judged)
    else:
        chosen = select_articles(args.data, args.articles)
    for doc_id, text in chosen:
        report = build_report(nlp(text), Article(text=text), catalogue, name, event_threshold=0.0 if args.candidates else None)
        (args.out / f"{doc_id}.json").write_text(json.dumps(packet(doc_id, text, report), ensure_ascii=False, indent=1), encoding="utf-8")
        print(doc_id, len(report.events), "events")


def unjudged_packets(data: Path, out: Path) -> None:
    """A packet per judged article holding only the candidates no judgment row overlaps;
    ``set`` says which file their rows go to (scored rows need every field of a real event)."""
    from newsgraph.evaluation.judged_events import judged_reports

    nlp = load_pipeline(DEFAULT_MODEL)
    out.mkdir(parents=True, exist_ok=True)
    for which, judgments in (("scored", load_judgments()), ("training", load_judgments(packaged=TRAINING_JUDGMENTS))):
        for doc_id, (doc, report) in sorted(judged_reports(nlp, data, judgments).items()):
            covered = [tuple(r["trigger"]) for r in judgments[doc_id]]
            fresh = [e for e in report.events if not any(spans_overlap(e.trigger, t) for t in covered)]
            if not fresh:
                continue
            made = packet(doc_id, doc.text, replace(report, events=tuple(fresh)))
            made["set"] = which
            (out / f"{doc_id}.json").write_text(json.dumps(made, ensure_ascii=False, indent=1), encoding="utf-8")
            print(which, doc_id, len(fresh), "unjudged candidates")


if __name__ == "__main__":
    main()
