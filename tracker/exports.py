"""CSV downloads of what the pages show: rows streamed through csv.writer, one line at a time
(Django's "streaming large CSV files" pattern), every cell safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from itertools import chain

from django.http import HttpRequest, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.utils.http import content_disposition_header

NOT_RECORDED = "not recorded"
# A spreadsheet reads a cell starting with one of these as a formula (tab and CR too, as some
# programs strip them first); scraped text is untrusted, so such a cell is kept as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Empty:
    """What a cell holds where there is nothing to record (no conflict where the evidence agrees): an empty
    cell, where a blank value says the record is silent ("not recorded")."""


EMPTY = _Empty()


class _Echo:
    """A pseudo-buffer: csv.writer writes a line to it and gets the line back to stream."""

    def write(self, value: str) -> str:
        return value


def csv_cell(value: object) -> str:
    """A value as a cell: empty for EMPTY, "not recorded" for None or blank, a leading apostrophe where a
    spreadsheet would otherwise run it as a formula."""
    if value is EMPTY:
        return ""
    text = "" if value is None else str(value)
    if not text:
        return NOT_RECORDED
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def csv_response(*, filename: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> StreamingHttpResponse:
    """A CSV attachment; `rows` is consumed lazily, as the response is sent."""
    writer = csv.writer(_Echo())
    lines = (writer.writerow([csv_cell(value) for value in row]) for row in chain([header], rows))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def csv_moved(request: HttpRequest, url: str) -> HttpResponsePermanentRedirect:
    """The same export at its right address (the bill's slug changed), with the same filters."""
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
