"""List a store's biggest cross-article event clusters for judging by hand.

An event's *cluster* is its mentions; the biggest are the ones a user sees first ("6 mentions,
3 origins") and the ones where a wrong merge does most harm. For each of the N events with the
most articles (ties: most mentions, then id), this prints one JSON object per line: the event
(actors, type, date, place, origins) and every mention with its article's document id (the
``url`` given at ingest, e.g. ``polnear:<doc>``), trigger offsets, sentence, chain and the
evidence that joined it. A judge reads them and records, per event, which mentions report one
happening (guideline: docs/corroboration.md, "Judging clusters").

Usage::

    python scripts/judging_clusters.py --polnear-jsonl polnear_train.jsonl   # the 840 articles, as ingest reads them
    newsgraph ingest polnear_train.jsonl --db polnear.db --no-language-check
    python scripts/judging_clusters.py polnear.db --top 30 > clusters.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsgraph import Corpus
from newsgraph.evaluation.corroboration import polnear_article
from newsgraph.resources import data_dir


def biggest_clusters(corpus: Corpus, top: int) -> list[dict]:
    _, rows = corpus.store.rows(
        "SELECT m.event_id, COUNT(DISTINCT m.article_id) AS articles, COUNT(*) AS mentions FROM mentions m "
        "GROUP BY m.event_id HAVING COUNT(DISTINCT m.article_id) > 1 ORDER BY articles DESC, mentions DESC, m.event_id LIMIT ?",
        (top,),
    )
    clusters = []
    for event_id, articles, mentions in rows:
        event = corpus.event(event_id) or {}
        _, found = corpus.store.rows(
            "SELECT a.url, m.trigger_start, m.trigger_end, m.trigger_text, m.sentence, m.chain, m.factuality, m.date, m.evidence "
            "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY a.url, m.trigger_start",
            (event_id,),
        )
        clusters.append(
            {
                "event": event_id,
                "articles": articles,
                "mentions": mentions,
                "source": event.get("source_actor"),
                "target": event.get("target_actor"),
                "cameo": event.get("cameo"),
                "plover": event.get("plover_type"),
                "date": event.get("date"),
                "location": event.get("location"),
                "origins": int(event.get("origins") or 0),
                "reports": [
                    {
                        "doc": url, "start": start, "end": end, "trigger": trigger, "sentence": sentence,
                        "chain": json.loads(chain), "factuality": factuality, "date": date,
                        "evidence": json.loads(evidence) if evidence else None,
                    }
                    for url, start, end, trigger, sentence, chain, factuality, date, evidence in found
                ],
            }
        )
    return clusters


def write_polnear_train(path: Path) -> None:
    """Each PolNeAR train article once, with the outlet and date its document id gives."""
    from newsgraph.evaluation.judged_events import TRAIN

    seen: set[str] = set()
    with (data_dir() / TRAIN).open(encoding="utf-8") as source, path.open("w", encoding="utf-8") as out:
        for line in source:
            row = json.loads(line)
            if row["doc"] in seen:
                continue
            seen.add(row["doc"])
            article = polnear_article(row["doc"], row["text"])
            record = {"text": article.text, "title": article.title, "outlet": article.outlet, "published": article.published, "url": article.url}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", nargs="?", help="the store (SQLite path or PostgreSQL URL)")
    parser.add_argument("--top", type=int, default=30, help="how many clusters (default 30)")
    parser.add_argument("--polnear-jsonl", type=Path, help="write the PolNeAR train articles to this JSONL file for ingest, and stop")
    args = parser.parse_args()
    if args.polnear_jsonl:
        write_polnear_train(args.polnear_jsonl)
        return
    if not args.store:
        parser.error("give a STORE or --polnear-jsonl")
    with Corpus(args.store) as corpus:
        for cluster in biggest_clusters(corpus, args.top):
            sys.stdout.write(json.dumps(cluster, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
