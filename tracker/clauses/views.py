"""Thin views: read the URL, call one selector, render (or write it as CSV)."""

from django.shortcuts import redirect, render
from django.urls import reverse

from tracker.exports import csv_moved, csv_response
from tracker.pagecache import cached_bill_page

from . import selectors
from .models import Clause


@cached_bill_page
def bill_clauses(request, bills_api_id: int, slug: str):
    page = selectors.bill_clauses_page(bills_api_id=bills_api_id, print_key=request.GET.get("print"))
    if slug != page.bill.slug:
        return redirect(reverse("clauses:list", args=[page.bill.bills_api_id, page.bill.slug]), permanent=True)
    return render(request, "clauses/clause_list.html", {"page": page, "bill": page.bill})


CLAUSES_CSV_HEADER = ("Kind", "Number", "Heading", "Status now", "Last change stage", "Last change House",
                      "Last change date", "Supporters", "Opponents", "Clause page")


@cached_bill_page
def bill_clauses_csv(request, bills_api_id: int, slug: str):
    """The clause table of one print, as on the clauses page."""
    page = selectors.bill_clauses_page(bills_api_id=bills_api_id, print_key=request.GET.get("print"))
    if slug != page.bill.slug:
        return csv_moved(request, reverse("clauses:list_csv", args=[page.bill.bills_api_id, page.bill.slug]))
    chosen = f"-{page.chosen.key}" if page.chosen else ""
    return csv_response(filename=f"{page.bill.slug}-clauses{chosen}.csv", header=CLAUSES_CSV_HEADER,
                        rows=(_clause_csv_row(request, row) for row in page.rows))


def _clause_csv_row(request, row: selectors.ClauseRow) -> tuple:
    version, clause = row.version, row.version.clause
    stage = clause.status_stage
    return (version.get_kind_display(), version.number, version.heading, row.status and row.status.label,
            stage and stage.description, stage and stage.house, clause.status_date,
            clause.supporters_count, clause.opponents_count, request.build_absolute_uri(clause.get_absolute_url()))


@cached_bill_page
def clause_detail(request, bills_api_id: int, slug: str, key: str):
    page = selectors.clause_page(bills_api_id=bills_api_id, key=key)
    if isinstance(page, Clause):  # later found to be another clause: its address leads there
        return redirect(page, permanent=True)
    if slug != page.bill.slug:
        return redirect(page.clause, permanent=True)
    return render(request, "clauses/clause_detail.html", {"page": page, "clause": page.clause, "bill": page.bill})
