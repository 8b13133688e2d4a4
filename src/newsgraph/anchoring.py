"""When and where an event happened: the date and the place in the event's own clause.

Reads the trigger's clause in the parse, the dates ``dates.find_dates`` resolved and the
place entities; returns the event's ``EventDate``, ``Location`` and whether it is history.
Dates and places of an embedded clause ("said on Monday that ...") belong to that clause's
events, not to the frame's.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from typing import Optional

from spacy.tokens import Span, Token

from .actors import ActorCatalogue
from .model import EventDate, Factuality, Location
from .nlp import entity_of
from .places import country_place, region_country, resolve_city
from .words.anchoring import PLACE_LABELS, PLACE_PREPOSITIONS

__all__ = ["as_historical", "event_date", "event_location", "one_occasion", "reference_date"]

# Clause dependents that open a clause of their own, with its own date and place.
_EMBEDDED_CLAUSES = frozenset({"ccomp", "relcl", "advcl", "parataxis"})


def reference_date(published: Optional[str]) -> Optional[_dt.date]:
    """The publication date relative dates count from, or None when it is unknown or not a date."""
    if not published:
        return None
    try:
        return _dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def event_date(trigger: Token, dates: list[EventDate]) -> Optional[EventDate]:
    """The first date expression inside the trigger's clause; for a participle that adds the
    outcome of an act ("attacked police on Monday, killing five"), the act's date."""
    doc = trigger.doc
    for anchor in _anchoring_verbs(trigger):
        clause = _clause_tokens(anchor)
        for date in dates:
            if date.span is None:
                continue
            span = doc.char_span(date.span[0], date.span[1], alignment_mode="expand")
            if span is not None and any(t.i in clause for t in span):
                return date
    return None


def _anchoring_verbs(trigger: Token) -> list[Token]:
    """The trigger, then the verb a bare participial adjunct hangs on ("..., killing five"):
    the participle tells what else happened then and there. A clause with its own
    conjunction ("after they fled") has its own time and place."""
    verbs = [trigger]
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and not any(c.dep_ == "mark" for c in trigger.children):
        verbs.append(trigger.head)
    return verbs


def as_historical(factuality: Factuality, date: Optional[EventDate], reference: Optional[_dt.date]) -> Factuality:
    """An actual event that ended more than a year before publication is history."""
    if date and reference and date.end and factuality.mode == "actual":
        if _dt.date.fromisoformat(date.end) < _year_before(reference):
            return replace(factuality, mode="historical")
    return factuality


def one_occasion(trigger: Token, date: Optional[EventDate], factuality: Factuality) -> bool:
    """Whether the mention tells of one occasion, not a habit, a kind or a run of acts.

    Read from the trigger's morphology and its dependents, not from words: a mention with a
    date of its own is one occasion ("continued his attacks on June 3"); without one, these
    are not:

    * a plural noun with a possessor: "his attacks on the judge", "Sanders's recent attacks
      on Clinton" (the actor's acts over a stretch, the way he behaves); a time as possessor
      names the occasion instead ("last Friday's attacks in Paris");
    * a plural noun with neither determiner nor possessor in a clause that does not assert
      it happened: "to prevent terrorist attacks like the shooting in Orlando" (a kind).

    Such a mention joins no other article's event, and no other article's mention joins one
    it began (``corpus.coref.best_match``).
    The perfect is no such sign: "Sanders has attacked Clinton as too cozy with Wall Street"
    is a habit, but "Trump, who has threatened not to show up to the debate" and "the museum
    had expressed interest" are one act each (on the corroboration cases the perfect split
    three reports of one act for every habit it kept apart).
    """
    if date is not None and date.type != "unresolved":
        return True
    if trigger.pos_ in {"NOUN", "PROPN"} and "Plur" in trigger.morph.get("Number", []):
        # "last month's attacks", "Friday's attacks": a time is no possessor but the occasion.
        if any(child.dep_ == "poss" and child.ent_type_ not in {"DATE", "TIME"} for child in trigger.children):
            return False
        bare = not any(child.dep_ in {"det", "predet"} for child in trigger.children)
        asserted = factuality.certainty == "certain" and factuality.mode in {"actual", "historical"}
        return not (bare and not asserted)
    return True


def event_location(trigger: Token, catalogue: ActorCatalogue) -> Optional[Location]:
    """The first place entity in the trigger's clause that a place preposition governs (for a
    participial adjunct, else in the clause of the act it adds to)."""
    doc = trigger.doc
    for anchor in _anchoring_verbs(trigger):
        # Entities whose root lies in the clause, in document order (entities never overlap).
        for i in sorted(_clause_tokens(anchor)):
            ent = entity_of(doc[i])
            if ent is None or ent.label_ not in PLACE_LABELS or ent.root.i != i:
                continue
            prep = ent.root.head
            if ent.root.dep_ != "pobj" or prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            return place_location(ent, catalogue)
    return None


def place_location(ent: Span, catalogue: ActorCatalogue) -> Location:
    """The ``Location`` of a place entity, resolved to a GeoNames record where one fits: a
    country named as such, else a city of that name, preferring the country the text puts it
    in ("Alexandria, Virginia", "Egypt's Alexandria"), then the country the catalogue puts it
    in, over the most populous namesake."""
    span = (ent.start_char, ent.end_char)
    if _named_non_place(ent, catalogue):
        return Location(name=ent.text, country=_country_of(ent, catalogue), span=span)
    own = _catalogue_country(ent, catalogue)
    named_country = region_country(ent.text)
    hint = _country_of(ent, catalogue) or own
    # A capital stands for its country in the catalogue ("Cairo" is Egypt's government) but
    # is still a city where something happens; a country's own name is never read as a city.
    city = None if named_country else resolve_city(ent.text, hint)
    if city is None:
        country = named_country or own or hint
        found = country_place(country) if (named_country or own) and not ent.kb_id_.startswith("place:") else None
        return Location(name=ent.text, country=country, span=span, geonameid=found.geonameid if found else None)
    return Location(
        name=ent.text, country=city.country if hint in (None, city.country) else hint, span=span,
        geonameid=city.geonameid, latitude=city.latitude, longitude=city.longitude,
    )  # fmt: skip


def _year_before(day: _dt.date) -> _dt.date:
    """The same day a year earlier; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


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
            if child.dep_ in _EMBEDDED_CLAUSES and child is not trigger:
                continue
            stack.append(child)
    return tokens


def _catalogue_country(span: Span, catalogue: ActorCatalogue) -> Optional[str]:
    """ISO3 of the country the catalogue says ``span`` is or is in ("place:" keys), or None."""
    if span.kb_id_ and (span.kb_id_.startswith("place:") or catalogue.is_actor(span.kb_id_)):
        entry = catalogue.entry(span.kb_id_)
        if entry.kind == "country":
            return entry.country or (entry.code or "")[:3] or None
    return None


def _named_non_place(span: Span, catalogue: ActorCatalogue) -> bool:
    """The catalogue knows the name as a person, outlet or organisation: never a GeoNames place."""
    if not span.kb_id_ or span.kb_id_.startswith("place:") or not catalogue.is_actor(span.kb_id_):
        return False
    return catalogue.entry(span.kb_id_).kind != "country"


def _country_of(ent: Span, catalogue: ActorCatalogue) -> Optional[str]:
    """The country the text puts a place in: a possessor ("Egypt's Sinai") or a country in
    apposition ("Alexandria, Egypt"); None when the text says nothing."""
    for child in ent.root.children:
        if child.dep_ not in {"poss", "appos"}:
            continue
        owner = entity_of(child)
        if owner is not None and owner.root == child:
            found = _catalogue_country(owner, catalogue) or region_country(owner.text)
            if found:
                return found
    return None
