"""A learned judge of event candidates: is a real political event at this trigger?

The event rules (``events``) propose candidates generously: every verb or noun the CAMEO
dictionary codes, every relational epithet. Many are not events a coder would accept: the
reporting frame ("according to", "asked"), mental states ("wants", "thinks"), light verbs
and idioms ("going", "take", "faces"), campaign standings ("leads"). The judge reads each
candidate's trigger (lemma, part of speech, syntactic role, what it governs and hangs on),
its code, its actors (present, and of which kind), its place in the reporting structure (a
cue, inside a quoted content, in the headline) and its factuality, and gives the probability
that a coder would code it, by an L2 logistic regression.

That probability is each ``Event``'s ``confidence``: among events the judge scores 0.8, about
eight in ten were judged real on articles it never saw (``docs/evaluation.md`` has the
measured calibration). ``build_report`` keeps the candidates at or above a threshold,
``DEFAULT_THRESHOLD`` unless the caller chooses another; the rest are dropped from the event
table (an epithet dropped there still reaches the author-voice analysis).

The judge also reads a real event's PLOVER type (``TypeJudge``, a multinomial logistic
regression on the same features): the rules code a word by its dictionary sense, the judges
by what was done ("attacked her record" is ACCUSE, not the dictionary's military 190). It
overrules the rules' type only where it gives its own better than even odds, among the types
the word was seen with, for an act done (the PLOVER manual types acts not yet done by their
announced form) that the rules typed at all; a retyped event takes its type's plain CAMEO
code (``events.retyped``).

The shipped weights (``data/event_judge_model.json``) were fitted by
``scripts/train_event_judge.py`` on 2,604 candidates judged by hand on 194 PolNeAR train
articles (``data/event_judge_train.jsonl`` and ``data/judged_events.jsonl``; the model file
records what it was trained on).
``newsgraph eval events-judged`` does not score that model: it refits the recipe per fold of
articles, so no scored article is judged by a model that saw it. Scoring needs no ML
library; fitting needs scikit-learn (``newsgraph[train]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Mapping, Optional, Sequence

from spacy.tokens import Doc, Token

from .events.codes import retyped
from .events.senses import armed_code
from .learning import best_class, design_matrix, logistic_regression, probability
from .model import Actor, Attribution, Event, Report, Span
from .nlp import span_text, text_of
from .resources import catalogue_exists, catalogue_json
from .words.events import JUDGE_MENTAL_STATES, JUDGE_MODALS, JUDGE_WORD_CLASSES
from .words.lexicon import lexicon

__all__ = ["DEFAULT_THRESHOLD", "MODEL", "TYPE_THRESHOLD", "EventJudge", "TypeJudge", "features", "fit", "fit_types", "judged", "rescore", "rules_type"]

MODEL = "event_judge_model.json"
# Where, in cross-validation by article, precision of the kept candidates and the share of
# real candidates kept are about equal (0.62 / 0.69); lower it for recall, raise it for precision.
DEFAULT_THRESHOLD = 0.4
# The type model overrules the rules' type only when it gives its own better than even odds:
# lower, it retyped conflict news the campaign articles it learned from never showed (PLOVER
# gold sentences); the cross-validated types of the judged articles are the same from 0 to 0.6.
TYPE_THRESHOLD = 0.5

# "won 4-1", "beat the Eagles 38-35": a result, not a date range ("2015-16") or a page.
_SCORELINE = re.compile(r"(?<![\d-])\d{1,3} ?[-–] ?\d{1,3}(?![\d-])")
_GOVERNED = {"dobj", "prep", "xcomp", "ccomp", "attr", "dative", "prt", "acomp", "pobj", "agent"}
# What makes a noun act one happening: "the 2003 invasion", "the Paris attacks", "her attacks".
_NOUN_MODIFIERS = {"poss", "compound", "amod", "nummod", "det"}
_CONTENT_POS = ("VERB", "NOUN", "PROPN", "ADJ")
_TYPE_WEIGHT_FLOOR = 0.05


def features(doc: Doc, event: Event, actors: Mapping[str, Actor], attributions: Sequence[Attribution]) -> list[str]:
    """Sparse binary features of one candidate event, from its trigger's parse, its code and
    actors, and the attributions around it."""
    trigger = _trigger_token(doc, event.trigger)
    lemma = trigger.lemma_.lower()
    out = {
        f"lemma={lemma}",
        f"pos={trigger.pos_}",
        f"tag={trigger.tag_}",
        f"dep={trigger.dep_}",
        f"head={trigger.head.lemma_.lower()}",
        f"dep+head_pos={trigger.dep_}_{trigger.head.pos_}",
        f"cameo={event.cameo}",
        f"cameo.root={event.cameo[:2]}",
        f"plover={event.plover.type}",
        f"plover.mode={event.plover.mode}",
        f"source={bool(event.sources)}",
        f"target={bool(event.targets)}",
        f"hyphenated={'-' in event.text}",
        # a side named by words no actor stands for ("industry lobbyists", "prosecutors")
        f"source.named={bool(event.source_spans)}",
        f"target.named={bool(event.target_spans)}",
        # a noun act needs no named doer ("the Paris attacks"); a verb's missing doer is
        # often a force of nature or an accident ("the tsunami killed")
        f"pos+doer={trigger.pos_}_{bool(event.sources)}_{bool(event.source_spans)}",
    }
    if lemma in lexicon().reporting_verbs:
        out.add("reporting_verb")
    if lemma in JUDGE_MENTAL_STATES:
        out.add("mental_state")
    for child in trigger.children:
        if child.dep_ in _GOVERNED:
            out.add(f"governs:{child.dep_}={child.lemma_.lower()}")
            out.add(f"governs:{child.dep_}")
        if trigger.pos_ == "NOUN" and child.dep_ in _NOUN_MODIFIERS:
            out.add(f"noun.{child.dep_}" if child.dep_ != "det" else f"noun.det={child.lower_}")
            if child.dep_ in ("amod", "compound"):
                # what kind of act the noun is: "terrorist attacks", "verbal attacks", "ad attack"
                out.add(f"noun.modifier={child.lemma_.lower()}")
        if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in JUDGE_MODALS:
            out.add("modal")
        if child.dep_ == "neg":
            out.add("negated")
        if child.dep_ == "nsubjpass":
            out.add("passive")
    for side, keys in (("source", event.sources), ("target", event.targets)):
        for key in keys:
            actor = actors.get(key)
            if actor is not None:
                out.add(f"{side}.kind={actor.kind}")
                out.add(f"{side}.coded={actor.code is not None}")
                if armed_code(actor.code):
                    # armies, police, rebels, militant groups: force between them is news
                    out.add(f"{side}.armed")
    subject = _subject(trigger)
    if subject is not None:
        # "an earthquake hit", "Brazil crushed": what does the act, named or not.
        out.add(f"subject.lemma={subject.lemma_.lower()}")
        out.add(f"subject.entity={subject.ent_type_ or subject.pos_}")
        out.update(f"subject.word={c.lemma_.lower()}" for c in subject.children if c.dep_ in ("compound", "amod"))
        out.update(f"subject.class={name}" for name in _word_classes(subject))
    # The sentence's nouns say what kind of news it is: a final, a poll, a storm, a ceasefire.
    sentence = doc.char_span(*event.sentence, alignment_mode="expand") or doc[trigger.i : trigger.i + 1]
    nouns = [t for t in sentence if t.pos_ == "NOUN" and t.i != trigger.i]
    out.update(f"context={t.lemma_.lower()}" for t in nouns)
    out.update(f"context.class={name}" for t in nouns for name in _word_classes(t))
    if _SCORELINE.search(span_text(sentence)):
        out.add("context.scoreline")
    out.add(f"headline={_in_first_line(doc, event.sentence)}")
    out.add(f"attributed={event.attribution is not None}")
    for attribution in attributions:
        if _overlaps(attribution.cue.span, event.trigger):
            out.add("is_cue")
            out.add(f"cue.type={attribution.type}")
        if any(_overlaps(span, event.trigger) for span in attribution.content):
            out.add("in_content")
        if _overlaps(attribution.source.span, event.trigger):
            out.add("in_source")
    f = event.factuality
    out.add(f"factuality={f.polarity}_{f.certainty}_{f.mode}")
    return sorted(out)


def rules_type(feats: Iterable[str]) -> Optional[str]:
    """The PLOVER type the rules gave the candidate whose ``features`` these are (None
    where its code has none)."""
    kind = _feature_value(feats, "plover")
    return None if kind in ("", "None") else kind


def _feature_value(feats: Iterable[str], name: str) -> str:
    """The value of the ``name=value`` feature among ``feats`` ("" without one)."""
    prefix = f"{name}="
    return next((f[len(prefix) :] for f in feats if f.startswith(prefix)), "")


def judged(
    doc: Doc, events: Iterable[Event], actors: Iterable[Actor], attributions: Sequence[Attribution], judge: "EventJudge"
) -> list[Event]:
    """``events`` (of the parse ``doc``) with the judge's probability, to two decimals, as
    their confidence, and, where the judge has a type model, the PLOVER type it reads
    (``events.retyped``); nothing is dropped."""
    by_id = {a.id: a for a in actors}
    out = []
    for event in events:
        feats = features(doc, event, by_id, attributions)
        # An act not yet done keeps the type the PLOVER manual gives its announced form
        # (THREATEN, AGREE, REJECT: ``events.plover_for``); the judges typed the act itself.
        # A statement the rules gave no type keeps none ("issued a reminder"): the judges'
        # types fixed 1 of 5 such real events in cross-validation and mistyped the others.
        if judge.types is not None and event.factuality.mode != "future" and event.plover.type is not None:
            kind, p = judge.types.best(feats)
            if p >= TYPE_THRESHOLD:
                event = retyped(event, kind)
        out.append(replace(event, confidence=round(judge.probability(feats), 2)))
    return out


def rescore(doc: Doc, report: Report, judge: "EventJudge") -> Report:
    """``report`` with each event's confidence given by ``judge`` (``judged``)."""
    return replace(report, events=tuple(judged(doc, report.events, report.actors, report.attributions, judge)))


def _trigger_token(doc: Doc, span: Span) -> Token:
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    tokens = list(chars) if chars is not None and len(chars) else [doc[0]]
    # "ISIS-allied" spans three tokens: the participle, not the prefix, is the trigger
    return next((t for t in reversed(tokens) if t.pos_ in _CONTENT_POS), tokens[0])


def _subject(trigger: Token) -> Optional[Token]:
    """Who does the act: the subject, a passive's by-phrase, or for a noun its possessor."""
    for child in trigger.children:
        if child.dep_ in ("nsubj", "poss"):
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _word_classes(token: Token) -> tuple[str, ...]:
    return _classes_by_word().get(token.lemma_.lower(), ())


@lru_cache(maxsize=1)
def _classes_by_word() -> dict[str, tuple[str, ...]]:
    """``JUDGE_WORD_CLASSES`` turned around: each word's classes, in the table's order."""
    found: dict[str, list[str]] = {}
    for name, words in JUDGE_WORD_CLASSES.items():
        for word in words:
            found.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in found.items()}


def _in_first_line(doc: Doc, sentence: Span) -> bool:
    """No line break between the text's first word and the sentence's start (the sentence
    that opens the second line counts too: the model was fitted on that reading)."""
    return sentence[0] <= _second_line_start(doc)


def _second_line_start(doc: Doc) -> int:
    """Where the text's second line begins, computed once per parse: ``Doc.text`` rebuilds
    the whole text on every call."""
    start = doc.user_data.get(_SECOND_LINE)
    if start is None:
        text = text_of(doc)
        newline = text.find("\n", len(text) - len(text.lstrip()))
        rest = text[newline:] if newline >= 0 else ""
        start = doc.user_data[_SECOND_LINE] = newline + len(rest) - len(rest.lstrip()) if newline >= 0 else len(text) + 1
    return start


_SECOND_LINE = "newsgraph.second_line_start"


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class TypeJudge:
    """Per PLOVER type, feature weights and an intercept of a multinomial logistic
    regression, and per trigger lemma the types it was seen with (``readings``). ``best``
    is the type a coder would give a real event and its probability among the types its
    lemma was seen with and the rules' own: a word never judged in a sense is not given it
    ("used to kill" stays ASSAULT though most acts on persons in campaign news are ACCUSE)."""

    weights: Mapping[str, Mapping[str, float]]
    intercepts: Mapping[str, float]
    readings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> "TypeJudge":
        return cls(
            {t: {f: float(w) for f, w in ws.items()} for t, ws in data["weights"].items()},
            {t: float(b) for t, b in data["intercepts"].items()},
            {lemma: tuple(types) for lemma, types in data.get("readings", {}).items()},
        )

    def best(self, feats: Iterable[str]) -> tuple[str, float]:
        feats = list(feats)
        own = rules_type(feats) or ""
        allowed = set(self.readings.get(_feature_value(feats, "lemma"), ())) | {own}
        intercepts = {t: b for t, b in self.intercepts.items() if t in allowed}
        if not intercepts:
            return own, 0.0
        return best_class(self.weights, intercepts, feats)

    def to_dict(self) -> dict:
        return {
            "intercepts": dict(sorted(self.intercepts.items())),
            "readings": {lemma: list(types) for lemma, types in sorted(self.readings.items())},
            "weights": {t: dict(sorted(ws.items())) for t, ws in sorted(self.weights.items())},
        }


@dataclass(frozen=True)
class EventJudge:
    """Feature weights and an intercept of a logistic regression; ``probability`` is the
    chance that a coder would accept the candidate as a real event. ``types``, where fitted,
    reads a real event's PLOVER type from the same features."""

    weights: Mapping[str, float]
    intercept: float
    types: Optional[TypeJudge] = None

    @classmethod
    def from_dict(cls, data: dict) -> "EventJudge":
        types = TypeJudge.from_dict(data["types"]) if data.get("types") else None
        return cls({f: float(w) for f, w in data["weights"].items()}, float(data["intercept"]), types)

    @classmethod
    @lru_cache(maxsize=1)
    def packaged(cls) -> Optional["EventJudge"]:
        """The shipped judge, or None where the package has none (every candidate is kept)."""
        return cls.from_dict(catalogue_json(MODEL)) if catalogue_exists(MODEL) else None

    def probability(self, feats: Iterable[str]) -> float:
        return probability(self.weights, feats, self.intercept)

    def to_dict(self) -> dict:
        out = {"intercept": self.intercept, "weights": dict(sorted(self.weights.items()))}
        if self.types is not None:
            out["types"] = self.types.to_dict()
        return out


def fit(
    examples: Sequence[tuple], *, c: float = 1.0, min_count: int = 2, typed: Sequence[tuple[Sequence[str], str]] = ()
) -> EventJudge:
    """An L2 logistic regression on ``(features, is_real_event)`` pairs, or
    ``(features, is_real_event, weight)`` triples (scikit-learn); features seen fewer than
    ``min_count`` times are dropped. With ``typed`` ``(features, PLOVER type)`` pairs of
    real events, the judge reads types too (``fit_types``)."""
    model = logistic_regression(c, "fitting the event judge")
    names, x = design_matrix([example[0] for example in examples], min_count=min_count)
    labels = [bool(example[1]) for example in examples]
    if len(set(labels)) < 2:
        raise ValueError("the event judge needs both real events and non-events to learn from")
    model.fit(x, labels, sample_weight=[float(example[2]) if len(example) > 2 else 1.0 for example in examples])
    weights = {name: round(float(w), 5) for name, w in zip(names, model.coef_[0]) if abs(w) > 1e-6}
    types = fit_types(typed, c=c, min_count=min_count) if typed else None
    return EventJudge(weights, round(float(model.intercept_[0]), 5), types)


def fit_types(typed: Sequence[tuple[Sequence[str], str]], *, c: float = 1.0, min_count: int = 2) -> TypeJudge:
    """A multinomial L2 logistic regression (scikit-learn) on ``(features, PLOVER type)``
    pairs of real events: the type a coder gives, read from the same features as the
    judge's (the rules' code among them)."""
    model = logistic_regression(c, "fitting the event judge's types")
    names, x = design_matrix([feats for feats, _ in typed], min_count=min_count)
    labels = [label for _, label in typed]
    if len(set(labels)) < 2:
        raise ValueError("the type model needs real events of at least two types")
    model.fit(x, labels)
    # One weight per type and feature is sixteen times the judge's size; dropping the weights
    # under _TYPE_WEIGHT_FLOOR changed no cross-validated type (docs/evaluation.md).
    weights = {
        str(label): {name: round(float(w), 3) for name, w in zip(names, row) if abs(w) >= _TYPE_WEIGHT_FLOOR}
        for label, row in zip(model.classes_, model.coef_)
    }
    readings: dict[str, set[str]] = {}
    for feats, label in typed:
        readings.setdefault(_feature_value(feats, "lemma"), set()).add(label)
    return TypeJudge(
        weights,
        {str(label): round(float(b), 5) for label, b in zip(model.classes_, model.intercept_)},
        {lemma: tuple(sorted(types)) for lemma, types in readings.items()},
    )
