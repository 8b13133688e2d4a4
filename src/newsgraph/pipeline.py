"""From a parsed ``Doc`` to a ``Report``: the stages in order.

Order: actors -> quotations -> attributions (+ relations between them) -> events ->
factuality, dates, places -> casualty counts -> claims -> author voice. Each stage is a
plain function in its own module; this one only wires their outputs together and assigns
ids. The spaCy component that calls ``build_report`` is in ``components``.
"""

from __future__ import annotations

import datetime
import logging
from itertools import islice
from typing import Iterable, Iterator, Optional, Sequence, Union, cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import ActorCatalogue, ActorIndex, resolve_actors
from .anchoring import as_historical, event_date, event_location, one_occasion, reference_date
from .attribution import AttributionDraft, finalize, find_attributions, link_first_person
from .casualties import attach_casualties
from .claims import build_claims
from .confidence import event_confidence
from .dates import find_dates
from .errors import AnalysisError, Errors, NewsgraphError, ScaleError
from .event_class import EventClassModel, code_class
from .event_class import features as class_features
from .event_judge import DEFAULT_THRESHOLD, EventJudge, judged
from .events import EventDraft, VerbLexicon, cameo_info, cameo_name, find_events, plover_for
from .factuality import event_factuality
from .framing import framed_factuality, frames_speech, owner_of, reporter_of, with_commitment
from .limits import DEFAULT_ARTICLE_TIMEOUT, ArticleTimeout, time_limit
from .model import Article, Attribution, Event, EventDate, Relation, RelationType, Report, make_id
from .nlp import sentence_of, span_text, text_of
from .quotation_marks import find_quoted_spans
from .voice import analyze_voice

__all__ = ["analyze_docs", "article_label", "build_report", "failed", "parse_within", "pipeline_name", "timed_out", "too_long"]

log = logging.getLogger(__name__)


def build_report(
    doc: Doc,
    article: Article,
    catalogue: ActorCatalogue,
    pipeline: Optional[str] = None,
    verbs: Optional[VerbLexicon] = None,
    *,
    event_threshold: Optional[float] = None,
    judge_events: bool = True,
) -> Report:
    """The report of one parsed article. ``verbs`` replaces the packaged CAMEO verb dictionary
    (the PETRARCH evaluation loads its suite's own). Events the judge (``event_judge``) gives
    a confidence below ``event_threshold`` (default ``DEFAULT_THRESHOLD``; 0 keeps every
    candidate) are left out of the event table. ``judge_events=False`` keeps every candidate
    with the rules' hand-set confidence (``confidence``): the rule coder alone, as the
    sentence-level gold sets score it."""
    text = text_of(doc)
    article_key = make_id("art", text)
    index = resolve_actors(doc, catalogue, article.published)
    quotes = find_quoted_spans(text)
    drafts, relation_rows = find_attributions(doc, index, quotes)
    attributions = finalize(doc, drafts, index, article_key)
    link_first_person(doc, index, drafts)
    disputed = {attributions[to].id for kind, _, to, _ in relation_rows if kind == "disputes"}
    attributions = [with_commitment(doc, a, d) for a, d in zip(attributions, drafts)]
    cue_tokens = {i for d in drafts if frames_speech(doc, d) for i in range(*d.cue_tokens)}
    reference = reference_date(article.published)
    dates = find_dates(doc, reference)
    candidates = [
        _event(doc, draft, index, drafts, attributions, disputed, dates, reference, article_key, catalogue)
        for draft in find_events(doc, index, cue_tokens, verbs)
    ]
    candidates = _dedupe(candidates)
    events = candidates
    judge = EventJudge.packaged() if judge_events else None
    if judge is not None:
        candidates = judged(doc, candidates, index.records(), attributions, judge)
        threshold = DEFAULT_THRESHOLD if event_threshold is None else event_threshold
        events = [e for e in candidates if e.confidence >= threshold]
    # Counts go to the events that remain, so that a judged-out event cannot take them away.
    events = attach_casualties(doc, events)
    relations = tuple(
        Relation(type=cast(RelationType, kind), from_=attributions[a].id, to=attributions[b].id, span=span)
        for kind, a, b, span in relation_rows
    )
    attributed_spans = [s for a in attributions for s in (a.cue.span, a.source.span, *a.content)]
    quoted_by_cue = [s for a in attributions for s in a.content]
    # Epithets and restated relations are the author's voice whether or not they are events.
    voice = analyze_voice(doc, quotes, attributed_spans, quoted_by_cue, candidates, describe=lambda e: _describe(e, index))
    claims = build_claims(text, attributions, events, voice.author_sentences, article_key)
    return Report(
        article=article,
        actors=index.records(),
        events=tuple(events),
        attributions=tuple(attributions),
        relations=relations,
        claims=claims,
        voice=voice,
        pipeline=pipeline,
    )


def _event(
    doc: Doc,
    draft: EventDraft,
    index: ActorIndex,
    drafts: list[AttributionDraft],
    attributions: list[Attribution],
    disputed: set[str],
    dates: list[EventDate],
    reference: Optional[datetime.date],
    article_key: str,
    catalogue: ActorCatalogue,
) -> Event:
    trigger = draft.trigger_chars
    sent = sentence_of(draft.trigger)
    owner = owner_of(trigger, drafts)
    reporter = reporter_of(doc, draft.trigger, drafts, attributions)
    factuality = framed_factuality(doc, event_factuality(draft.trigger), owner, drafts, attributions, disputed)
    date = event_date(draft.trigger, dates)
    factuality = as_historical(factuality, date, reference)
    plover, goldstein = cameo_info(draft.code)
    plover = plover_for(draft.code, plover, factuality, draft.offered)
    return Event(
        id=make_id("evt", article_key, trigger, draft.code),
        sources=index.actor_ids(draft.sources),
        targets=index.actor_ids(draft.targets),
        cameo=draft.code,
        plover=plover,
        goldstein=goldstein,
        trigger=trigger,
        sentence=(sent.start_char, sent.start_char + len(span_text(sent).rstrip())),
        factuality=factuality,
        attribution=attributions[reporter].id if reporter is not None else None,
        date=date,
        location=event_location(draft.trigger, catalogue),
        confidence=event_confidence(draft),
        text=text_of(doc)[trigger[0] : trigger[1]],
        lemma=draft.trigger.lemma_.lower(),
        quad_class=_quad_class(sent, draft),
        source_spans=draft.source_spans,
        target_spans=draft.target_spans,
        occasion=one_occasion(draft.trigger, date, factuality),
    )


def _quad_class(sentence: Span, draft: EventDraft) -> Optional[int]:
    model = EventClassModel.packaged()
    if model is None:
        return code_class(draft.code)
    return model.predict(class_features(sentence, draft.trigger, draft.code))


def _dedupe(events: list[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for event in events:
        seen.setdefault(event.id, event)
    return list(seen.values())


def _describe(event: Event, index: ActorIndex) -> str:
    """"Islamic State -> Hamas: Engage in material cooperation (ISIS-allied)"."""
    names = {index.id_of(k): index.name_of(k) for k in index.drafts}
    src = " and ".join(names.get(a, a) for a in event.sources) or "?"
    tgt = "each other" if event.reciprocal else " and ".join(names.get(a, a) for a in event.targets) or "?"
    return f"{src} -> {tgt}: {cameo_name(event.cameo)} ({event.text})"


def pipeline_name(nlp: Language) -> str:
    """The name a report records for the spaCy pipeline that parsed it: lang_name-version."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '')}"


def too_long(nlp: Language, article: Article) -> Optional[ScaleError]:
    """E605 when the text is over the parser's length limit (spaCy would raise E088)."""
    if len(article.text) <= nlp.max_length:
        return None
    return ScaleError(Errors.E605, name=article_label(article), size=len(article.text), limit=nlp.max_length)


def article_label(article: Article) -> str:
    """How messages name an article: its url, its title, or its length."""
    return article.url or article.title or f"<article of {len(article.text)} chars>"


def failed(article: Article, exc: BaseException) -> AnalysisError:
    """E301: the pipeline raised ``exc`` on ``article``."""
    error = AnalysisError(Errors.E301, name=article_label(article), detail=f"{type(exc).__name__}: {exc}")
    error.__cause__ = exc
    return error


def timed_out(article: Article, seconds: Optional[float]) -> ScaleError:
    """E601: ``article`` ran past the time limit of ``seconds``."""
    return ScaleError(Errors.E601, name=article_label(article), seconds=seconds or 0)


def parse_within(nlp: Language, articles: Sequence[Article], timeout: Optional[float]) -> list[Union[Doc, NewsgraphError]]:
    """The articles parsed in one ``nlp.pipe`` batch (its budget: ``timeout`` seconds per
    article); when that fails or runs over, one article at a time, to find the one that breaks
    it: that one becomes E601 (over the limit) or E301 (the parser raised)."""
    try:
        with time_limit(timeout * len(articles) if timeout else None):
            return list(nlp.pipe((a.text for a in articles), batch_size=len(articles)))
    except (Exception, ArticleTimeout):  # noqa: BLE001 - keep the others
        pass
    docs: list[Union[Doc, NewsgraphError]] = []
    for article in articles:
        try:
            with time_limit(timeout):
                docs.append(nlp(article.text))
        except ArticleTimeout:
            docs.append(timed_out(article, timeout))
        except Exception as exc:  # noqa: BLE001
            docs.append(failed(article, exc))
    return docs


def _parsable(nlp: Language, articles: Iterable[Article], skip_failures: bool) -> Iterator[Article]:
    for article in articles:
        error = too_long(nlp, article)
        if error is None:
            yield article
        elif skip_failures:
            log.warning("%s", error)
        else:
            raise error


def analyze_docs(
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = 16,
    *,
    skip_failures: bool = False,
    event_threshold: Optional[float] = None,
    article_timeout: Optional[float] = DEFAULT_ARTICLE_TIMEOUT,
) -> Iterator[Report]:
    """Reports for many articles, parsed in batches with ``nlp.pipe``, in input order.

    A failure on one article raises ``AnalysisError`` (E301) naming it, and an article whose
    parse or analysis runs past ``article_timeout`` seconds (``None``: no limit) is stopped
    with ``ScaleError`` (E601); with ``skip_failures`` either is logged and the batch goes on
    with the other articles.
    """
    catalogue = ActorCatalogue.packaged(nlp)
    name = pipeline_name(nlp)
    parsable = _parsable(nlp, articles, skip_failures)
    while batch := list(islice(parsable, batch_size)):
        for doc, article in zip(parse_within(nlp, batch, article_timeout), batch):
            report = doc if isinstance(doc, NewsgraphError) else _report_within(doc, article, catalogue, name, article_timeout, event_threshold)
            if isinstance(report, Report):
                yield report  # outside the time limit: the caller's time is not the article's
            elif skip_failures:
                log.warning("%s", report)
            else:
                raise report


def _report_within(
    doc: Doc, article: Article, catalogue: ActorCatalogue, name: str, timeout: Optional[float], event_threshold: Optional[float]
) -> Union[Report, NewsgraphError]:
    try:
        with time_limit(timeout):
            return build_report(doc, article, catalogue, name, event_threshold=event_threshold)
    except ArticleTimeout:
        return timed_out(article, timeout)
    except Exception as exc:  # noqa: BLE001 - one article's bug must not end the batch
        return failed(article, exc)
