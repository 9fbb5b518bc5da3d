"""/api/v1/amendments/{id} and /api/v1/bills/{id}/amendments: sponsors, decisions, divisions,
the clauses' ledgers, and the exchanges between the Houses (the amendment pages' selectors)."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field, field_validator

from amendments import selectors
from amendments.models import Amendment, Decision, Division, PingPongItem, Sponsorship
from amendments.ping_pong_thread import Thread
from tracker.converters import MAX_ID
from tracker.site.selectors import amendment_ledgers, clauses_threads

from . import schemas
from .bills import MAX_PER_PAGE
from .clauses import ledger_record
from .common import ERRORS, AmendmentId, BillId, blank_is_none, corrected, member_ref
from .http import bill_resource, resource
from .links import api_url, blank_as_null, links, page_links, page_url

router = Router(tags=["amendments"])


def sponsors(request: HttpRequest, sponsorships) -> list[dict]:
    return [{"member": member_ref(request, s.member, members_api_id=s.members_api_id, name=s.name,
                                  party=s.party_name), "is_lead": s.is_lead} for s in sponsorships]


def division_summary(request: HttpRequest, division: Division) -> dict:
    return {"house": division.house, "source_id": division.source_id, "number": division.number,
            "date": division.date, "title": blank_as_null(division.title), "for_label": division.for_label,
            "against_label": division.against_label, "for_count": division.for_count,
            "against_count": division.against_count,
            "links": links(request, "division", (division.house.lower(), division.source_id), division)}


@router.get("/amendments/{bills_api_id}", response={200: schemas.Amendment, **ERRORS}, url_name="amendment",
            summary="An amendment: its sponsors, decision, divisions, and its clauses' ledgers and exchanges between the Houses")
@resource
def amendment_detail(request: HttpRequest, bills_api_id: AmendmentId):
    page = selectors.amendment_page(bills_api_id=bills_api_id)
    amendment = page.amendment
    stage, bill = amendment.bill_stage, amendment.bill_stage.bill
    ledgers = amendment_ledgers(amendment=amendment)
    return {
        "bills_api_id": amendment.bills_api_id, "number": amendment.number,
        "bill": links(request, "bill", (bill.bills_api_id,), bill),
        "stage": stage.description, "house": stage.house, "amendment_type": blank_as_null(amendment.amendment_type),
        "target": selectors.target_label(amendment), "position": blank_as_null(amendment.position),
        "new_clause_title": blank_as_null(amendment.new_clause_title), "summary": blank_as_null(amendment.summary),
        "text": blank_as_null(amendment.text_plain),
        "explanatory_statement": blank_as_null(amendment.explanatory_statement_plain),
        "decision": amendment.decision, "decision_label": amendment.get_decision_display(),
        "decided_on": amendment.decided_on,
        "sponsors": sponsors(request, [*page.lead, *page.supporters]),
        "divisions": [division_summary(request, votes.division) for votes in page.divisions],
        "clause_ledgers": [{"clause": links(request, "clause", (bill.bills_api_id, found.clause.key), found.clause),
                            "label": found.clause.label, "ledger": ledger_record(request, found.ledger)}
                           for found in ledgers],
        "threads": [_thread(thread) for thread in
                    clauses_threads(bill=bill, clauses=[found.clause for found in ledgers])],
        "source_url": blank_as_null(amendment.source_url),
        "corrected": corrected(amendment),
        "links": links(request, "amendment", (amendment.bills_api_id,), amendment),
    }


class AmendmentListQuery(Schema):
    q: str = Field("", max_length=200, description="words in the number, title or text")
    decision: Literal[tuple(Decision.values)] | None = Field(None, description="the decision, as the Bills API gives it")
    sponsor: str = Field("", max_length=200, description="part of a sponsor's name")
    party: int | None = Field(None, ge=0, le=MAX_ID, description="Members API id of a sponsor's party")
    page: int = Field(1, ge=1, le=MAX_ID)
    per_page: int = Field(selectors.AMENDMENTS_PER_PAGE, ge=1, le=MAX_PER_PAGE)

    _blank_is_none = field_validator("decision", "party", mode="before")(blank_is_none)


@router.get("/bills/{bills_api_id}/amendments", response={200: schemas.BillAmendments, **ERRORS},
            url_name="bill_amendments",
            summary="A bill's amendments and its motions between the Houses, filtered as on its amendments page")
@bill_resource
def bill_amendments(request: HttpRequest, bills_api_id: BillId, filters: Query[AmendmentListQuery]):
    chosen = selectors.AmendmentFilters(decision=filters.decision or "", sponsor=filters.sponsor.strip(),
                                        party=filters.party, q=filters.q.strip())
    page = selectors.bill_amendments_page(bills_api_id=bills_api_id, filters=chosen, page_number=filters.page,
                                          per_page=filters.per_page)
    bill = page.bill
    items = [item for stage in page.ping_pong_by_stage for item in stage.items]
    threads = [] if chosen.active else selectors.ping_pong_threads(bill=bill)
    csv = reverse("amendments:bill_amendments_csv", args=[bill.bills_api_id, bill.slug])
    page_of_items = request.build_absolute_uri(reverse("amendments:bill_amendments", args=[bill.bills_api_id, bill.slug]))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("per_page", None)
    return {
        **page_links(request, page.page_obj), "bill": links(request, "bill", (bill.bills_api_id,), bill),
        "results": [_amendment_row(request, a) for a in page.page_obj.object_list],
        "ping_pong_items": [_ping_pong_item(request, item, page_of_items) for item in items],
        "threads": [_thread(thread) for thread in threads],
        "links": {"self": request.build_absolute_uri(), "page": page_of_items,
            "csv": request.build_absolute_uri(f"{csv}?{query.urlencode()}" if query else csv)},
    }


def _thread(thread: Thread) -> dict:
    return {"amendment": thread.amendment, "outcome": thread.outcome,
            "steps": [{"house": step.house, "stage": blank_as_null(step.stage), "label": step.label,
                       "decision_label": step.decision_label, "ping_pong_item": step.row.bills_api_id}
                      for step in thread.steps]}


def _amendment_row(request: HttpRequest, amendment: Amendment) -> dict:
    stage = amendment.bill_stage
    return {"bills_api_id": amendment.bills_api_id, "number": amendment.number, "stage": stage.description,
            "house": stage.house, "target": selectors.target_label(amendment), "decision": amendment.decision,
            "decision_label": amendment.get_decision_display(),
            "sponsors": sponsors(request, amendment.sponsorships.all()),
            "links": links(request, "amendment", (amendment.bills_api_id,), amendment)}


def _ping_pong_item(request: HttpRequest, item: PingPongItem, page_of_items: str) -> dict:
    stage = item.bill_stage
    return {"bills_api_id": item.bills_api_id, "type": item.get_type_display(), "number": item.number,
            "stage": stage.description, "house": stage.house, "text": blank_as_null(item.text_plain),
            "decision": item.decision, "decision_label": item.get_decision_display(),
            "sponsors": sponsors(request, item.sponsorships.all()),
            "grouped_amendments": [{"number": g.number, "decision": g.decision,
                                    "sponsors": sponsors(request, g.sponsorships.all())}
                                   for g in item.grouped_amendments.all()],
            "page": f"{page_of_items}#{item.anchor}"}


def sponsored_ref(request: HttpRequest, sponsorship: Sponsorship) -> dict:
    """What a member's sponsorship is of, for the member resource."""
    sponsored = sponsorship.sponsored
    stage = sponsored.bill_stage
    return {"number": sponsored.number, "bill": stage.bill.short_title, "stage": stage.description,
            "is_lead": sponsorship.is_lead, "page": page_url(request, sponsored),
            "api": api_url(request, "amendment", sponsored.bills_api_id) if sponsorship.amendment_id else None}
