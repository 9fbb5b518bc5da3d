"""/api/v1/bills: the bill list (the page's filters) and one bill's journey."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field, field_validator

from bills import selectors
from bills.models import Bill
from bills.views import BILLS_PER_PAGE
from tracker.converters import MAX_ID
from tracker.made_up_ids import unless_made_up
from tracker.web_links import web_url

from . import schemas
from .common import ERRORS, BillId, blank_is_none, corrected, member_ref
from .http import bill_resource, resource
from .links import api_url, blank_as_null, links, page_links

router = Router(tags=["bills"])
MAX_PER_PAGE = 100


class BillListQuery(Schema):
    q: str = Field("", max_length=200, description="words in the short, long or former title")
    session: int | None = Field(None, ge=1, le=MAX_ID, description="Bills API session id")
    house: Literal["Commons", "Lords", "Unassigned"] | None = Field(None, description="the House the bill is in now")
    stage: int | None = Field(None, ge=1, le=MAX_ID, description="Bills API stage type id of its current stage")
    act: Literal["yes", "no"] | None = Field(None, description="became an Act, or not")
    page: int = Field(1, ge=1, le=MAX_ID)
    per_page: int = Field(BILLS_PER_PAGE, ge=1, le=MAX_PER_PAGE)

    _blank_is_none = field_validator("session", "house", "stage", "act", mode="before")(blank_is_none)


@router.get("/bills", response={200: schemas.BillList, **ERRORS}, url_name="bills",
            summary="Bills, most recent activity first, filtered as on the bill list page")
@resource
def bill_list(request: HttpRequest, filters: Query[BillListQuery]):
    page = selectors.bill_list_page(
        filters=selectors.BillFilters(q=filters.q.strip(), session=filters.session, house=filters.house or "",
                                      stage_type=filters.stage, is_act={"yes": True, "no": False}.get(filters.act)),
        page_number=filters.page, per_page=filters.per_page)
    return {**page_links(request, page), "results": [bill_summary(request, bill) for bill in page.object_list]}


def bill_summary(request: HttpRequest, bill: Bill) -> dict:
    stage = bill.current_stage
    return {
        "bills_api_id": bill.bills_api_id, "short_title": bill.short_title, "long_title": blank_as_null(bill.long_title),
        "current_house": blank_as_null(bill.current_house), "current_stage": stage.description if stage else None,
        "is_act": bill.is_act, "last_sitting": bill.last_sitting, "corrected": corrected(bill),
        "links": links(request, "bill", (bill.bills_api_id,), bill),
    }


@router.get("/bills/{bills_api_id}", response={200: schemas.Bill, **ERRORS}, url_name="bill",
            summary="A bill: sponsors, stages with their sittings, publications and what happens next")
@bill_resource
def bill_detail(request: HttpRequest, bills_api_id: BillId):
    journey = selectors.bill_journey(bills_api_id=bills_api_id)
    bill, what_next = journey.bill, journey.what_next
    step = what_next.step
    return {
        "bills_api_id": bill.bills_api_id, "short_title": bill.short_title,
        "former_short_title": blank_as_null(bill.former_short_title), "long_title": blank_as_null(bill.long_title),
        "bill_type": bill.bill_type.name if bill.bill_type else None,
        "session": (bill.introduced_session.name or None) if bill.introduced_session else None,
        "originating_house": blank_as_null(bill.originating_house), "current_house": blank_as_null(bill.current_house),
        "current_stage": bill.current_stage.description if bill.current_stage else None,
        "is_act": bill.is_act, "act_name": blank_as_null(bill.act_name), "is_defeated": bill.is_defeated,
        "source_url": blank_as_null(bill.source_url),
        "sponsors": [member_ref(request, s.member, members_api_id=s.members_api_id, name=s.member_name,
                                party=s.party_name) for s in journey.sponsors],
        "stages": [{"bills_api_id": t.stage.bills_api_id, "house": t.house, "description": t.name,
                    "is_current": t.is_current,
                    "sittings": [{"bills_api_id": s.bills_api_id, "date": s.date} for s in t.stage.sittings.all()]}
                   for t in journey.timeline],
        "publications": [_publication(p) for p in journey.publications],
        "what_next": {"finished": blank_as_null(what_next.finished), "house": blank_as_null(step and step.house),
                      "name": step.name if step else None, "condition": blank_as_null(step and step.condition),
                      "sitting": what_next.sitting},
        "corrected": corrected(bill),
        "links": links(request, "bill", (bill.bills_api_id,), bill),
        "resources": {"clauses": api_url(request, "bill_clauses", bill.bills_api_id),
                      "amendments": api_url(request, "bill_amendments", bill.bills_api_id)},
    }


def _publication(publication) -> dict:
    """Its documents: only http(s) addresses, and none built from an id the tracker made up."""
    documents = [{"title": blank_as_null(link.get("title")), "url": url} for link in publication.links
                 if (url := unless_made_up(web_url(link.get("url")), publication.bills_api_id))]
    return {"bills_api_id": publication.bills_api_id, "title": publication.title,
            "house": blank_as_null(publication.house), "publication_type": blank_as_null(publication.publication_type),
            "display_date": publication.display_date, "links": documents}


