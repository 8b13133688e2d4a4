"""Attribution acts judged by hand: what each source did with its content (``docs/acts.md``).

The judgments (``data/judged_acts.jsonl``) label PolNeAR's own gold attributions, not
newsgraph's, so the set does not depend on what newsgraph finds: each row is the PolNeAR
document id, the gold cue's character offsets and the ``act``. The articles are PolNeAR
*train* articles that no other judged set uses (``select_articles``).

Scores, over the judged articles:

- ``act.accuracy``: judged cues that a newsgraph attribution's cue overlaps, whose act
  newsgraph gives right / such cues (``act.found`` counts them, ``act.judged`` all rows);
- ``<act>.precision`` / ``.recall`` / ``.f1`` for each act over the same matched cues, and
  ``speech.*`` is what a quote tracker lives on;
- ``folds``: the accuracy of each fold of articles (fixed in advance), to show the spread.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional

from ..model import ACTS, Report
from . import SetResult
from .judged_events import TRAIN, TRAINING_JUDGMENTS, load_judgments, train_texts

__all__ = ["JUDGMENTS_FILE", "FOLDS", "select_articles", "load_acts", "score", "evaluate"]

JUDGMENTS_FILE = "judged_acts.jsonl"
FOLDS = 5
# Articles long enough to hold several attributions, short enough to label in one sitting.
_MIN_CHARS, _MAX_CHARS = 1500, 4500

Span = tuple[int, int]


def select_articles(data_dir: Path, count: int, *, exclude: Iterable[str] = ()) -> list[tuple[str, str]]:
    """``count`` PolNeAR train articles of 1,500-4,500 characters, evenly spaced in document-id
    order, leaving out the articles of the judged event sets and the corroboration cases (and
    ``exclude``): (document id, text)."""
    from .corroboration import real_case_articles

    taken = set(load_judgments()) | set(load_judgments(packaged=TRAINING_JUDGMENTS)) | real_case_articles() | set(exclude)
    texts = ((doc, row["text"]) for doc, row in gold_rows(data_dir).items())
    fitting = [(doc, text) for doc, text in texts if doc not in taken and _MIN_CHARS <= len(text) <= _MAX_CHARS]
    fitting.sort()
    step = len(fitting) / count
    return [fitting[int(i * step + step / 3)] for i in range(min(count, len(fitting)))]


def gold_rows(data_dir: Path, docs: Optional[set[str]] = None) -> dict[str, dict[str, Any]]:
    """Document id -> PolNeAR train row (text and gold attributions); the first annotator's."""
    rows: dict[str, dict[str, Any]] = {}
    with (Path(data_dir) / TRAIN).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if (docs is None or row["doc"] in docs) and row["doc"] not in rows:
                rows[row["doc"]] = row
    return rows


def load_acts(path: Optional[Path] = None) -> dict[str, list[dict[str, Any]]]:
    """Judged act rows grouped by document id: the file at ``path``, else the packaged one."""
    return load_judgments(path, packaged=JUDGMENTS_FILE, check=_known_act)


def _known_act(row: dict[str, Any]) -> None:
    if row["act"] not in ACTS:
        raise ValueError(f"{row['doc']} {row['cue']}: unknown act {row['act']!r} (one of {', '.join(ACTS)})")


def predicted_act(report: Report, cue: Span) -> Optional[str]:
    """The act of the newsgraph attribution whose cue overlaps ``cue``: the one that holds its
    first word if any ("declined to comment on" is the declining, not the inner "to comment
    on"), else the one that overlaps it most; None if none does."""
    best: tuple[int, int] = (0, 0)
    act = None
    for attribution in report.attributions:
        start, end = attribution.cue.span
        shared = min(end, cue[1]) - max(start, cue[0])
        rank = (int(start <= cue[0] < end), shared)
        if shared > 0 and rank > best:
            best, act = rank, attribution.act
    return act


def score(pairs: list[tuple[str, Optional[str], str]], folds: int = FOLDS) -> tuple[dict[str, float], dict[str, Any]]:
    """Metrics and details (counts, fold spread, confusions) of (document id, predicted act or
    None, gold act) triples."""
    found = [(doc, p, g) for doc, p, g in pairs if p is not None]
    right = sum(p == g for _, p, g in found)
    metrics: dict[str, float] = {"act.accuracy": round(100 * right / len(found), 2) if found else 0.0}
    details: dict[str, Any] = {"judged": len(pairs), "found": len(found), "gold": dict(Counter(g for _, _, g in found))}
    for act in ACTS:
        tp = sum(p == act and g == act for _, p, g in found)
        predicted = sum(p == act for _, p, _ in found)
        gold = sum(g == act for _, _, g in found)
        precision = 100 * tp / predicted if predicted else 0.0
        recall = 100 * tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        metrics.update({f"{act}.precision": round(precision, 2), f"{act}.recall": round(recall, 2), f"{act}.f1": round(f1, 2)})
    docs = sorted({doc for doc, _, _ in found})
    spread = []
    for k in range(folds):
        fold = {doc for i, doc in enumerate(docs) if i % folds == k}
        rows = [(p, g) for doc, p, g in found if doc in fold]
        if rows:
            spread.append(round(100 * sum(p == g for p, g in rows) / len(rows), 2))
    details["folds"] = spread
    details["folds.stdev"] = round(statistics.pstdev(spread), 2) if len(spread) > 1 else 0.0
    details["confusion"] = {f"{g}->{p}": n for (g, p), n in sorted(Counter((g, p) for _, p, g in found if p != g).items())}
    return metrics, details


def evaluate(data_dir: Path, *, limit: Optional[int] = None, nlp=None, judgments: Optional[Path] = None) -> SetResult:
    from ..actors import ActorCatalogue
    from ..components import DEFAULT_MODEL, load_pipeline
    from ..model import Article
    from ..pipeline import build_report, pipeline_name

    nlp = nlp or load_pipeline(DEFAULT_MODEL)
    catalogue, name = ActorCatalogue.packaged(nlp), pipeline_name(nlp)
    judged = load_acts(judgments)
    texts = dict(train_texts(data_dir, set(judged)))
    pairs: list[tuple[str, Optional[str], str]] = []
    keys: list[tuple[str, tuple[int, int]]] = []
    errors: list[dict[str, Any]] = []
    for doc in sorted(judged)[:limit]:
        if doc not in texts:
            continue
        text = texts[doc]
        report = build_report(nlp(text), Article(text=text), catalogue, name)
        for row in judged[doc]:
            cue = (row["cue"][0], row["cue"][1])
            act = predicted_act(report, cue)
            pairs.append((doc, act, row["act"]))
            keys.append((doc, cue))
            if act is not None and act != row["act"]:
                errors.append({"doc": doc, "round": row.get("round", 1), "cue": text[cue[0] : cue[1]], "gold": row["act"], "predicted": act, "sentence": _sentence(text, cue)})
    metrics, details = score(pairs)
    # Rows are labelled in rounds; a round labelled after the rules were last changed is
    # held out for them (docs/evaluation.md says which round was when).
    rounds = {(doc, tuple(row["cue"])): row.get("round", 1) for doc, rows in judged.items() for row in rows}
    for number in sorted(set(rounds.values())):
        chosen = [p for p, key in zip(pairs, keys) if rounds[key] == number]
        round_metrics, round_details = score(chosen)
        details[f"round {number}"] = round_metrics["act.accuracy"], round_details["found"]
    return SetResult(name="acts", metrics=metrics, details=details, errors=errors)


def _sentence(text: str, span: Span) -> str:
    start = max(text.rfind("\n", 0, span[0]), text.rfind(". ", 0, span[0]) + 1)
    end = min((i for i in (text.find("\n", span[1]), text.find(". ", span[1])) if i >= 0), default=len(text))
    return text[start + 1 : end + 1].strip()
