"""A page of API rows as a CSV file: what a table view's download link gives.

Cells hold article text, which is untrusted: a cell that a spreadsheet would run as a formula
(it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a
leading apostrophe, so opening the file never runs anything. Numbers are left as they are.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.responses import Response

__all__ = ["csv_text", "csv_response"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(items: list[dict[str, Any]]) -> str:
    """The rows as CSV, one column per key (in first-seen order); lists read "a → b"."""
    columns = list(dict.fromkeys(key for row in items for key in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in items:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        value = " → ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_response(items: list[dict[str, Any]], name: str) -> Response:
    """``items`` as a CSV download called ``name``.csv."""
    return Response(
        csv_text(items), media_type="text/csv; charset=utf-8", headers={"Content-Disposition": f'attachment; filename="{name}.csv"'}
    )
