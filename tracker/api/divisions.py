"""/api/v1/divisions/{house}/{id}: a division with every vote (the division page's selector)."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Path, Router

from amendments import selectors

from . import schemas
from .amendments import division_summary
from .common import ERRORS, DivisionId, corrected, member_ref
from .http import resource
from .links import api_url, blank_as_null, links, page_url

router = Router(tags=["divisions"])


@router.get("/divisions/{house}/{source_id}", response={200: schemas.Division, **ERRORS}, url_name="division",
            summary="A division: its counts, tellers and every recorded vote, and what it decided")
@resource
def division_detail(request: HttpRequest, source_id: DivisionId,
                    house: Literal["commons", "lords"] = Path(..., description="commons or lords")):
    page = selectors.division_page(house=house, source_id=source_id)
    division, votes = page.division, page.votes
    recorded = [*votes.for_tellers, *votes.against_tellers,
                *(vote for party in votes.parties for vote in (*party.for_votes, *party.against_votes))]
    unique = sorted({vote.pk: vote for vote in recorded}.values(), key=lambda v: (v.name, v.members_api_id))
    bill = division.bill
    return {
        **division_summary(request, division),
        "bill": links(request, "bill", (bill.bills_api_id,), bill),
        "vote_lists_recorded": division.vote_lists_recorded, "is_government_win": division.is_government_win,
        "notes_html": blank_as_null(division.notes_html), "found_by": blank_as_null(division.found_by),
        "votes": [{"member": member_ref(request, vote.member, members_api_id=vote.members_api_id, name=vote.name,
                                        party=selectors.vote_party(vote)[0]),
                   "lobby": vote.get_lobby_display(), "is_teller": vote.is_teller,
                   "proxy_name": blank_as_null(vote.proxy_name)} for vote in unique],
        "decides": [{"kind": link.kind, "number": link.number,
                     "amendment": api_url(request, "amendment", link.amendment.bills_api_id) if link.amendment else None,
                     "page": page_url(request, decided) if (decided := link.amendment or link.ping_pong_item
                                                            or link.grouped_amendment) else None,
                     "method": link.method} for link in votes.links],
        "source_url": blank_as_null(division.source_url),
        "corrected": corrected(division),
        "links": {**links(request, "division", (house, division.source_id), division),
                  "csv": request.build_absolute_uri(reverse("amendments:division_votes_csv",
                                                            args=[house, division.source_id]))},
    }
