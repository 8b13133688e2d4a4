"""API rows as a CSV file (or a streamed JSON page object): what a table view's download
links give. A download of every row (``rows=all``) is written as its rows are read, a page at
a time, so that a long list never sits whole in memory as text.

Cells hold article text, which is untrusted: a cell that a spreadsheet would run as a formula
(it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a
leading apostrophe, so opening the file never runs anything. Numbers are left as they are.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Iterator

from fastapi.responses import Response, StreamingResponse

__all__ = ["csv_text", "csv_response", "csv_stream", "json_stream"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(items: list[dict[str, Any]]) -> str:
    """The rows as CSV, one column per key (in first-seen order); lists read "a → b"."""
    return "".join(_csv_lines([items]))


def _csv_lines(chunks: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    """CSV text chunk by chunk; the columns are the first chunk's (every chunk is a page of
    one list, so all have the same)."""
    columns = None
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for items in chunks:
        if columns is None:
            columns = list(dict.fromkeys(key for row in items for key in row))
            writer.writerow(columns)
        for row in items:
            writer.writerow([_cell(row.get(column)) for column in columns])
        yield out.getvalue()
        out.seek(0)
        out.truncate()


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


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def csv_stream(chunks: Iterable[list[dict[str, Any]]], name: str) -> StreamingResponse:
    """Pages of rows as one CSV download called ``name``.csv, written page by page."""
    return StreamingResponse(_csv_lines(chunks), media_type="text/csv; charset=utf-8", headers=_attachment(f"{name}.csv"))


def json_stream(head: dict[str, Any], chunks: Iterable[list[dict[str, Any]]], name: str) -> StreamingResponse:
    """A page object (``head``'s keys, then ``items``: every row of ``chunks``) as a download
    called ``name``.json, written page by page."""

    def parts() -> Iterator[str]:
        yield json.dumps(head, ensure_ascii=False)[:-1] + (', "items": [' if head else '"items": [')
        first = True
        for items in chunks:
            if items:
                yield ("" if first else ", ") + ", ".join(json.dumps(row, ensure_ascii=False) for row in items)
                first = False
        yield "]}"

    return StreamingResponse(parts(), media_type="application/json", headers=_attachment(f"{name}.json"))
