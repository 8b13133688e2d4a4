"""From a parsed ``Doc`` to a ``Report``: the stages in order, and the ``newsgraph`` component.

Order: actors -> quotations -> attributions (+ relations between them) -> events ->
factuality, dates, places -> claims -> author voice. Each stage is a plain function in
its own module; this one only wires their outputs together and assigns ids.
"""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import replace
from typing import Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .actors import ActorCatalogue, ActorComponent, ActorIndex, resolve_actors
from .attribution import AttributionDraft, finalize, find_attributions
from .dates import find_dates
from .errors import AnalysisError, Errors, ScaleError
from .event_class import EventClassModel, code_class
from .event_class import features as class_features
from .events import EventDraft, VerbLexicon, cameo_info, cameo_name, find_events, plover_for
from .factuality import cue_commitment, event_factuality
from .words.lexicon import lexicon
from .nlp import entity_of, sentence_of, text_of
from .places import city_country
from .model import (
    Article,
    Attribution,
    Claim,
    Event,
    EventDate,
    Factuality,
    Location,
    Relation,
    Report,
    make_id,
)
from .quotes import find_quotes
from .recase import Recaser
from .voice import analyze_voice

__all__ = ["build_report", "analyze_docs", "too_long"]

log = logging.getLogger(__name__)

_PLACE_PREPS = {"in", "at", "near", "inside", "across", "via", "into", "through", "throughout", "outside"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}

if not Doc.has_extension("newsgraph"):
    Doc.set_extension("newsgraph", default=None)


def build_report(
    doc: Doc,
    article: Article,
    catalogue: ActorCatalogue,
    pipeline: Optional[str] = None,
    verbs: Optional[VerbLexicon] = None,
) -> Report:
    """The report of one parsed article. ``verbs`` replaces the packaged CAMEO verb dictionary
    (the PETRARCH evaluation loads its suite's own)."""
    text = text_of(doc)
    article_key = make_id("art", text)
    index = resolve_actors(doc, catalogue)
    quotes = find_quotes(text)
    drafts, relation_rows = find_attributions(doc, index, quotes)
    attributions = finalize(doc, drafts, index, article_key)
    disputed = {attributions[to].id for kind, _, to, _ in relation_rows if kind == "disputes"}
    attributions = [
        _with_commitment(doc, a, d) for a, d in zip(attributions, drafts)
    ]
    cue_tokens = {i for d in drafts if _speech_frame(doc, d) for i in range(*d.cue_tokens)}
    reference = _reference_date(article.published)
    dates = find_dates(doc, reference)
    events = [
        _event(doc, draft, index, drafts, attributions, disputed, dates, reference, article_key, catalogue)
        for draft in find_events(doc, index, cue_tokens, verbs)
    ]
    events = _dedupe(events)
    relations = tuple(
        Relation(type=kind, from_=attributions[a].id, to=attributions[b].id, span=span)
        for kind, a, b, span in relation_rows
    )
    attributed_spans = [s for a in attributions for s in (a.cue.span, a.source.span, *a.content)]
    quoted_by_cue = [s for a in attributions for s in a.content]
    voice = analyze_voice(doc, quotes, attributed_spans, quoted_by_cue, events, describe=lambda e: _describe(e, index))
    claims = _claims(text, attributions, events, voice.author_sentences, article_key)
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


def _speech_frame(doc: Doc, draft: AttributionDraft) -> bool:
    """A cue whose content is a clause or a quotation frames other events and is not one
    itself ("said that X"); "expressed optimism", "claimed responsibility" are acts."""
    cue = doc[draft.cue_tokens[0]]
    if cue.pos_ == "NOUN":
        # "the claim that X" frames X; "attacks on the town" are events themselves.
        return any(c.dep_ in {"acl", "ccomp", "relcl"} and any(m.lower_ == "that" for m in c.children) for c in cue.children)
    if cue.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"ccomp", "parataxis"} for c in cue.children):
        return True
    return draft.type != "indirect" and not any(c.dep_ == "dobj" for c in cue.children)


def _with_commitment(doc: Doc, attribution: Attribution, draft: AttributionDraft) -> Attribution:
    cue = doc[draft.cue_tokens[0]]
    lemma = None if draft.type == "according_to" or cue.is_punct else cue.lemma_
    return replace(attribution, factuality=cue_commitment(lemma))


def _reference_date(published: Optional[str]) -> Optional[_dt.date]:
    if not published:
        return None
    try:
        return _dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _event(
    doc: Doc,
    draft: EventDraft,
    index: ActorIndex,
    drafts: list[AttributionDraft],
    attributions: list[Attribution],
    disputed: set[str],
    dates: list[EventDate],
    reference: Optional[_dt.date],
    article_key: str,
    catalogue: ActorCatalogue,
) -> Event:
    trigger = draft.trigger_chars
    sent = sentence_of(draft.trigger)
    owner = _innermost_attribution(trigger, drafts)
    attribution_id = attributions[owner].id if owner is not None else None
    factuality = event_factuality(draft.trigger)
    if owner is not None and _denies(doc, drafts[owner]):
        # "X denied that Y blocked the aid": negative from X's point of view.
        flipped = "negative" if factuality.polarity == "positive" else "positive"
        factuality = replace(factuality, polarity=flipped, cues=(*factuality.cues, doc[drafts[owner].cue_tokens[0]].text))
    if attribution_id is not None and _chain_disputed(owner, drafts, attributions, disputed):
        factuality = replace(factuality, disputed=True)
    date = _event_date(draft.trigger, dates)
    if date and reference and date.end and factuality.mode == "actual":
        if _dt.date.fromisoformat(date.end) < _year_before(reference):
            factuality = replace(factuality, mode="historical")
    plover, goldstein = cameo_info(draft.code)
    plover = plover_for(draft.code, plover, factuality, draft.offered)
    confidence = 0.4 + 0.25 * bool(draft.sources) + 0.2 * bool(draft.targets) + 0.1 * (draft.pattern_line is not None)
    if draft.kind != "verb":
        confidence -= 0.1
    if draft.embedded:
        confidence -= 0.3
    return Event(
        id=make_id("evt", article_key, trigger, draft.code),
        sources=index.actor_ids(draft.sources),
        targets=index.actor_ids(draft.targets),
        cameo=draft.code,
        plover=plover,
        goldstein=goldstein,
        trigger=trigger,
        sentence=(sent.start_char, sent.end_char - (len(sent.text) - len(sent.text.rstrip()))),
        factuality=factuality,
        attribution=attribution_id,
        date=date,
        location=_event_location(draft.trigger, catalogue),
        confidence=round(min(confidence, 0.95), 2),
        text=text_of(doc)[trigger[0] : trigger[1]],
        quad_class=_quad_class(sent, draft),
    )


def _quad_class(sentence: Span, draft: EventDraft) -> Optional[int]:
    model = EventClassModel.packaged()
    if model is None:
        return code_class(draft.code)
    return model.predict(class_features(sentence, draft.trigger, draft.code))


def _year_before(day: _dt.date) -> _dt.date:
    """The same day a year earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _denies(doc: Doc, draft: AttributionDraft) -> bool:
    cue = doc[draft.cue_tokens[0]]
    return cue.lemma_.lower() in lexicon().dispute_verbs - {"question", "doubt", "challenge"} and draft.type != "according_to"


def _innermost_attribution(span: tuple[int, int], drafts: list[AttributionDraft]) -> Optional[int]:
    """The narrowest content span holding ``span``; on a tie, the more deeply relayed one
    ("X reported S, citing Y": S is Y's claim as relayed by X)."""
    best, rank = None, None
    for i, draft in enumerate(drafts):
        for start, end in draft.content:
            if start <= span[0] and span[1] <= end:
                candidate = (end - start, -_depth(i, drafts))
                if rank is None or candidate < rank:
                    best, rank = i, candidate
    return best


def _depth(i: int, drafts: list[AttributionDraft]) -> int:
    depth, node = 0, drafts[i].via
    while node is not None and depth < len(drafts):
        depth, node = depth + 1, drafts[node].via
    return depth


def _chain_disputed(owner: int, drafts: list[AttributionDraft], attributions: list[Attribution], disputed: set[str]) -> bool:
    node: Optional[int] = owner
    for _ in range(len(drafts)):
        if node is None:
            return False
        if attributions[node].id in disputed:
            return True
        node = drafts[node].via
    return False


def _clause_tokens(trigger: Token) -> set[int]:
    head = trigger
    if trigger.pos_ not in {"VERB", "AUX"}:
        for _ in range(3):
            if head.pos_ in {"VERB", "AUX"} or head.head.i == head.i:
                break
            head = head.head
    tokens = set()
    stack = [head]
    while stack:
        node = stack.pop()
        tokens.add(node.i)
        for child in node.children:
            # Dates and places of an embedded clause belong to that clause's events.
            if child.dep_ in {"ccomp", "relcl", "advcl", "parataxis"} and child is not trigger:
                continue
            stack.append(child)
    return tokens


def _event_date(trigger: Token, dates: list[EventDate]) -> Optional[EventDate]:
    clause = _clause_tokens(trigger)
    doc = trigger.doc
    for date in dates:
        if date.span is None:
            continue
        span = doc.char_span(date.span[0], date.span[1], alignment_mode="expand")
        if span is not None and any(t.i in clause for t in span):
            return date
    return None


def _event_location(trigger: Token, catalogue: ActorCatalogue) -> Optional[Location]:
    clause = _clause_tokens(trigger)
    doc = trigger.doc
    # Entities whose root lies in the clause, in document order (entities never overlap).
    for i in sorted(clause):
        ent = entity_of(doc[i])
        if ent is None or ent.label_ not in _PLACE_LABELS or ent.root.i != i:
            continue
        prep = ent.root.head
        if ent.root.dep_ != "pobj" or prep.lower_ not in _PLACE_PREPS:
            continue
        return Location(name=ent.text, country=_country_of(ent, catalogue), span=(ent.start_char, ent.end_char))
    return None


def _country_of(ent, catalogue: ActorCatalogue) -> Optional[str]:
    """The country a place is in: from the catalogue, else from a possessor ("Egypt's Sinai")."""
    owners = (entity_of(child) for child in ent.root.children if child.dep_ == "poss")
    candidates = [ent, *(e for e in owners if e is not None and e.root.dep_ == "poss" and e.root.head == ent.root)]
    for span in candidates:
        if span.kb_id_ and (span.kb_id_.startswith("place:") or catalogue.is_actor(span.kb_id_)):
            entry = catalogue.entry(span.kb_id_)
            if entry.kind == "country":
                return entry.country or (entry.code or "")[:3] or None
    return city_country(ent.text)


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


def _claims(text: str, attributions: list[Attribution], events: list[Event], author: tuple, article_key: str) -> tuple[Claim, ...]:
    claims = []
    for attribution in attributions:
        for span in attribution.content:
            inside = tuple(e.id for e in events if e.attribution == attribution.id and span[0] <= e.trigger[0] < span[1])
            claims.append(
                Claim(
                    id=make_id("clm", article_key, span),
                    text=text[span[0] : span[1]],
                    span=span,
                    attribution=attribution.id,
                    chain=attribution.chain,
                    factuality=attribution.factuality,
                    events=inside,
                )
            )
    for span in author:
        inside = tuple(e.id for e in events if e.attribution is None and span[0] <= e.trigger[0] < span[1])
        if inside:
            claims.append(
                Claim(
                    id=make_id("clm", article_key, span),
                    text=text[span[0] : span[1]],
                    span=span,
                    attribution=None,
                    chain=("author",),
                    factuality=Factuality(),
                    events=inside,
                )
            )
    return tuple(sorted(claims, key=lambda c: c.span))


class NewsgraphComponent:
    """Doc -> Doc. Reads the parse and entities; writes ``doc._.newsgraph`` (a ``Report``).

    Publication date and outlet, when known, come from ``doc.user_data["newsgraph_article"]``
    (an ``Article``); otherwise the report describes the bare text.
    """

    def __init__(self, nlp: Language, name: str = "newsgraph"):
        self.nlp = nlp
        self.catalogue = ActorCatalogue.packaged(nlp)
        self.pipeline = _pipeline_name(nlp)
        self._actors = ActorComponent(nlp)
        self._recase = Recaser(nlp, name)  # re-runs the components before this one

    def __call__(self, doc: Doc) -> Doc:
        # Added on its own to a stock pipeline: apply the catalogue and the recasing here.
        if "newsgraph_actors" not in self.nlp.pipe_names:
            doc = self._actors(doc)
        if "newsgraph_recase" not in self.nlp.pipe_names:
            doc = self._recase(doc)
        article = doc.user_data.get("newsgraph_article") or Article(text=text_of(doc))
        doc._.newsgraph = build_report(doc, article, self.catalogue, self.pipeline)
        return doc


def _pipeline_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '')}"


def too_long(nlp: Language, article: Article) -> Optional[ScaleError]:
    """E605 when the text is over the parser's length limit (spaCy would raise E088)."""
    if len(article.text) <= nlp.max_length:
        return None
    label = article.url or article.title or f"<article of {len(article.text)} chars>"
    return ScaleError(Errors.E605, name=label, size=len(article.text), limit=nlp.max_length)


def _parsable(nlp: Language, articles: Iterable[Article], skip_failures: bool) -> Iterator[Article]:
    for article in articles:
        error = too_long(nlp, article)
        if error is None:
            yield article
        elif skip_failures:
            log.warning("%s", error)
        else:
            raise error


def analyze_docs(nlp: Language, articles: Iterable[Article], batch_size: int = 16, *, skip_failures: bool = False) -> Iterator[Report]:
    """Reports for many articles, parsed in batches with ``nlp.pipe``, in input order.

    A failure on one article raises ``AnalysisError`` (E301) naming it; with
    ``skip_failures`` it is logged and the batch goes on with the other articles.
    """
    catalogue = ActorCatalogue.packaged(nlp)
    name = _pipeline_name(nlp)
    pairs = ((a.text, a) for a in _parsable(nlp, articles, skip_failures))
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        try:
            yield build_report(doc, article, catalogue, name)
        except Exception as exc:  # noqa: BLE001 - one article's bug must not end the batch
            label = article.url or article.title or f"<article of {len(article.text)} chars>"
            error = AnalysisError(Errors.E301, name=label, detail=f"{type(exc).__name__}: {exc}")
            if not skip_failures:
                raise error from exc
            log.warning("%s", error)
