"""PolNeAR, articles annotated by several people: how far do humans agree, and newsgraph with them?

A few PolNeAR articles were annotated independently by five or six annotators to measure their
agreement (dev: 2 articles; train: 16). On those articles this set scores, with the very
matching of the ``polnear`` set (outermost attributions, canonical spans, exact and overlap):

* ``human.*``: every annotator against every other, counts pooled over the ordered pairs
  (so each pair is scored both ways and F1 is symmetric);
* ``newsgraph.*``: newsgraph against each annotator, counts pooled.

The ``human`` numbers are the ceiling a metric can be read against: an F1 above what two
trained annotators reach with each other measures agreement with one annotator's habits
rather than with the text. ``--split train`` gives the larger sample; newsgraph's cue judge
was trained on one annotation of each train article, so its train numbers are in-sample.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Optional

from . import SetResult
from .metrics import PRF
from .polnear import analyse, gold_items, gold_path, score_article, score_items

__all__ = ["evaluate", "load_annotations"]

NAME = "polnear-agreement"


def load_annotations(data_dir: Path, *, split: str = "dev", limit: Optional[int] = None) -> dict[str, list[dict[str, Any]]]:
    """Article id -> its annotations (one row per annotator), for articles with two or more."""
    path = gold_path(data_dir, split)
    if not path.is_file():
        raise FileNotFoundError(f"PolNeAR {split} gold not found: {path}")
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                if row.get("compartment", split) == split:
                    by_doc[row["doc"]].append(row)
    shared = {doc: rows for doc, rows in by_doc.items() if len(rows) > 1}
    return dict(itertools.islice(shared.items(), limit))


def _add(totals: dict[str, PRF], counts: dict[str, PRF], who: str) -> None:
    for key, prf in counts.items():
        if key.split(".")[1] in {"exact", "overlap"}:
            totals.setdefault(f"{who}.{key}", PRF()).add(prf.tp, prf.fp, prf.fn)


def evaluate(data_dir: Path, *, limit: Optional[int] = None, nlp=None, split: str = "dev") -> SetResult:
    articles = load_annotations(data_dir, split=split, limit=limit)
    analysed = analyse([rows[0]["text"] for rows in articles.values()], nlp)
    totals: dict[str, PRF] = {}
    pairs = 0
    for (doc, rows), (report, sents) in zip(articles.items(), analysed):
        text = rows[0]["text"]
        items = [gold_items(text, row["attributions"]) for row in rows]
        for one, other in itertools.permutations(range(len(rows)), 2):
            _add(totals, score_items(doc, text, items[other], items[one])[0], "human")
            pairs += 1
        for row in rows:
            _add(totals, score_article(doc, text, row["attributions"], report, sents)[0], "newsgraph")
    metrics = {name: value for key, prf in totals.items() for name, value in prf.metrics(key).items() if name.endswith(".f1")}
    details = {
        "split": split,
        "articles": len(articles),
        "annotations": sum(len(rows) for rows in articles.values()),
        "ordered_annotator_pairs": pairs,
    }
    return SetResult(name=NAME, metrics=dict(sorted(metrics.items())), details=details)
