"""Temporal expressions: "last Tuesday", "March 2016", "since 2009" -> dated :class:`EventDate`.

:func:`resolve_date` resolves one expression against the article's publication date;
:func:`find_dates` does it for every DATE (and day-naming TIME) entity of a spaCy ``Doc``.

Conventions of the returned ``EventDate`` (ISO ``YYYY-MM-DD`` strings):

* ``exact``       one day: ``start`` is the day, ``end`` is ``None``
                  ("Tuesday", "yesterday", "Aug. 1, 2019", "two weeks ago").
* ``range``       a delimited period: ``start`` and ``end`` are its first and last days
                  ("2015", "March 2016", "last week", "Q2 2023", "May 15-20", "since 2009").
                  An open-ended "since X" without a reference date has ``end`` ``None``.
* ``approximate`` fuzzy: ``start`` is the best single-day estimate ("about three weeks ago",
                  "late last year" -> its last day, "early March" -> March 1, "mid-2019" -> July 1);
                  ``end`` is set only when the fuzzy period has natural bounds ("the 1990s",
                  "over the weekend", "in recent weeks").
* ``unresolved``  ``start`` and ``end`` are ``None``: no date can be computed (holidays, seasons
                  unless a hemisphere is given, event anchors such as "the day after the vote",
                  durations such as "three days of clashes", and relative expressions when no
                  reference date is known).

Relative expressions prefer the past, as news reports mostly do: a bare weekday is the most
recent such day on or before the reference date, "March 15" is the most recent March 15.
The rules are written by hand for the patterns news uses; dateparser (English only, no
network) handles the remaining absolute formats such as "13/05/2025" or "2019-08-01T14:30".
"""

from __future__ import annotations

import calendar
import datetime as _dt
import logging
import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Optional

from .model import EventDate
from .words.dates import (
    APPROXIMATING_PREFIXES,
    CALENDAR_WORDS,
    CARDINAL_WORDS,
    DASHES,
    DATEPARSER_WORDS,
    MONTHS,
    ORDINAL_WORDS,
    SEASONS,
    TIME_UNITS,
    VAGUE_COUNTS,
    WEEKDAYS,
)

__all__ = ["resolve_date", "find_dates"]

log = logging.getLogger(__name__)

Date = _dt.date

# ---------------------------------------------------------------------------
# vocabulary: patterns over the word lists of ``words.dates``

_MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_RE = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_NUM_RE = r"(?:\d+|" + "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True)) + r")"
_VAGUE_RE = r"(?:" + "|".join(sorted(VAGUE_COUNTS, key=len, reverse=True)) + r")"
_UNIT_RE = r"(?:" + "|".join(sorted(TIME_UNITS, key=len, reverse=True)) + r")"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight|midday|noon|daytime|dawn|dusk)"
# Hedges make an otherwise precise expression approximate.
_HEDGE_RE = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|up to|more than|over|at least|"
    r"less than|just over|just under|close to|as many as|as much as|perhaps|maybe|circa|c\.|ca\.)"
)
_CLOCK_RE = (
    r"(?:(?:at|around|about|by|shortly after|shortly before|just after|just before|before|after|until)\s+)?"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)|\d{1,2}:\d{2}|noon|midnight)"
    r"(?:\s*\((?:\d{3,4}|\d{1,2}:\d{2})\s*(?:gmt|utc|[a-z]{2,4})?\))?"
    r"(?:\s+(?:local time|gmt|utc|[ecmp][sd]t|bst|cet|cest))?"
)


@dataclass(frozen=True)
class _R:
    """An intermediate resolution."""

    start: Optional[Date]
    end: Optional[Date] = None
    type: str = "exact"  # exact | range | approximate | unresolved
    gran: str = "day"  # day | week | month | quarter | year | decade
    yearless: bool = False  # named a month/day without a year: re-anchor it in ranges
    weekday: Optional[int] = None  # a bare weekday: re-anchor it as a range end


_UNRESOLVED = _R(None, None, "unresolved", "")


class _NeedReference(Exception):
    """A relative expression met no reference date."""


# ---------------------------------------------------------------------------
# calendar helpers


def _month_end(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: Date, months: int) -> Date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return Date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _shift(day: Date, n: int, unit: str) -> Date:
    if unit == "day":
        return day + _dt.timedelta(days=n)
    if unit == "week":
        return day + _dt.timedelta(weeks=n)
    if unit == "month":
        return _add_months(day, n)
    if unit == "year":
        return _add_months(day, 12 * n)
    if unit == "decade":
        return _add_months(day, 120 * n)
    raise ValueError(unit)


def _period(day: Date, unit: str) -> tuple[Date, Date]:
    """The calendar ``unit`` (week from Monday) that contains ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        start = day - _dt.timedelta(days=day.weekday())
        return start, start + _dt.timedelta(days=6)
    if unit == "month":
        return day.replace(day=1), _month_end(day.year, day.month)
    if unit == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        return Date(day.year, first, 1), _month_end(day.year, first + 2)
    if unit == "year":
        return Date(day.year, 1, 1), Date(day.year, 12, 31)
    if unit == "decade":
        start = day.year - day.year % 10
        return Date(start, 1, 1), Date(start + 9, 12, 31)
    raise ValueError(unit)


def _weekday_on_or_before(ref: Date, weekday: int) -> Date:
    return ref - _dt.timedelta(days=(ref.weekday() - weekday) % 7)


def _weekday_on_or_after(ref: Date, weekday: int) -> Date:
    return ref + _dt.timedelta(days=(weekday - ref.weekday()) % 7)


def _num(word: str) -> Optional[int]:
    word = word.strip()
    if word.isdigit():
        return int(word)
    return CARDINAL_WORDS.get(word)


def _safe_date(year: int, month: int, day: int) -> Optional[Date]:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _need(ref: Optional[Date]) -> Date:
    if ref is None:
        raise _NeedReference
    return ref


def _past_month_day(ref: Optional[Date], month: int, day: int) -> Optional[Date]:
    """The most recent ``month``/``day`` on or before ``ref``."""
    ref = _need(ref)
    for year in (ref.year, ref.year - 1, ref.year - 2, ref.year - 3, ref.year - 4):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= ref:
            return candidate
    return None


def _past_month(ref: Optional[Date], month: int) -> int:
    """The year of the most recent ``month`` that has begun by ``ref``."""
    ref = _need(ref)
    return ref.year if month <= ref.month else ref.year - 1


# ---------------------------------------------------------------------------
# normalisation


def _normalise(expression: str) -> str:
    s = expression.strip().lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    s = re.sub(r"[\u2013\u2014]", " - ", s)  # en/em dashes are range connectors
    s = re.sub(r"\s+", " ", s)
    s = s.strip(" ,;:!?\"'")
    s = re.sub(r"\.$", "", s) if not re.search(r"\b(?:[ap]\.m|[a-z]{3,4})\.$", s) else s
    return s.strip()


# ---------------------------------------------------------------------------
# cores: an expression without prefixes, hedges or clock times


def _core(s: str, ref: Optional[Date]) -> Optional[_R]:
    s = s.strip(" ,")
    if not s:
        return None
    for rule in _CORE_RULES:
        m = rule[0].fullmatch(s)
        if m:
            result = rule[1](m, ref)
            if result is not None:
                return result
    return None


def _r_day_idiom(m: re.Match, ref: Optional[Date]) -> _R:
    word = m.group(0)
    ref = _need(ref)
    if word.startswith("the day before yesterday"):
        return _R(ref - _dt.timedelta(days=2))
    if word.startswith("the day after tomorrow"):
        return _R(ref + _dt.timedelta(days=2))
    if word.startswith(("yesterday", "last night", "last evening", "overnight", "late last night", "earlier last")):
        return _R(ref - _dt.timedelta(days=1))
    if word.startswith(("tomorrow",)):
        return _R(ref + _dt.timedelta(days=1))
    return _R(ref)  # today, tonight, this morning, ...


def _r_weekday(m: re.Match, ref: Optional[Date]) -> _R:
    which = (m.group("which") or "").strip()
    weekday = WEEKDAYS[m.group("wd").rstrip(".")]
    ref = _need(ref)
    if which in ("last", "past", "previous"):
        return _R(_weekday_on_or_before(ref - _dt.timedelta(days=1), weekday))
    if which in ("next", "coming", "this coming"):
        return _R(_weekday_on_or_after(ref + _dt.timedelta(days=1), weekday))
    if which == "this":
        return _R(_period(ref, "week")[0] + _dt.timedelta(days=weekday))
    return _R(_weekday_on_or_before(ref, weekday), weekday=weekday)


def _r_ago(m: re.Match, ref: Optional[Date]) -> _R:
    count, vague = _count(m.group("n"))
    unit = TIME_UNITS[m.group("unit")]
    ref = _need(ref)
    sign = 1 if m.group("dir") in ("from now", "later", "hence") or m.group(0).startswith("in ") else -1
    day = _shift(ref, sign * count, unit)
    return _R(day, None, "approximate" if vague else "exact")


def _r_day_old(m: re.Match, ref: Optional[Date]) -> _R:
    count, vague = _count(m.group("n"))
    day = _shift(_need(ref), -count, TIME_UNITS[m.group("unit")])
    return _R(day, None, "approximate" if vague else "exact")


def _count(word: str) -> tuple[int, bool]:
    word = word.strip()
    if word in VAGUE_COUNTS:
        return VAGUE_COUNTS[word], True
    n = _num(word)
    if n is None:
        raise ValueError(word)
    return n, False


def _r_relative_period(m: re.Match, ref: Optional[Date]) -> _R:
    which = m.group("which")
    unit = TIME_UNITS[m.group("unit")]
    ref = _need(ref)
    offset = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "the": 0, "next": 1, "coming": 1}[which]
    if which == "past" and m.group(0).startswith("the past"):
        # "the past week": the seven days up to the reference date
        return _R(_shift(ref, -1, unit), ref, "range", unit)
    start, end = _period(_shift(ref, offset, unit) if offset else ref, unit)
    return _R(start, end, "range", unit)


def _r_past_n(m: re.Match, ref: Optional[Date]) -> _R:
    count, vague = _count(m.group("n"))
    unit = TIME_UNITS[m.group("unit")]
    ref = _need(ref)
    return _R(_shift(ref, -count, unit), ref, "approximate" if vague else "range", unit)


def _r_recent(m: re.Match, ref: Optional[Date]) -> _R:
    unit = TIME_UNITS[m.group("unit")]
    ref = _need(ref)
    return _R(_shift(ref, -3 if unit == "day" else -2, unit), ref, "approximate", unit)


def _r_weekend(m: re.Match, ref: Optional[Date]) -> _R:
    ref = _need(ref)
    which = m.group("which") or ""
    saturday = _weekday_on_or_before(ref, 5)
    if which in ("last", "past", "previous") and ref.weekday() >= 5:
        saturday -= _dt.timedelta(days=7)
    elif which in ("next", "coming"):
        saturday = _weekday_on_or_after(ref + _dt.timedelta(days=1), 5)
    elif which == "this" and ref.weekday() < 5:
        saturday = _weekday_on_or_after(ref, 5)
    return _R(saturday, saturday + _dt.timedelta(days=1), "approximate", "week")


def _r_iso(m: re.Match, ref: Optional[Date]) -> Optional[_R]:
    day = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return _R(day) if day else None


def _r_year_month_iso(m: re.Match, ref: Optional[Date]) -> Optional[_R]:
    year, month = int(m.group("y")), int(m.group("m"))
    if not 1 <= month <= 12:
        return None
    return _R(Date(year, month, 1), _month_end(year, month), "range", "month")


def _r_month_day(m: re.Match, ref: Optional[Date]) -> Optional[_R]:
    month = MONTHS[m.group("mon").rstrip(".")]
    day = int(re.match(r"\d+", m.group("day")).group())
    year = m.group("year")
    if year:
        found = _safe_date(int(year), month, day)
        return _R(found) if found else None
    found = _past_month_day(ref, month, day)
    return _R(found, yearless=True) if found else None


def _r_month(m: re.Match, ref: Optional[Date]) -> Optional[_R]:
    month = MONTHS[m.group("mon").rstrip(".")]
    year = m.group("year")
    y = int(year) if year else _past_month(ref, month)
    return _R(Date(y, month, 1), _month_end(y, month), "range", "month", yearless=not year)


def _r_year(m: re.Match, ref: Optional[Date]) -> _R:
    year = int(m.group("year"))
    return _R(Date(year, 1, 1), Date(year, 12, 31), "range", "year")


def _r_decade(m: re.Match, ref: Optional[Date]) -> _R:
    decade = m.group("dec").lstrip("'")
    if len(decade) == 2:  # the '90s: the most recent such decade before the reference
        base = _need(ref).year
        year = (base // 100) * 100 + int(decade)
        if year > base:
            year -= 100
    else:
        year = int(decade)
    return _R(Date(year, 1, 1), Date(year + 9, 12, 31), "approximate", "decade")


def _r_quarter(m: re.Match, ref: Optional[Date]) -> Optional[_R]:
    q = m.group("q")
    q = int(q) if q.isdigit() else ORDINAL_WORDS.get(q)
    if q not in (1, 2, 3, 4):
        return None
    year = int(m.group("year")) if m.group("year") else None
    if year is None:
        ref = _need(ref)
        year = ref.year if 3 * (q - 1) + 1 <= ref.month else ref.year - 1
    start, end = _period(Date(year, 3 * (q - 1) + 1, 1), "quarter")
    return _R(start, end, "range", "quarter", yearless=m.group("year") is None)


def _r_nth(m: re.Match, ref: Optional[Date]) -> Optional[_R]:
    day = int(re.match(r"\d+", m.group("day")).group())
    ref = _need(ref)
    for back in range(0, 4):
        first = _add_months(ref.replace(day=1), -back)
        found = _safe_date(first.year, first.month, day)
        if found and found <= ref:
            return _R(found)
    return None


def _r_week_of_month(m: re.Match, ref: Optional[Date]) -> Optional[_R]:
    nth = ORDINAL_WORDS.get(m.group("nth"))
    base = _core(m.group("rest"), ref)
    if nth is None or base is None or base.gran != "month":
        return None
    if nth == -1:
        start = base.end - _dt.timedelta(days=6)
    else:
        start = base.start + _dt.timedelta(days=7 * (nth - 1))
    if start.month != base.start.month:
        return None
    return _R(start, min(start + _dt.timedelta(days=6), base.end), "approximate", "week", yearless=base.yearless)


def _r_season(m: re.Match, ref: Optional[Date]) -> _R:
    # Seasons depend on the hemisphere: resolve_date(..., hemisphere=) decides; default unresolved.
    return _R(None, None, "unresolved", "season")


def _r_day_range(m: re.Match, ref: Optional[Date]) -> Optional[_R]:
    """May 15-20[, 2025] and 12-14 May [2025]."""
    month = MONTHS[m.group("mon").rstrip(".")]
    d1 = int(re.match(r"\d+", m.group("d1")).group())
    d2 = int(re.match(r"\d+", m.group("d2")).group())
    if d2 < d1:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    else:
        start = _past_month_day(ref, month, d1)
        if start is None:
            return None
        year = start.year
    a, b = _safe_date(year, month, d1), _safe_date(year, month, d2)
    if a is None or b is None:
        return None
    return _R(a, b, "range", "day", yearless=not m.group("year"))


def _r_year_range(m: re.Match, ref: Optional[Date]) -> Optional[_R]:
    """2019-2021 and 2019-21."""
    y1 = int(m.group("y1"))
    y2 = m.group("y2")
    y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
    if y2 <= y1:
        return None
    return _R(Date(y1, 1, 1), Date(y2, 12, 31), "range", "year")


_Y = rf"(?:,?\s*(?P<year>{_YEAR_RE}))?"
_CORE_RULES: list[tuple[re.Pattern, Any]] = [
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"), _r_iso),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})"), _r_year_month_iso),
    (re.compile(
        r"(?:the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow|overnight|"
        r"(?:late |early )?last (?:night|evening)|this (?:morning|afternoon|evening)|earlier today|later today)"
        rf"(?: {_PART_OF_DAY})?"), _r_day_idiom),
    (re.compile(rf"(?:(?P<which>last|past|previous|next|this coming|coming|this) )?(?:(?:early|late|mid|overnight) )?(?P<wd>{_WEEKDAY_RE})(?:,? (?:early |late )?{_PART_OF_DAY})?"), _r_weekday),
    (re.compile(rf"(?P<n>{_VAGUE_RE}|{_NUM_RE}) (?P<unit>{_UNIT_RE}) (?P<dir>ago|earlier|before now|from now|hence)"), _r_ago),
    (re.compile(rf"in (?P<n>{_NUM_RE}) (?P<unit>{_UNIT_RE})(?P<dir>)"), _r_ago),
    (re.compile(rf"(?P<n>{_NUM_RE})-(?P<unit>day|week|month|year)-old"), _r_day_old),
    (re.compile(r"(?P<which>last|past|previous|this|current|next|coming) (?P<unit>week|month|year|decade)"), _r_relative_period),
    (re.compile(r"the (?P<which>past|previous|last|current) (?P<unit>week|month|year|decade)"), _r_relative_period),
    (re.compile(rf"(?:the |over the |in the |during the )?(?:past|last|previous) (?P<n>{_VAGUE_RE}|{_NUM_RE}) (?P<unit>{_UNIT_RE})"), _r_past_n),
    (re.compile(r"(?:in )?recent (?P<unit>days|weeks|months|years)"), _r_recent),
    (re.compile(r"(?:(?:over|during|at|on) )?(?:the |(?P<which>last|past|previous|this|next|coming) )?weekend"), _r_weekend),
    (re.compile(rf"(?P<d1>{_DAY_RE}) ?- ?(?P<d2>{_DAY_RE}) (?:of )?(?P<mon>{_MONTH_RE}){_Y}"), _r_day_range),
    (re.compile(rf"(?P<mon>{_MONTH_RE}) (?P<d1>{_DAY_RE}) ?- ?(?P<d2>{_DAY_RE}){_Y}"), _r_day_range),
    (re.compile(rf"(?:{_WEEKDAY_RE},? )?(?P<mon>{_MONTH_RE}) (?:the )?(?P<day>{_DAY_RE}){_Y}"), _r_month_day),
    (re.compile(rf"(?:{_WEEKDAY_RE},? )?(?:the )?(?P<day>{_DAY_RE}) (?:of )?(?P<mon>{_MONTH_RE}){_Y}"), _r_month_day),
    (re.compile(rf"(?P<mon>{_MONTH_RE})(?:,? (?:of )?(?P<year>{_YEAR_RE}))?"), _r_month),
    (re.compile(rf"(?:the )?(?:year |calendar year |fiscal year )?(?P<year>{_YEAR_RE})"), _r_year),
    (re.compile(rf"(?P<y1>{_YEAR_RE}) ?- ?(?P<y2>\d{{4}}|\d{{2}})"), _r_year_range),
    (re.compile(r"(?:the )?(?P<dec>1[6-9]\d0|20\d0|'\d0|\d0)'?s"), _r_decade),
    (re.compile(rf"q(?P<q>[1-4])(?:,? (?P<year>{_YEAR_RE}))?|(?:the )?(?P<q2>first|second|third|fourth) quarter(?: of)?(?: (?P<year2>{_YEAR_RE}))?"),
     lambda m, ref: _r_quarter(_QMatch(m), ref)),
    (re.compile(r"the (?P<day>[12]\d(?:st|nd|rd|th)|3[01](?:st|th)|[1-9](?:st|nd|rd|th))(?: of the month| of this month)?"), _r_nth),
    (re.compile(r"(?:the )?(?P<nth>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th) week (?:of|in) (?P<rest>.+)"), _r_week_of_month),
    (re.compile(rf"(?:(?:last|this|next|the|early|late|mid|mid-) )*(?:spring|summer|autumn|fall|winter)(?: (?:of )?{_YEAR_RE})?"), _r_season),
]  # fmt: skip


class _QMatch:
    """Adapts the two quarter spellings to one group layout."""

    def __init__(self, m: re.Match) -> None:
        self._m = m

    def group(self, name: str) -> Optional[str]:
        m = self._m
        if name == "q":
            return m.group("q") or m.group("q2")
        if name == "year":
            return m.group("year") or m.group("year2")
        return m.group(name)


# ---------------------------------------------------------------------------
# modifiers around cores


def _modified(s: str, ref: Optional[Date]) -> Optional[_R]:
    """early/mid/late/beginning/end of X; N units before/after X; hedges; clock noise."""
    # "mid-March", "mid-2019", "mid-last year"
    m = re.fullmatch(
        r"(?:the )?(?P<mod>early|late|mid|middle|beginning|start|end|close|turn)(?:-| of the | of | )(?P<rest>.+)", s
    )
    if m and not re.fullmatch(rf"(?:{_PART_OF_DAY}|{_WEEKDAY_RE}\b.*)", m.group("rest")):
        rest = m.group("rest")
        base = _core(rest, ref) or _core(_THE_PERIOD.sub(r"this \1", rest), ref)
        if base is not None and base.start is not None:
            return _anchor(base, m.group("mod"))
    # "earlier this month", "later this year"
    m = re.fullmatch(r"(?P<mod>earlier|later) (?P<rest>this (?:week|month|year)|in the (?:week|month|year))", s)
    if m:
        ref_ = _need(ref)
        unit = m.group("rest").split()[-1]
        start, end = _period(ref_, unit)
        if m.group("mod") == "earlier":
            return _R(start, ref_, "approximate", unit)
        return _R(ref_, end, "approximate", unit)
    # "a week before March 10", "two days after the vote"
    m = re.fullmatch(
        rf"(?P<n>{_VAGUE_RE}|{_NUM_RE}) (?P<unit>{_UNIT_RE}) (?P<dir>before|after|prior to|earlier than|later than) (?P<rest>.+)",
        s,
    )
    if m:
        base = _resolve_inner(m.group("rest"), ref)
        if base is None or base.start is None:
            return None
        count, vague = _count(m.group("n"))
        sign = -1 if m.group("dir") in ("before", "prior to", "earlier than") else 1
        day = _shift(base.start if sign < 0 or base.end is None else base.end, sign * count, TIME_UNITS[m.group("unit")])
        return _R(day, None, "approximate" if vague or base.type == "approximate" else "exact")
    return None


_THE_PERIOD = re.compile(r"^(?:the |the previous |previous )?(week|month|year)$")


def _anchor(base: _R, mod: str) -> _R:
    start = base.start
    end = base.end or base.start
    if base.gran == "day" and base.end is None:
        return base  # "late Friday" is still Friday
    if mod in ("early", "beginning", "start"):
        day = start
    elif mod in ("late", "end", "close", "turn"):
        day = end
    else:  # mid / middle: the first day of the second half
        if base.gran == "decade":
            day = Date(start.year + 5, 1, 1)
        elif base.gran == "year":
            day = Date(start.year, 7, 1)
        elif base.gran == "month":
            day = start.replace(day=calendar.monthrange(start.year, start.month)[1] // 2 + 1)
        else:
            day = start + (end - start) / 2
    return _R(day, None, "approximate", base.gran)


def _strip_noise(s: str) -> tuple[str, bool]:
    """Remove clock times and hedges; return the rest and whether a hedge applied to the date."""
    hedged = False
    s = re.sub(rf"(?:(?<=\s)|^){_CLOCK_RE}(?=\s|,|$)", " ", s)
    s = re.sub(r"\s+", " ", s).strip(" ,")
    s = re.sub(r"^(?:on|at|by) (?=\S)", "", s) if re.match(r"^(?:on|at) ", s) else s
    m = re.match(rf"^{_HEDGE_RE} (?P<rest>.+)$", s)
    if m:
        hedged = True
        s = m.group("rest")
    return s.strip(), hedged


_PREFIXES = re.compile(
    r"^(?:on|in|at|during|by|as of|back in|earlier in|later in|sometime in|some time in|sometime|some time|early on|"
    r"as early as|as late as|as recently as|as long ago as|until|till|up until|"
    r"of)\s+"
)


def _resolve_inner(s: str, ref: Optional[Date]) -> Optional[_R]:
    """Resolve an expression that is a date and nothing else (prefixes, noise and hedges allowed)."""
    s = s.strip(" ,")
    approx = False
    for _ in range(4):
        m = _PREFIXES.match(s)
        if not m:
            break
        if m.group(0).strip() in APPROXIMATING_PREFIXES:
            approx = True
        s = s[m.end() :]
    s, hedged = _strip_noise(s)
    s = _PREFIXES.sub("", s) if _PREFIXES.match(s) else s
    result = _core(s, ref) or _modified(s, ref) or _dateparser(s, ref)
    if result is None:
        return None
    if (approx or hedged) and result.type in ("exact",):
        result = _R(result.start, result.end, "approximate", result.gran, result.yearless, result.weekday)
    return result


# ---------------------------------------------------------------------------
# ranges, "since", parentheticals

_RANGE_SPLIT = re.compile(r"\s+(?:to|through|thru|until|till|-|and)\s+|\s*-\s+|\s+-\s*")


def _resolve_range(s: str, ref: Optional[Date]) -> Optional[_R]:
    between = re.match(r"^(?:from|between)\s+", s)
    body = s[between.end() :] if between else s
    for m in _RANGE_SPLIT.finditer(body):
        word = m.group(0).strip()
        if word == "and" and not between:
            continue
        left, right = body[: m.start()], body[m.end() :]
        a = _resolve_inner(left, ref)
        if a is None:
            continue
        b = _resolve_inner(right, ref)
        if b is None or b.start is None:
            # "Monday to discuss the deal": the right side is not a date, so no range
            return a if (not between or word not in ("and",)) and _only_words_after(right) else None
        if a.start is None:
            return _UNRESOLVED
        if a.yearless and b.start is not None and not b.yearless:
            a = _resolve_inner(left, b.end or b.start)  # "March to April 2024"
        elif a.yearless and b.yearless:
            a = _resolve_inner(left, b.end or b.start)  # "September to March": anchor the end first
        if b.weekday is not None and a is not None and a.start is not None:
            b = _R(_weekday_on_or_after(a.start, b.weekday))
        if a is None or a.start is None:
            return None
        start = a.start
        end = b.end or b.start
        if end < start:
            if b.yearless:
                end = _add_months(end, 12)
            if end < start:
                start, end = end, start
        gran = a.gran if a.gran == b.gran else "day"
        kind = "approximate" if "approximate" in (a.type, b.type) else "range"
        return _R(start, end, kind, gran)
    return None


def _only_words_after(right: str) -> bool:
    # the right side of a failed connector must look like a verb phrase, not a date fragment
    return bool(re.match(r"^[a-z]", right)) and not re.search(r"\d", right)


def resolve_date(
    expression: str,
    reference: Optional[_dt.date],
    *,
    hemisphere: Optional[str] = None,
) -> EventDate:
    """Resolve a temporal expression against ``reference`` (the publication date).

    ``hemisphere`` ("north" or "south") lets seasons resolve to approximate ranges;
    by default they are unresolved.  Never raises on odd input: it returns ``unresolved``.
    """
    text = expression
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    try:
        result = _resolve(_normalise(expression), reference, hemisphere)
    except _NeedReference:
        result = _UNRESOLVED
    except (ValueError, OverflowError) as exc:  # impossible dates, absurd offsets
        log.debug("cannot resolve %r: %s", expression, exc)
        result = _UNRESOLVED
    if result is None or result.start is None:
        return EventDate(text=text, start=None, end=None, type="unresolved")
    end = result.end
    if result.type == "exact":
        end = None
    elif end is not None and end < result.start:
        end = None
    return EventDate(text=text, start=result.start.isoformat(), end=end.isoformat() if end else None, type=result.type)


def _resolve(s: str, ref: Optional[Date], hemisphere: Optional[str]) -> Optional[_R]:
    if not s:
        return None
    # "yesterday (Friday)": the parenthetical names the day; take the nearest such day on or before
    m = re.fullmatch(r"(?P<main>.*?)\s*\((?P<paren>[^()]+)\)", s)
    if m:
        paren = _resolve_inner(m.group("paren"), ref)
        main = _resolve_inner(m.group("main"), ref) if m.group("main") else None
        if paren is not None and paren.weekday is not None and main is not None and main.start is not None:
            return _R(_weekday_on_or_before(main.start, paren.weekday))
        if paren is not None and paren.start is not None:
            return paren
        return main
    season = _season(s, ref, hemisphere)
    if season is not None:
        return season
    m = re.match(r"^(?:ever )?since\s+(?P<rest>.+)$", s)
    if m:
        base = _resolve_inner(m.group("rest"), ref)
        if base is None or base.start is None:
            return None
        end = ref if ref is not None and ref >= base.start else None
        return _R(base.start, end, "range", base.gran)
    direct = _resolve_inner(s, ref)
    if direct is not None:
        return direct
    return _resolve_range(s, ref)


def _season(s: str, ref: Optional[Date], hemisphere: Optional[str]) -> Optional[_R]:
    m = re.fullmatch(
        rf"(?:(?:in|during|over|since) )?(?:the )?(?:(?P<which>last|this|next|past) )?(?:(?P<mod>early|late|mid)[- ])?"
        rf"(?P<season>spring|summer|autumn|fall|winter)(?: (?:of )?(?P<year>{_YEAR_RE}))?",
        s,
    )
    if not m:
        return None
    if hemisphere not in ("north", "south"):
        return _UNRESOLVED
    first, last = SEASONS[m.group("season")]
    if hemisphere == "south":
        first, last = (first + 5) % 12 + 1, (last + 5) % 12 + 1
    if m.group("year"):
        year = int(m.group("year"))
    else:
        ref = _need(ref)
        # the most recent such season that has begun; "last summer" is the one before, unless
        # this year's has not yet ended... keep it simple: the latest season that has fully ended
        year = ref.year if first <= ref.month else ref.year - 1
        if m.group("which") in ("last", "past") and Date(year, first, 1) <= ref <= _month_end(year + (last < first), last):
            year -= 1
        elif m.group("which") == "next":
            year += 1
    start = Date(year, first, 1)
    end = _month_end(year + (1 if last < first else 0), last)
    return _R(start, end, "approximate", "season")


# ---------------------------------------------------------------------------
# dateparser for the remaining absolute formats


def _dateparser(s: str, ref: Optional[Date]) -> Optional[_R]:
    # Only strings made of digits, separators and calendar words: dateparser is lenient and
    # would otherwise read dates into phrases such as "the 2024 election".
    tokens = [t for t in re.split(r"[\s,/.:\-]+", s) if t]
    if not tokens or not any(t.isdigit() for t in tokens):
        return None
    if ref is None and not re.search(r"\b\d{4}\b", s):
        return None  # without a reference only dates that name their year resolve
    if any(not (t.isdigit() or t.rstrip(".") in DATEPARSER_WORDS or re.fullmatch(r"\d+(?:st|nd|rd|th|t\d+)", t)) for t in tokens):
        return None
    try:
        from dateparser.date import DateDataParser

        settings = {
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "REQUIRE_PARTS": [] if ref is not None else ["year"],
        }
        if ref is not None:
            settings["RELATIVE_BASE"] = _dt.datetime.combine(ref, _dt.time(12))
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(s)
    except Exception as exc:  # dateparser raises assorted errors on odd strings
        log.debug("dateparser failed on %r: %s", s, exc)
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period in ("day", "time"):
        return _R(day)
    if period in ("week", "month", "year"):
        start, end = _period(day, period)
        return _R(start, end, "range", period)
    return _R(day)


# ---------------------------------------------------------------------------
# spaCy documents

_DURATION = re.compile(
    rf"^(?:for |about |around |nearly |almost |more than |over |some |at least |up to |the |another |an? )*"
    rf"(?:{_VAGUE_RE}|{_NUM_RE}|\d+(?:\.\d+)?|a|an|half an?|one and a half)(?:[- ]and[- ]a[- ]half)?"
    rf"[- ](?:{_UNIT_RE}|hours?|minutes?)(?:[- ]long|[- ]old| old)?(?: of .*)?$"
)
_DAYISH_TIME = re.compile(rf"(?:{_WEEKDAY_RE}|today|tonight|yesterday|tomorrow|overnight|last night|this (?:morning|afternoon|evening))")


def find_dates(doc: Any, reference: Optional[_dt.date], *, hemisphere: Optional[str] = None) -> list[EventDate]:
    """Every DATE entity of ``doc`` (and TIME entities naming a day) as an :class:`EventDate`.

    ``span`` holds the entity's character offsets.  Pure durations ("10 years", "three days")
    and ages are skipped; anchored ones ("10 years ago") are kept.
    """
    out: list[EventDate] = []
    context_year: Optional[int] = None  # the year of the last full date (day, month, year) the article named
    for ent in _entities(doc):
        label = ent.label_
        ent = _without_dangling_tail(doc, ent)
        text = ent.text
        norm = _normalise(text)
        if label == "TIME" and not _DAYISH_TIME.search(norm):
            continue
        if _DURATION.match(norm):
            continue
        start_char = ent.start_char
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ == "since":
            # spaCy leaves "since" outside the entity; it turns "2009" into a range up to now
            start_char = before.idx
            text = doc[before.i : ent.end].text  # not doc.text: that joins the whole document
        resolved = resolve_date(text, reference, hemisphere=hemisphere)
        if reference is not None and _looks_ahead(ent):
            resolved = _ahead(resolved, norm, reference)
        elif reference is not None and context_year is not None:
            resolved = _in_context_year(resolved, norm, reference, context_year)
        if _YEAR4.search(norm) and resolved.type == "exact" and resolved.start:
            context_year = int(resolved.start[:4])
        out.append(
            EventDate(
                text=text,
                start=resolved.start,
                end=resolved.end,
                type=resolved.type,
                span=(start_char, ent.end_char),
            )
        )
    return out


_YEAR4 = re.compile(r"\b(?:1[89]|20)\d\d\b")
RECENT_DAYS = 62  # a yearless day this close before publication is the news of the day


def _in_context_year(date: EventDate, norm: str, reference: _dt.date, year: int) -> EventDate:
    """A yearless month and day ("the September 11th attack") that, read as the latest one
    before publication, lies more than two months back: the year of the last full date (day,
    month and year) the article named before it, when that is an earlier one. News tells of
    recent days; an older day named without a year is mostly a day of the year the story is
    about ("Sept. 11, 2001, ... the Sept. 11 attacks"; "on November 12, 2012 ... the
    September 11th attack"), not of the latest one. A year alone ("in 2012", "since 2008",
    "May 2003") is background, not the story's year: taken as context it moved "Sept. 11"
    to 2012, 2007 or 2003 in articles about the 2001 attacks (PolNeAR train)."""
    if date.start is None or date.type != "exact" or _YEAR.search(norm) or year >= reference.year:
        return date
    if not set(re.findall(r"[a-z]+", norm)) & set(MONTHS):
        return date
    start = _dt.date.fromisoformat(date.start)
    if (reference - start).days <= RECENT_DAYS:
        return date
    moved = _safe_date(year, start.month, start.day)
    return replace(date, start=moved.isoformat(), end=None if date.end is None else moved.isoformat()) if moved else date


_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
_LOOKING_AHEAD = frozenset({"expect", "plan", "schedule", "due", "set", "intend", "hope"})
_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b")
_BACKWARD = re.compile(r"\b(?:last|past|previous|ago|yesterday|earlier|since)\b")


def _looks_ahead(ent: Any) -> bool:
    """Whether the date's clause speaks of what is to come: "will meet on Monday", "are
    expected to back Clinton in November", "is scheduled for March 3"."""
    verb = ent.root.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"}:
            break
        verb = verb.head
    for node in (verb, verb.head):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in node.children):
            return True
        if node.lemma_.lower() in _LOOKING_AHEAD and any(c.dep_ in {"xcomp", "prep"} for c in node.children):
            return True
        if node.dep_ not in {"xcomp"}:
            break
    return False


def _ahead(date: EventDate, norm: str, reference: _dt.date) -> EventDate:
    """A yearless month or day, or a bare weekday, read forward from the reference date when
    the clause looks ahead: the coming November, not the last one (relative expressions
    otherwise prefer the past, as news reports mostly do)."""
    if date.start is None or _YEAR.search(norm) or _BACKWARD.search(norm):
        return date
    start = _dt.date.fromisoformat(date.start)
    if start >= reference:
        return date
    words = set(re.findall(r"[a-z]+", norm))
    if words & set(WEEKDAYS):
        shift: Any = _dt.timedelta(days=7)
    elif words & set(MONTHS):
        shift = "year"
    else:
        return date

    def moved(day: Optional[str]) -> Optional[str]:
        if day is None:
            return None
        value = _dt.date.fromisoformat(day)
        if shift == "year":
            value = _safe_date(value.year + 1, value.month, min(value.day, 28) if value.month == 2 else value.day) or value
        else:
            value = value + shift
        return value.isoformat()

    return replace(date, start=moved(date.start), end=moved(date.end))


def _without_dangling_tail(doc: Any, ent: Any) -> Any:
    """The entity without what follows a spaced dash when that names no time: the tagger
    runs "in the year 2015 - so reports MENL" on into "the year 2015 - so"."""
    for token in ent[1:]:
        spaced = token.whitespace_ and doc[token.i - 1].whitespace_
        if token.text in DASHES and spaced:
            tail = doc[token.i + 1 : ent.end]
            if not any(t.like_num or t.lower_.rstrip(".") in CALENDAR_WORDS for t in tail):
                return doc[ent.start : token.i]
    return ent


def _entities(doc: Any) -> Iterable[Any]:
    return [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
