"""Quotes on real news: who said what, scored the way quote trackers score it.

The gold quotes are PolNeAR's own attributions (source, cue and content spans, by its
annotators) in the articles of the judged act set, kept where the act judges said the cue is
speech (``docs/acts.md``) and the content is a statement (a clause or quoted words, not the
bare object of "criticized the decision"): the Gender Gap Tracker's notion of a quote (direct,
indirect and mixed quotes with their speakers), with PolNeAR's spans. The predicted quotes are
``Report.quotes()`` among the attributions comparable with PolNeAR's outermost-only
annotation (``polnear.top_level``).

Scores, over the judged articles:

- ``quote.precision`` / ``quote.recall`` / ``quote.f1``: a predicted quote matches a gold
  one when its words cover at least 30% of the gold words' characters (the tracker's 0.3
  criterion; one-to-one, greedy by coverage);
- ``speaker.accuracy``: matched quotes whose speaker span overlaps the gold source span (both
  absent counts as right);
- ``all_attributions.precision`` / ``.f1``: the same match with every attribution whose
  content is a statement taken for a quote, as before acts were typed: what acts buy.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any, Optional, Sequence

from spacy.tokens import Doc

from ..attribution.acts import states_proposition
from ..model import Report
from . import SetResult
from .acts import FOLDS, gold_rows, load_acts
from .polnear import Spans, canonical, match_coverage, shared_chars, span_text, top_level

__all__ = ["COVERAGE", "gold_quotes", "predicted_quotes", "score_article", "evaluate"]

COVERAGE = 0.3


def gold_quotes(row: dict[str, Any], judged: list[dict[str, Any]], doc: Doc) -> list[tuple[Spans, Spans]]:
    """(content, source) canonical spans of the PolNeAR attributions judged speech whose
    content is a statement (``attribution.states_proposition`` on the article's parse)."""
    text = row["text"]
    speech = {tuple(j["cue"]) for j in judged if j["act"] == "speech" and not j.get("not_attribution")}
    out = []
    for a in row["attributions"]:
        if a["cue"] and tuple(a["cue"][0]) in speech and a["content"] and states_proposition(doc, [tuple(c) for c in a["content"]]):
            out.append((canonical(text, a["content"]), canonical(text, a["source"] or [])))
    return out


def predicted_quotes(report: Report, *, every_attribution: bool = False) -> list[tuple[Spans, Spans]]:
    """(content, source) canonical spans of the report's quotes (or of all its attributions)."""
    text = report.article.text
    kept = top_level(report.attributions)
    return [
        (canonical(text, a.content), canonical(text, [a.source.span]) if a.source.text.strip() else ())
        for a in kept
        if a.content and (a.is_quote if not every_attribution else a.proposition)
    ]


def score_article(predicted: Sequence[tuple[Spans, Spans]], gold: Sequence[tuple[Spans, Spans]]) -> tuple[dict[str, int], list[tuple[int, int]]]:
    """Counts of one article, and its (predicted, gold) pairs of matched quotes."""
    pairs = match_coverage([p[0] for p in predicted], [g[0] for g in gold], COVERAGE)
    speaker = sum(
        1
        for i, j in pairs
        if (not gold[j][1] and not predicted[i][1]) or (gold[j][1] and shared_chars(predicted[i][1], gold[j][1]) > 0)
    )
    return {"predicted": len(predicted), "gold": len(gold), "matched": len(pairs), "speaker": speaker}, pairs


def _prf(counts: dict[str, int]) -> tuple[float, float, float]:
    precision = 100 * counts["matched"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = 100 * counts["matched"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 2), round(recall, 2), round(f1, 2)


def _add(total: dict[str, int], counts: dict[str, int]) -> None:
    for key, value in counts.items():
        total[key] = total.get(key, 0) + value


def evaluate(data_dir: Path, *, limit: Optional[int] = None, nlp=None) -> SetResult:
    from ..actors import ActorCatalogue
    from ..components import DEFAULT_MODEL, load_pipeline
    from ..model import Article
    from ..pipeline import build_report, pipeline_name

    nlp = nlp or load_pipeline(DEFAULT_MODEL)
    catalogue, name = ActorCatalogue.packaged(nlp), pipeline_name(nlp)
    judged = load_acts()
    rows = gold_rows(data_dir, set(judged))
    docs = sorted(d for d in judged if d in rows)[:limit]
    details: dict[str, Any] = {}
    total: dict[str, int] = {}
    baseline: dict[str, int] = {}
    per_doc: dict[str, dict[str, int]] = {}
    errors: list[dict[str, Any]] = []
    for doc in docs:
        text = rows[doc]["text"]
        parsed = nlp(text)
        report = build_report(parsed, Article(text=text), catalogue, name)
        gold = gold_quotes(rows[doc], judged[doc], parsed)
        predicted = predicted_quotes(report)
        counts, pairs = score_article(predicted, gold)
        per_doc[doc] = counts
        _add(total, counts)
        _add(baseline, score_article(predicted_quotes(report, every_attribution=True), gold)[0])
        found, matched = {i for i, _ in pairs}, {j for _, j in pairs}
        errors += [{"doc": doc, "round": judged[doc][0].get("round", 1), "kind": "miss", "quote": span_text(text, g[0])[:300]} for j, g in enumerate(gold) if j not in matched]
        errors += [{"doc": doc, "round": judged[doc][0].get("round", 1), "kind": "false_alarm", "quote": span_text(text, p[0])[:300]} for i, p in enumerate(predicted) if i not in found]
    precision, recall, f1 = _prf(total)
    metrics = {
        "quote.precision": precision,
        "quote.recall": recall,
        "quote.f1": f1,
        "speaker.accuracy": round(100 * total["speaker"] / total["matched"], 2) if total.get("matched") else 0.0,
    }
    metrics["all_attributions.precision"], _, metrics["all_attributions.f1"] = _prf(baseline)
    spread = []
    for k in range(FOLDS):
        fold: dict[str, int] = {}
        for i, doc in enumerate(docs):
            if i % FOLDS == k:
                _add(fold, per_doc[doc])
        if fold.get("gold"):
            spread.append(_prf(fold)[2])
    # Articles labelled after the rules were last changed are held out (docs/evaluation.md).
    for number in sorted({judged[d][0].get("round", 1) for d in docs}):
        part: dict[str, int] = {}
        for doc in docs:
            if judged[doc][0].get("round", 1) == number:
                _add(part, per_doc[doc])
        details[f"round {number}"] = _prf(part)
    details |= {"counts": total, "baseline counts": baseline, "folds": spread, "folds.stdev": round(statistics.pstdev(spread), 2) if len(spread) > 1 else 0.0}
    return SetResult(name="quotes", metrics=metrics, details=details, errors=errors)
