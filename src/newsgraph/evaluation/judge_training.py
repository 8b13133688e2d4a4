"""What the event judge learns from, in one place.

The shipped judge (``scripts/train_event_judge.py``) is fitted on every part below. A set
that scores the judge on data it also learns from refits this recipe without the part being
scored (``fit_judge`` with ``leave_out``), so no article or sentence is ever judged by a model
that saw it. The parts, in the order they are fitted:

- ``judged-training``: the candidate events judged on PolNeAR train articles picked only for
  training (``event_judge_train.jsonl``), a real one with its judged PLOVER type;
- ``confliBERT``: real events of conflict news, positives only
  (``judged_events.real_news_examples``), typed by the rules: with no judged types there, the
  rules' type keeps the type model from reading every bombing as the campaign articles'
  criticism;
- ``nonevents``: every rule candidate in the sentences with no event, negatives weighted
  ``nonevents.WEIGHT`` (``events-nonevents`` scores them by folds of sentences);
- ``conflict``: in each sentence with one conflict event, the candidates on its expected
  trigger, positives with the expected type, weighted ``conflict_events.WEIGHT``
  (``events-conflict`` scores them by folds of sentences). Other candidates there are left
  out: they may be real too ("stormed a hotel, killing 12");
- ``judged``: the candidates judged on the scored articles (``judged_events.jsonl``;
  ``events-judged`` scores them by folds of articles).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Container, Iterable, Optional, Sequence

from spacy.tokens import Doc

from ..actors import ActorCatalogue
from ..event_judge import EventJudge, fit, rules_type
from ..model import Article, Report
from ..pipeline import build_report
from ..resources import catalogue_exists

__all__ = ["C", "MIN_COUNT", "Example", "fit_judge", "parts_count", "rule_reports", "sentence_folds", "sentence_judges", "training_examples"]

# L2 strength and the rarest feature kept: chosen by the cross-validation of events-judged
# and events-nonevents among C 0.3, 1 and 3 (docs/evaluation.md).
C, MIN_COUNT = 1.0, 2
# The sentence sets' folds (events-nonevents, events-conflict).
FOLDS, SEED = 5, 13


@dataclass(frozen=True)
class Example:
    """One candidate event the judge learns from."""

    part: str  # which of the module's parts it comes from
    group: str  # what a fold keeps together: an article id, a sentence id, or the part's name
    features: Sequence[str]
    real: bool
    weight: float = 1.0
    kind: Optional[str] = None  # the PLOVER type the type model learns (real events only)


def fit_judge(examples: Iterable[Example], leave_out: Container[str] = frozenset(), *, types: bool = True) -> EventJudge:
    """The judge fitted on ``examples`` except the groups in ``leave_out``; ``types=False``
    skips the type model (a judge's confidence never reads it)."""
    kept = [e for e in examples if e.group not in leave_out]
    typed = [(e.features, e.kind) for e in kept if e.kind] if types else []
    return fit([(e.features, e.real, e.weight) for e in kept], c=C, min_count=MIN_COUNT, typed=typed)


def training_examples(nlp, data_dir: Path, scored: Optional[dict[str, tuple[Doc, Report]]] = None) -> list[Example]:
    """Every example of every part, in fitting order. ``scored``: the scored articles' parses
    and rule reports (``judged_events.judged_reports``) where the caller has them already.
    Raises FileNotFoundError without PolNeAR train in ``data_dir``."""
    examples = list(_shared_parts(nlp, Path(data_dir)))
    from .judged_events import JUDGMENTS, judged_reports, load_judgments

    judgments = load_judgments(packaged=JUDGMENTS)
    scored = judged_reports(nlp, data_dir, judgments) if scored is None else scored
    return examples + _article_examples("judged", scored, judgments)


def rule_reports(nlp, rows: list[dict[str, Any]]) -> list[tuple[Doc, Report]]:
    """Each sentence's parse and report with every rule candidate (no judge has read them:
    ``event_judge.rescore`` gives their confidence)."""
    catalogue = ActorCatalogue.packaged(nlp)
    docs = nlp.pipe([r["text"] for r in rows], batch_size=32)
    return [(doc, build_report(doc, Article(text=row["text"]), catalogue, judge_events=False)) for row, doc in zip(rows, docs)]


def sentence_folds(rows: list[dict[str, Any]], folds: int = FOLDS, seed: int = SEED) -> dict[str, int]:
    """A fold for each sentence id: shuffled with ``seed``, dealt round-robin within each kind."""
    out: dict[str, int] = {}
    for kind in sorted({r["category"] for r in rows}):
        ids = sorted(r["id"] for r in rows if r["category"] == kind)
        random.Random(seed).shuffle(ids)
        out.update({sid: i % folds for i, sid in enumerate(ids)})
    return out


def sentence_judges(nlp, data_dir: Path, rows: list[dict[str, Any]], *, types: bool = True) -> dict[str, EventJudge]:
    """The judge that scores each sentence of a set the judge learns from: the recipe refitted
    without the sentence's fold (``sentence_folds``). Raises FileNotFoundError without PolNeAR
    train in ``data_dir``, ImportError without scikit-learn."""
    examples = training_examples(nlp, data_dir)
    fold_of = sentence_folds(rows)
    fitted = {k: fit_judge(examples, {sid for sid, f in fold_of.items() if f == k}, types=types) for k in sorted(set(fold_of.values()))}
    return {r["id"]: fitted[fold_of[r["id"]]] for r in rows}


def parts_count(examples: Iterable[Example]) -> dict[str, int]:
    """How many examples each part gives (for a model's or a score's record of its data)."""
    counts: dict[str, int] = {}
    for example in examples:
        counts[example.part] = counts.get(example.part, 0) + 1
    return counts


@lru_cache(maxsize=1)
def _shared_parts(nlp, data_dir: Path) -> tuple[Example, ...]:
    """Every part but the scored articles. Kept for the last pipeline and data folder: the
    gate scores three sets that each refit the recipe, and parsing this is most of their time."""
    from .conflict_events import WEIGHT as CONFLICT_WEIGHT
    from .conflict_events import trigger_examples
    from .judged_events import TRAIN, TRAINING_JUDGMENTS, judged_reports, load_judgments, real_news_examples
    from .nonevents import WEIGHT as NONEVENT_WEIGHT
    from .nonevents import nonevent_examples

    if not (data_dir / TRAIN).is_file():
        raise FileNotFoundError(data_dir / TRAIN)
    training = load_judgments(packaged=TRAINING_JUDGMENTS) if catalogue_exists(TRAINING_JUDGMENTS) else {}
    examples = _article_examples("judged-training", judged_reports(nlp, data_dir, training), training)
    examples += [Example("confliBERT", "confliBERT", f, real, kind=rules_type(f)) for f, real in real_news_examples(nlp, data_dir)]
    examples += [Example("nonevents", sid, f, real, NONEVENT_WEIGHT) for sid, f, real in nonevent_examples(nlp)]
    examples += [Example("conflict", sid, f, True, CONFLICT_WEIGHT, kind) for sid, f, kind in trigger_examples(nlp)]
    return tuple(examples)


def _article_examples(part: str, reports: dict[str, tuple[Doc, Report]], judgments) -> list[Example]:
    from .judged_events import judged_candidates

    return [Example(part, doc, f, real, kind=kind) for doc, f, real, kind in judged_candidates(reports, judgments)]
