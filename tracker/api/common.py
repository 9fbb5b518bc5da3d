"""Small conversions every resource uses: a member reference, corrected marks, ids in range."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path

from bills.models import Member
from tracker.converters import MAX_ID
from tracker.corrections.models import Override

from .links import api_url, page_url
from .schemas import Error



def source_id(description: str, example: int) -> type:
    """An id in a path, in the range ids are stored in: anything else is refused with 400
    before a query runs. The example is the bundled demo's (the docs page fills it in)."""
    return Annotated[int, Path(ge=1, le=MAX_ID, description=description, example=example)]


BillId = source_id("the Bills API id of the bill", 3159)
AmendmentId = source_id("the Bills API id of the amendment (amendmentId)", 9006001)
DivisionId = source_id("the votes API's id of the division", 9008002)
MemberId = source_id("the Members API id of the member", 9000001)
ERRORS = {400: Error, 404: Error, 429: Error}  # 429: over the rate limit (tracker.api.http)


def member_ref(request: HttpRequest, member: Member | None, *, members_api_id: int | None = None,
               name: str = "", party: str = "") -> dict:
    """Someone as a record names them; links only when the member is stored here."""
    return {
        "members_api_id": member.members_api_id if member else members_api_id,
        "name": name or (member.name_display_as if member else "") or None,
        "party": party or (member.party.name if member and _party_read(member) and member.party else "") or None,
        "api": api_url(request, "member", member.members_api_id) if member else None,
        "page": page_url(request, member) if member else None,
    }


def corrected(obj) -> list[dict]:
    """The fields an editor corrected on this record (selectors attach them), with the reason and when."""
    return [correction(override.label, override) for override in getattr(obj, "corrected", {}).values()]


def correction(field: str, override: Override) -> dict:
    """The value `field` names rests on this editor's correction."""
    return {"field": field, "reason": override.reason, "corrected_at": override.updated_at}


def _party_read(member: Member) -> bool:
    """The member's party came with the member (no query to read it)."""
    return Member._meta.get_field("party").is_cached(member)


def blank_is_none(value: Any) -> Any:
    """A filter left empty in a page's form (`?house=&act=`) is no filter, as on the page."""
    return None if value == "" else value
