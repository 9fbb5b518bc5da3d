"""Parse Members API responses (members-api.parliament.uk/api) into frozen dataclasses.

Pure functions: raw JSON (as loaded by `json.loads`) in, dataclasses out. The spec
(openapi/members-api.json) marks its nullable fields, and those are optional here; every
other field is required. Enums stay the API's numbers: `house` is 1 (Commons) or 2 (Lords);
`house_name` gives the word the Bills and Votes APIs use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tracker.parsing import (
    ParseError,
    as_mapping,
    optional_datetime,
    optional_int,
    optional_object,
    optional_str,
    parse_each_in,
    required,
    required_bool,
    required_int,
)

HOUSE_NAMES = {1: "Commons", 2: "Lords"}


def house_name(house: int | None) -> str | None:
    """The Members API's house number as the Bills and Votes APIs write it; None if unknown."""
    return HOUSE_NAMES.get(house) if house is not None else None


def normalise_colour(colour: str | None) -> str | None:
    """A party colour (hex without '#') in lower case; the API mixes `ffffff` and `FFFFFF`."""
    return colour.lower() if colour is not None else None


@dataclass(frozen=True)
class Party:
    """Mirrors the Members API Party schema. Colours are kept exactly as given."""

    id: int
    name: str | None
    abbreviation: str | None
    background_colour: str | None
    foreground_colour: str | None
    is_lords_main_party: bool
    is_lords_spiritual_party: bool
    government_type: int | None  # the API's GovernmentType number, 0 to 3
    is_independent_party: bool


@dataclass(frozen=True)
class HouseMembershipStatus:
    """Mirrors the Members API HouseMembershipStatus schema."""

    status_is_active: bool
    status_description: str | None
    status_notes: str | None
    status_id: int | None
    status: int | None  # the API's MemberStatus number, 0 to 3
    status_start_date: dt.datetime | None


@dataclass(frozen=True)
class HouseMembership:
    """Mirrors the Members API HouseMembership schema."""

    membership_from: str | None  # a constituency, or e.g. "Life peer"
    membership_from_id: int | None
    house: int | None  # 1 = Commons, 2 = Lords
    membership_start_date: dt.datetime | None
    membership_end_date: dt.datetime | None
    membership_end_reason: str | None
    membership_end_reason_notes: str | None
    membership_end_reason_id: int | None
    membership_status: HouseMembershipStatus | None

    @property
    def house_name(self) -> str | None:
        return house_name(self.house)


def sits_now(membership: HouseMembership, *, now: dt.datetime) -> bool:
    """Whether the member sits in the House now: read from the membership's end date, not from
    its status, which is inactive for a member on leave of absence or suspended (who still sits)."""
    end = membership.membership_end_date
    if end is None:
        return True
    return end > (now if end.tzinfo else now.replace(tzinfo=None))


@dataclass(frozen=True)
class Member:
    """Mirrors the Members API Member schema."""

    id: int
    name_list_as: str | None
    name_display_as: str | None
    name_full_title: str | None
    name_address_as: str | None
    latest_party: Party | None
    gender: str | None
    latest_house_membership: HouseMembership | None
    thumbnail_url: str | None


@dataclass(frozen=True)
class MemberSearchResult:
    """Mirrors the Members API MemberMembersServiceSearchResult schema (GET /Members/Search).

    `total_results` is as the API gives it, even where it disagrees with the items sent.
    `errors` holds one ParseError per item that did not parse; the good items are kept.
    """

    items: tuple[Member, ...]
    errors: tuple[ParseError, ...]
    total_results: int
    skip: int
    take: int

    @property
    def items_received(self) -> int:
        """How many items the page carried, parsed or not: what the next `skip` adds."""
        return len(self.items) + len(self.errors)


def parse_party(raw: Any) -> Party:
    where = "Party"
    raw = as_mapping(raw, where=where)
    return Party(
        id=required_int(raw, "id", where=where),
        name=optional_str(raw, "name", where=where),
        abbreviation=optional_str(raw, "abbreviation", where=where),
        background_colour=optional_str(raw, "backgroundColour", where=where),
        foreground_colour=optional_str(raw, "foregroundColour", where=where),
        is_lords_main_party=required_bool(raw, "isLordsMainParty", where=where),
        is_lords_spiritual_party=required_bool(raw, "isLordsSpiritualParty", where=where),
        government_type=optional_int(raw, "governmentType", where=where),
        is_independent_party=required_bool(raw, "isIndependentParty", where=where),
    )


def _parse_membership_status(raw: Any) -> HouseMembershipStatus:
    where = "HouseMembershipStatus"
    raw = as_mapping(raw, where=where)
    return HouseMembershipStatus(
        status_is_active=required_bool(raw, "statusIsActive", where=where),
        status_description=optional_str(raw, "statusDescription", where=where),
        status_notes=optional_str(raw, "statusNotes", where=where),
        status_id=optional_int(raw, "statusId", where=where),
        status=optional_int(raw, "status", where=where),
        status_start_date=optional_datetime(raw, "statusStartDate", where=where),
    )


def _parse_house_membership(raw: Any) -> HouseMembership:
    where = "HouseMembership"
    raw = as_mapping(raw, where=where)
    return HouseMembership(
        membership_from=optional_str(raw, "membershipFrom", where=where),
        membership_from_id=optional_int(raw, "membershipFromId", where=where),
        house=optional_int(raw, "house", where=where),
        membership_start_date=optional_datetime(raw, "membershipStartDate", where=where),
        membership_end_date=optional_datetime(raw, "membershipEndDate", where=where),
        membership_end_reason=optional_str(raw, "membershipEndReason", where=where),
        membership_end_reason_notes=optional_str(raw, "membershipEndReasonNotes", where=where),
        membership_end_reason_id=optional_int(raw, "membershipEndReasonId", where=where),
        membership_status=optional_object(raw, "membershipStatus", _parse_membership_status),
    )


def parse_member(raw: Any) -> Member:
    """A bare Member object (the `value` of a MemberItem)."""
    where = "Member"
    raw = as_mapping(raw, where=where)
    return Member(
        id=required_int(raw, "id", where=where),
        name_list_as=optional_str(raw, "nameListAs", where=where),
        name_display_as=optional_str(raw, "nameDisplayAs", where=where),
        name_full_title=optional_str(raw, "nameFullTitle", where=where),
        name_address_as=optional_str(raw, "nameAddressAs", where=where),
        latest_party=optional_object(raw, "latestParty", parse_party),
        gender=optional_str(raw, "gender", where=where),
        latest_house_membership=optional_object(
            raw, "latestHouseMembership", _parse_house_membership
        ),
        thumbnail_url=optional_str(raw, "thumbnailUrl", where=where),
    )


def parse_member_item(raw: Any) -> Member:
    """GET /Members/{id}: the `{value: Member, links}` wrapper. A null value is an error."""
    where = "MemberItem"
    return parse_member(required(as_mapping(raw, where=where), "value", where=where))


def parse_member_search(raw: Any) -> MemberSearchResult:
    """GET /Members/Search: `{items: [{value, links}], totalResults, skip, take, ...}`."""
    where = "MemberMembersServiceSearchResult"
    raw = as_mapping(raw, where=where)
    parsed = parse_each_in(raw, "items", parse_member_item, where=where)
    return MemberSearchResult(
        items=parsed.items,
        errors=parsed.errors,
        total_results=required_int(raw, "totalResults", where=where),
        skip=required_int(raw, "skip", where=where),
        take=required_int(raw, "take", where=where),
    )
