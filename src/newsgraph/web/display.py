"""How a value reads in a table cell: the Jinja filters that keep Python out of the page.

A store row holds ``True``/``False``, ``None`` and date ranges; a reader wants "yes", an empty
cell and "2016" (an event dated only to its year is stored as 2016-01-01 to 2016-12-31, and
printing the start alone would claim it happened on 1 January).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any, Optional

__all__ = ["cell", "date_span"]


def cell(value: Any) -> str:
    """A value as table text: booleans as "yes" or nothing, missing values as nothing."""
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, (list, tuple)):
        return " → ".join(str(v) for v in value)
    return str(value)


def date_span(start: Optional[str], end: Optional[str] = None) -> str:
    """A stored date range as precise as it is: "2016", "2016-03", "2016-03-04" or
    "2016-03-04 – 2016-03-09"; "" when undated."""
    first, last = _day(start), _day(end)
    if first is None:
        return start or ""
    if last is None or last == first:
        return first.isoformat()
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return str(first.year)
    month_end = calendar.monthrange(first.year, first.month)[1]
    if first.day == 1 and (last.year, last.month, last.day) == (first.year, first.month, month_end):
        return f"{first.year}-{first.month:02d}"
    return f"{first.isoformat()} – {last.isoformat()}"


def _day(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
