"""Parse Lords Votes API divisions (`DivisionViewModel`, camelCase keys, Content/Not Content).

The three kinds of count are kept apart as the API gives them: authoritative (the official
count), teller and member. In division 3172 authoritative content is 36, member content 34,
and `contents` lists 36 members, its two tellers among them.

The spec marks no field required. The division's id, date, authoritative counts and
`isGovernmentContent` fail the division when missing; the teller and member counts, the
division number and the other flags read as None when absent (the record does not give them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from amendments.sources.divisions import (
    Division,
    DivisionMember,
    Lobby,
    Vote,
    division_fields,
    division_member,
)
from tracker.parsing import (
    Parsed,
    as_list,
    as_mapping,
    optional_bool,
    optional_int,
    optional_str,
    parse_each,
    required_bool,
    required_int,
)


@dataclass(frozen=True, kw_only=True)
class LordsDivision(Division):
    """Mirrors the Lords Votes API DivisionViewModel schema; contents, notContents and their
    tellers are in `votes`."""

    notes: str | None
    is_whipped: bool | None
    is_government_content: bool
    authoritative_content_count: int
    authoritative_not_content_count: int
    division_had_tellers: bool | None
    teller_content_count: int | None
    teller_not_content_count: int | None
    member_content_count: int | None
    member_not_content_count: int | None
    sponsoring_member_id: int | None
    is_house: bool | None
    is_inquorate: bool | None  # in the spec, but absent from the captured response
    amendment_motion_notes: str | None  # raw HTML: names the amendment or motion decided
    is_government_win: bool | None
    division_was_exclusively_remote: bool | None


_LOBBIES = (
    Lobby("contents", "contentTellers", Vote.CONTENT),
    Lobby("notContents", "notContentTellers", Vote.NOT_CONTENT),
)


def parse_lords_division(raw: Any) -> LordsDivision:
    """`GET /data/Divisions/{divisionId}`."""
    where = "DivisionViewModel"
    raw = as_mapping(raw, where=where)
    return LordsDivision(
        **division_fields(
            raw, house="Lords", key=str, lobbies=_LOBBIES, parse_member=_member_view_model, where=where
        ),
        notes=optional_str(raw, "notes", where=where),
        is_whipped=optional_bool(raw, "isWhipped", where=where),
        is_government_content=required_bool(raw, "isGovernmentContent", where=where),
        authoritative_content_count=required_int(raw, "authoritativeContentCount", where=where),
        authoritative_not_content_count=required_int(raw, "authoritativeNotContentCount", where=where),
        division_had_tellers=optional_bool(raw, "divisionHadTellers", where=where),
        teller_content_count=optional_int(raw, "tellerContentCount", where=where),
        teller_not_content_count=optional_int(raw, "tellerNotContentCount", where=where),
        member_content_count=optional_int(raw, "memberContentCount", where=where),
        member_not_content_count=optional_int(raw, "memberNotContentCount", where=where),
        sponsoring_member_id=optional_int(raw, "sponsoringMemberId", where=where),
        is_house=optional_bool(raw, "isHouse", where=where),
        is_inquorate=optional_bool(raw, "isInquorate", where=where),
        amendment_motion_notes=optional_str(raw, "amendmentMotionNotes", where=where),
        is_government_win=optional_bool(raw, "isGovernmentWin", where=where),
        division_was_exclusively_remote=optional_bool(raw, "divisionWasExclusivelyRemote", where=where),
    )


def parse_lords_division_search(raw: Any) -> Parsed[LordsDivision]:
    """`GET /data/Divisions/search`: a bare array, without a total."""
    where = "Divisions/search"
    return parse_each(as_list(raw, where=where), parse_lords_division, where=where)


def _member_view_model(raw: Any, where: str) -> DivisionMember:
    where = f"{where} (MemberViewModel)"
    raw = as_mapping(raw, where=where)
    return division_member(
        raw,
        key=str,
        where=where,
        party_is_main_party=required_bool(raw, "partyIsMainParty", where=where),
    )
