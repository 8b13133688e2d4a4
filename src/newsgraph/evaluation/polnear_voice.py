"""PolNeAR (dev split), sentence level: is a sentence in the author's voice or attributed?

Segmentation: the sentences of the pipeline's own parse (``doc.sents`` of the same parse that
produced the report), so gold and prediction label exactly the same units. Sentences without
any letter (a lone quote mark, a dash, a bare number like a "7" split off a time stamp) are
skipped.

Gold: a sentence is "attributed" when at least one of its letters/digits lies inside a gold
attribution span (source, cue or content, any attribution), otherwise "author". This is the
definition the pipeline's ``voice.author_sentences`` aims at ("sentences outside every
attribution"), and counting only alphanumeric characters keeps a stray closing quote or
period that segmentation put in the next sentence from flipping that sentence. PolNeAR's
``Discuss``/``Discard`` marks are not attributions. For reference ``details`` also gives the
scores under a majority rule (more than half of the sentence's alphanumeric characters
attributed).

Prediction: "author" when the sentence overlaps one of ``report.voice.author_sentences``,
otherwise "attributed".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, Sequence

from . import SetResult
from .metrics import MacroF1
from .polnear import analyse, load_gold

__all__ = ["evaluate", "gold_label", "predicted_label"]

NAME = "polnear-voice"
LABELS = ("author", "attributed")


def _alnum_positions(text: str, span: tuple[int, int]) -> list[int]:
    return [i for i in range(span[0], span[1]) if text[i].isalnum()]


def _covered(positions: Sequence[int], spans: Sequence[tuple[int, int]]) -> int:
    return sum(1 for i in positions if any(s <= i < e for s, e in spans))


def gold_label(text: str, sentence: tuple[int, int], gold_spans: Sequence[tuple[int, int]], *, majority: bool = False) -> Optional[str]:
    """"attributed" / "author" for ``sentence``; None when it has no letter."""
    positions = _alnum_positions(text, sentence)
    if not any(text[i].isalpha() for i in positions):
        return None
    near = [(s, e) for s, e in gold_spans if s < sentence[1] and sentence[0] < e]
    covered = _covered(positions, near)
    attributed = covered * 2 > len(positions) if majority else covered > 0
    return "attributed" if attributed else "author"


def predicted_label(sentence: tuple[int, int], author_sentences: Sequence[tuple[int, int]]) -> str:
    return "author" if any(s < sentence[1] and sentence[0] < e for s, e in author_sentences) else "attributed"


def _gold_spans(attributions: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    return [
        (int(p[0]), int(p[1]))
        for g in attributions
        for role in ("source", "cue", "content")
        for p in (g.get(role) or [])
    ]


def evaluate(data_dir: Path, *, limit: Optional[int] = None, nlp=None) -> SetResult:
    articles = load_gold(data_dir, limit=limit)
    analysed = analyse([a.text for a in articles], nlp)
    scores, majority = MacroF1(), MacroF1()
    errors: list[dict[str, Any]] = []
    for article, (report, sents) in zip(articles, analysed):
        text = article.text
        spans = _gold_spans(article.attributions)
        author = list(report.voice.author_sentences)
        for sentence in sents:
            gold = gold_label(text, sentence, spans)
            if gold is None:
                continue
            predicted = predicted_label(sentence, author)
            scores.add(gold, predicted)
            majority.add(gold_label(text, sentence, spans, majority=True), predicted)
            if gold != predicted:
                errors.append(
                    {
                        "set": NAME,
                        "doc": article.doc,
                        "kind": "miss" if gold == "attributed" else "false_alarm",
                        "role": "voice",
                        "text": text[sentence[0] : sentence[1]].strip(),
                        "sentence": text[sentence[0] : sentence[1]].strip(),
                        "span": list(sentence),
                        "gold": gold,
                        "predicted": predicted,
                    }
                )
    per_label = scores.per_label(LABELS)
    metrics = {
        "voice.accuracy": round(100 * scores.accuracy(), 2),
        "voice.macro_f1": round(100 * scores.value(LABELS), 2),
        **per_label["author"].metrics("author"),
        **per_label["attributed"].metrics("attributed"),
    }
    details = {
        "articles": len(articles),
        "sentences": len(scores.gold),
        "labels": scores.as_dict(LABELS),
        "confusion": {
            f"{g}->{p}": sum(1 for x, y in zip(scores.gold, scores.predicted) if (x, y) == (g, p))
            for g in LABELS
            for p in LABELS
        },
        "majority_rule": majority.as_dict(LABELS),
        "errors_note": "kind 'miss': gold attributed, predicted author; 'false_alarm': gold author, predicted attributed",
    }
    return SetResult(name=NAME, metrics=metrics, details=details, errors=errors)
