"""Peak memory and time of one article by its length: the memory budget behind the default
``--max-chars`` (``ingest.DEFAULT_MAX_CHARS``).

Each size runs in a fresh process that loads the pipeline, analyses one article of that many
characters (real news: the PolNeAR dev articles from ``$NEWSGRAPH_DATA``, default
``../shared/data``, joined until long enough; else the bundled demo article repeated) and
reports its peak resident memory (``ru_maxrss``). That process is what a ``--workers``
process is: the pipeline plus one article at a time. Printed in one run: per size the
seconds, the peak RSS, the peak above the loaded pipeline, and that per 100,000 characters.
The budget: a worker under 1.5 GB at the default limit.

Usage: ``python benchmarks/memory.py [--sizes 50000,100000,200000,300000,400000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

BUDGET_MB = 1536


def _text(chars: int) -> str:
    data = Path(os.environ.get("NEWSGRAPH_DATA") or Path.cwd().parent / "shared" / "data")
    folder = data / "dev" / "attribution" / "polnear" / "data" / "dev" / "text"
    if folder.is_dir():
        pieces = [p.read_text(encoding="utf-8").strip() for p in sorted(folder.glob("*.txt"))]
    else:
        from newsgraph.resources import demo_article

        pieces = [demo_article().strip()]
    out, i = [], 0
    while sum(len(p) + 2 for p in out) < chars:
        out.append(pieces[i % len(pieces)])
        i += 1
    return "\n\n".join(out)[:chars]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def measure(chars: int) -> dict:
    """In this process: the pipeline loaded, then one article of ``chars`` characters."""
    import newsgraph
    from newsgraph.ingest import article_from_text

    newsgraph.analyze("Egypt accused Turkey of supporting militants in Sinai, officials said.", check_language=False)
    loaded = _peak_mb()
    text = _text(chars)
    start = time.perf_counter()
    # past the default --max-chars on purpose: this measures what that default is set from
    article = article_from_text(text, max_chars=len(text), check_language=False)
    report = next(newsgraph.analyze_many([article], article_timeout=None))
    seconds = time.perf_counter() - start
    return {"chars": len(text), "seconds": seconds, "loaded_mb": loaded, "peak_mb": _peak_mb(), "events": len(report.events)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="50000,100000,200000,300000,400000", help="article lengths in characters, comma-separated")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process's size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    from newsgraph.ingest import DEFAULT_MAX_CHARS

    print(f"{'chars':>9} {'seconds':>8} {'peak MB':>8} {'above pipeline':>15} {'MB/100k chars':>14}")
    for size in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        row = json.loads(child.stdout.strip().splitlines()[-1])
        above = row["peak_mb"] - row["loaded_mb"]
        flag = "  over budget" if row["peak_mb"] > BUDGET_MB else ""
        print(f"{row['chars']:>9,} {row['seconds']:>8.1f} {row['peak_mb']:>8,.0f} {above:>15,.0f} {above / row['chars'] * 1e5:>14,.0f}{flag}", flush=True)
    print(f"budget {BUDGET_MB:,} MB a worker; default --max-chars {DEFAULT_MAX_CHARS:,}")


if __name__ == "__main__":
    main()
