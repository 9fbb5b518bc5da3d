"""/api/v1/bills/{id}/clauses: each clause with its number in every print, its versions, its
status history with evidence and its ledger (the clause page's own selectors)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse
from ninja import Path, Query, Router, Schema
from pydantic import Field

from tracker.clauses import selectors
from tracker.clauses.display import status_style
from tracker.clauses.ledger import Evidence, Ledger, Position
from tracker.clauses.marks import ClauseMarks
from tracker.clauses.models import Clause
from tracker.converters import MAX_ID
from tracker.listing import WHOLE
from tracker.web_links import web_url

from . import schemas
from .bills import MAX_PER_PAGE
from .common import ERRORS, BillId, correction, member_ref
from .http import bill_resource
from .links import api_url, blank_as_null, links, page_links

router = Router(tags=["clauses"])
ClauseKey = Path(..., max_length=200, pattern=r"^[-a-zA-Z0-9_]+$", description="the clause's key, as in its address",
                 example="amendment-9006001")


class ClauseListQuery(Schema):
    print: str = Field("", max_length=100, description="a print's key: only the clauses in that print, in its order")
    page: int = Field(1, ge=1, le=MAX_ID)
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE)


@router.get("/bills/{bills_api_id}/clauses", response={200: schemas.BillClauses, **ERRORS}, url_name="bill_clauses",
            summary="A bill's clauses and schedules, each with its record across the prints and its ledger")
@bill_resource
def bill_clauses(request: HttpRequest, bills_api_id: BillId, filters: Query[ClauseListQuery]):
    page = selectors.bill_clauses_page(bills_api_id=bills_api_id, query=WHOLE, print_key=filters.print or None)
    chosen = page.chosen if filters.print and page.chosen and page.chosen.key == filters.print else None
    clauses = [row.version.clause for row in page.rows] if chosen else [row.clause for row in page.matrix]
    shown = Paginator(clauses, filters.per_page).get_page(filters.page)
    histories = selectors.clause_histories(bill=page.bill, clauses=list(shown.object_list))
    marks = selectors.clause_histories_marks(clauses=list(shown.object_list), histories=histories)
    return {**page_links(request, shown), "bill": links(request, "bill", (page.bill.bills_api_id,), page.bill),
            "prints": [{"key": p.key, "label": p.label, "stage": p.bill_stage.description if p.bill_stage else None}
                       for p in page.prints],
            "results": [clause_record(request, clause, histories[clause.pk], marks[clause.pk])
                        for clause in shown.object_list]}


MOVED = {"description": "The key is a clause later found to be another (merged or renamed): `Location` gives "
                        "the clause's current key, with no body.",
         "headers": {"Location": {"description": "this resource at the clause's current key",
                                  "schema": {"type": "string", "format": "uri-reference"}}}}


@router.get("/bills/{bills_api_id}/clauses/{key}", response={200: schemas.Clause, 301: None, **ERRORS},
            url_name="clause", openapi_extra={"responses": {301: MOVED}},
            summary="One clause: its number in every print, versions, status history with evidence, and ledger")
@bill_resource
def clause_detail(request: HttpRequest, bills_api_id: BillId, key: str = ClauseKey):
    page = selectors.clause_page(bills_api_id=bills_api_id, key=key, query=WHOLE)  # the whole ledger
    if isinstance(page, Clause):  # later found to be another clause: its address leads there
        return HttpResponsePermanentRedirect(reverse("api-v1:clause", args=[page.bill.bills_api_id, page.key]))
    history = selectors.ClauseHistory(page.numbers, [text.version for text in page.texts], page.events, page.ledger)
    return clause_record(request, page.clause, history, page.marks)


def clause_record(request: HttpRequest, clause: Clause, history: selectors.ClauseHistory,
                  marks: ClauseMarks) -> dict:
    bill, stage, proposal = clause.bill, clause.status_stage, clause.proposed_by
    status = status_style(clause.status)
    return {
        "key": clause.key, "kind": clause.kind, "label": clause.label, "heading": blank_as_null(clause.heading),
        "status": status.label if status else None, "status_stage": stage.description if stage else None,
        "status_date": clause.status_date,
        "proposed_by": api_url(request, "amendment", proposal.bills_api_id) if proposal else None,
        "numbers": [{"print": n.print.key, "words": n.words, "number": blank_as_null(n.version and n.version.number),
                     "recorded": n.recorded} for n in history.numbers],
        "versions": [{"print": v.print.key, "kind": v.kind, "number": blank_as_null(v.number),
                      "heading": blank_as_null(v.heading), "text": blank_as_null(v.text)} for v in history.versions],
        "history": [_event(request, item.event, item.style) for item in history.events],
        "ledger": ledger_record(request, history.ledger),
        "corrected": [correction(value, override) for value, override in marks.by_value()],
        "links": {**links(request, "clause", (bill.bills_api_id, clause.key), clause),
                  "supporters_csv": request.build_absolute_uri(
                      reverse("clauses:supporters_csv", args=[bill.bills_api_id, bill.slug, clause.key]))},
    }


def _event(request: HttpRequest, event, style) -> dict:
    stage = event.bill_stage
    return {"kind": event.kind, "label": style.label if style else event.get_kind_display(),
            "stage": stage.description if stage else None, "house": stage.house if stage else None,
            "date": event.date, "note": blank_as_null(event.note), "quote": blank_as_null(event.quote),
            "confidence": event.confidence, "evidence": evidence_links(request, event)}


def evidence_links(request: HttpRequest, row) -> dict:
    """Where a status step or a ledger entry's evidence is: the records here, and the cited source."""
    if row is None:
        return {"amendment": None, "division": None, "contribution": None, "source": None}
    division = row.division
    account = getattr(row, "account_entry", None)
    return {
        "amendment": api_url(request, "amendment", row.amendment.bills_api_id) if row.amendment else None,
        "division": api_url(request, "division", division.house.lower(), division.source_id) if division else None,
        "contribution": request.build_absolute_uri(row.contribution.get_absolute_url()) if row.contribution else None,
        "source": blank_as_null(account.citation if account else web_url(row.source_url)),
    }


def ledger_record(request: HttpRequest, ledger: Ledger) -> dict:
    """The clause ledger selector's answer, as JSON."""
    return {
        "summary": ledger.summary,
        **{name: [_position(request, p) for p in positions] for name, positions in (
            ("supporting", ledger.supporting), ("opposing", ledger.opposing),
            ("conflicting", ledger.conflicting), ("spoke", ledger.spoke))},
        "decisions": [_evidence(request, item) for item in ledger.decisions],
        "by_party": [{"house": blank_as_null(c.house), "party": blank_as_null(c.party), "supporting": c.supporting,
                      "opposing": c.opposing} for c in ledger.by_party],
    }


def _position(request: HttpRequest, position: Position) -> dict:
    row = position.row
    member = row.member if row is not None else None
    return {"member": member_ref(request, member, members_api_id=row.members_api_id if row is not None else None,
                                 name=position.name, party=position.party),
            "house": blank_as_null(position.house), "verdict": position.verdict,
            "conflict": blank_as_null(position.conflict),
            "evidence": [_evidence(request, item) for item in position.evidence]}


def _evidence(request: HttpRequest, item: Evidence) -> dict:
    row = item.row
    return {"via": item.via, "stance": item.stance, "date": item.date, "note": blank_as_null(item.note),
            "quote": blank_as_null(row.quote) if row is not None else None,
            "evidence": evidence_links(request, row)}

