"""Thin views: read the URL, call one selector, render (or write it as CSV)."""

from django.shortcuts import redirect, render
from django.urls import reverse

from tracker.exports import EMPTY, csv_moved, csv_response
from tracker.listing import WHOLE  # a CSV holds the whole list
from tracker.pagecache import cached_bill_page

from . import selectors
from .ledger import CONFLICTING
from .models import Clause




@cached_bill_page
def bill_clauses(request, bills_api_id: int, slug: str):
    page = selectors.bill_clauses_page(bills_api_id=bills_api_id, query=request.GET, print_key=request.GET.get("print"))
    if slug != page.bill.slug:
        return redirect(reverse("clauses:list", args=[page.bill.bills_api_id, page.bill.slug]), permanent=True)
    return render(request, "clauses/clause_list.html", {"page": page, "bill": page.bill})


CLAUSES_CSV_HEADER = ("Kind", "Number", "Heading", "Status now", "Last change stage", "Last change House",
                      "Last change date", "Supporters and opponents", "Clause page")


@cached_bill_page
def bill_clauses_csv(request, bills_api_id: int, slug: str):
    """The clause table of one print, as on the clauses page."""
    page = selectors.bill_clauses_page(bills_api_id=bills_api_id, query=WHOLE, print_key=request.GET.get("print"))
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
            clause.ledger_summary, request.build_absolute_uri(clause.get_absolute_url()))


SUPPORTERS_CSV_HEADER = ("Name", "Party", "House", "Position", "Conflict", "Evidence", "Stance in this evidence",
                         "Date", "Note", "Quote", "Source", "Member page")


def clause_supporters_csv(request, bills_api_id: int, slug: str, key: str):
    """The clause's ledger: one line per piece of evidence, each person's position beside it."""
    page = selectors.clause_page(bills_api_id=bills_api_id, key=key, query=WHOLE)
    if isinstance(page, Clause) or slug != page.bill.slug:
        clause = page if isinstance(page, Clause) else page.clause
        return csv_moved(request, reverse("clauses:supporters_csv",
                                          args=[clause.bill.bills_api_id, clause.bill.slug, clause.key]))
    rows = [_supporter_csv_row(request, position, item) for _, positions in page.ledger.groups
            for position in positions for item in position.evidence]
    rows += [("", "", "", "opposes", EMPTY, item.row.get_via_display(), "opposes", item.date, item.note, "", "", "")
             for item in page.ledger.decisions]
    return csv_response(filename=f"{page.bill.slug}-{page.clause.key}-supporters.csv", header=SUPPORTERS_CSV_HEADER,
                        rows=rows)


def _supporter_csv_row(request, position, item) -> tuple:
    row = item.row
    source = row.account_entry.citation if row.account_entry else (
        request.build_absolute_uri(row.contribution.get_absolute_url()) if row.contribution else "")
    conflict = position.conflict if position.verdict == CONFLICTING else EMPTY
    return (position.name, position.party, position.house, position.verdict, conflict, row.get_via_display(),
            row.get_stance_display(), item.date if item.date else "undated", item.note, row.quote, source,
            request.build_absolute_uri(row.member.get_absolute_url()) if row.member else "")


@cached_bill_page
def clause_detail(request, bills_api_id: int, slug: str, key: str):
    page = selectors.clause_page(bills_api_id=bills_api_id, key=key, query=request.GET)
    if isinstance(page, Clause):  # later found to be another clause: its address leads there
        return redirect(page, permanent=True)
    if slug != page.bill.slug:
        return redirect(page.clause, permanent=True)
    return render(request, "clauses/clause_detail.html", {"page": page, "clause": page.clause, "bill": page.bill})
