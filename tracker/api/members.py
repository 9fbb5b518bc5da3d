"""/api/v1/members/{id}: a member's amendments, votes and contributions (the member page's selector)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from tracker.listing import WHOLE
from tracker.site.selectors import member_page

from . import schemas
from .amendments import division_summary, sponsored_ref
from .common import ERRORS, MemberId, corrected
from .http import resource
from .links import blank_as_null, links, page_url

router = Router(tags=["members"])


@router.get("/members/{members_api_id}", response={200: schemas.Member, **ERRORS}, url_name="member",
            summary="A member: the bills in their charge, the amendments they led or signed, their votes and words")
@resource
def member_detail(request: HttpRequest, members_api_id: MemberId):
    page = member_page(members_api_id=members_api_id, query=WHOLE)  # every amendment and vote
    member, activity = page.member, page.activity
    return {
        "members_api_id": member.members_api_id, "name": member.name_display_as,
        "party": member.party.name if member.party else None, "house": blank_as_null(member.house),
        "membership_from": blank_as_null(member.membership_from), "is_current": member.is_current,
        "sponsored_bills": [links(request, "bill", (bill.bills_api_id,), bill) for bill in page.sponsored_bills],
        "amendments": [sponsored_ref(request, s) for s in (*activity.led, *activity.supported)],
        "votes": [{"division": division_summary(request, vote.division), "bill": vote.division.bill.short_title,
                   "lobby": vote.get_lobby_display(), "is_teller": vote.is_teller} for vote in activity.votes],
        "contributions": [{"debate": c.contribution.debate.title, "date": c.contribution.debate.date,
                           "house": c.contribution.debate.house,
                           "column_reference": blank_as_null(c.contribution.column_reference),
                           "text": blank_as_null(c.contribution.text_plain), "page": page_url(request, c.contribution)}
                          for c in page.contributions.contributions],
        "contributions_total": page.contributions.total,
        "corrected": corrected(member),
        "links": links(request, "member", (member.members_api_id,), member),
    }
