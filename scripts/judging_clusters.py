"""List a store's biggest cross-article event clusters for judging by hand.

An event's *cluster* is its mentions; the biggest are the ones a user sees first ("6 mentions,
3 origins") and the ones where a wrong merge does most harm. For each of the N events with the
most articles (ties: most mentions, then id), this prints one JSON object per line: the event
(actors, type, date, place, origins) and every mention with its article's document id (the
``url`` given at ingest, e.g. ``polnear:<doc>``), trigger offsets, sentence, chain and the
evidence that joined it. A judge reads them and records, per event, which mentions report one
happening (guideline: docs/corroboration.md, "Judging clusters").

Usage::

    newsgraph ingest polnear_train.jsonl --db polnear.db --no-language-check
    python scripts/judging_clusters.py polnear.db --top 30 > clusters.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys

from newsgraph import Corpus


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", help="the store (SQLite path or PostgreSQL URL)")
    parser.add_argument("--top", type=int, default=30, help="how many clusters (default 30)")
    args = parser.parse_args()
    with Corpus(args.store) as corpus:
        for cluster in biggest_clusters(corpus, args.top):
            sys.stdout.write(json.dumps(cluster, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
