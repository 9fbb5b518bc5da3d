"""The shape both votes APIs share: a division, its members and one vote per member.

The Commons Votes API (PascalCase, Aye/No) and the Lords Votes API (camelCase, Content/Not
Content) describe divisions alike; their parsers build these classes, and each House's
division class adds the fields only that House's API has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from tracker.parsing import (
    each_entry,
    optional_datetime,
    optional_int,
    optional_str,
    required_datetime,
    required_int,
)

House = Literal["Commons", "Lords"]
KeyCase = Callable[[str], str]  # turns a camelCase field name into the API's own


class Vote(StrEnum):
    """Which lobby a member voted in, in each House's own words."""

    AYE = "aye"
    NO = "no"
    CONTENT = "content"
    NOT_CONTENT = "not_content"


@dataclass(frozen=True, kw_only=True)
class DivisionMember:
    """Mirrors the Commons Votes RecordedMember and Lords Votes MemberViewModel schemas, which
    share their fields but for key case; a field only one House sends is None for the other."""

    member_id: int  # Members API id
    name: str | None
    list_as: str | None
    member_from: str | None  # constituency, or e.g. "Life peer"
    party: str | None
    party_abbreviation: str | None
    party_colour: str | None  # hex without '#'
    sub_party: str | None = None  # Commons only, e.g. "Co-op"
    proxy_name: str | None = None  # Commons only: who cast the member's proxy vote
    party_is_main_party: bool | None = None  # Lords only


@dataclass(frozen=True, kw_only=True)
class MemberVote:
    """One member's vote in a division, read from the votes API list the member appears in."""

    member: DivisionMember
    vote: Vote
    is_teller: bool


@dataclass(frozen=True, kw_only=True)
class Division:
    """The fields the Commons Votes PublishedDivision and Lords Votes DivisionViewModel schemas
    share. `votes` has one entry per member who voted, tellers included and marked."""

    house: House
    division_id: int  # the votes API's own id, not the Hansard division number
    date: dt.datetime  # Lords: midnight only
    number: int | None  # the division number in that House's session; None: not given
    title: str | None
    votes: tuple[MemberVote, ...]
    remote_voting_start: dt.datetime | None
    remote_voting_end: dt.datetime | None


@dataclass(frozen=True)
class Lobby:
    """Where one lobby's voters and tellers are listed in a division document."""

    members_key: str
    tellers_key: str
    vote: Vote


def division_fields(
    raw: Mapping[str, Any],
    *,
    house: House,
    key: KeyCase,
    lobbies: Iterable[Lobby],
    parse_member: Callable[[Any, str], DivisionMember],
    where: str,
) -> dict[str, Any]:
    """The `Division` fields of a division document; the caller adds its House's own."""
    votes: tuple[MemberVote, ...] = ()
    for lobby in lobbies:
        members = each_entry(raw, lobby.members_key, parse_member, where=where)
        tellers = each_entry(raw, lobby.tellers_key, parse_member, where=where)
        votes += _lobby_votes(members, tellers, lobby.vote)
    return {
        "house": house,
        "division_id": required_int(raw, key("divisionId"), where=where),
        "date": required_datetime(raw, key("date"), where=where),
        "number": optional_int(raw, key("number"), where=where),
        "title": optional_str(raw, key("title"), where=where),
        "votes": votes,
        "remote_voting_start": optional_datetime(raw, key("remoteVotingStart"), where=where),
        "remote_voting_end": optional_datetime(raw, key("remoteVotingEnd"), where=where),
    }


def division_member(raw: Mapping[str, Any], *, key: KeyCase, where: str, **house_only: Any) -> DivisionMember:
    """The member fields both Houses send; the caller reads its House's own into `house_only`."""
    return DivisionMember(
        member_id=required_int(raw, key("memberId"), where=where),
        name=optional_str(raw, key("name"), where=where),
        list_as=optional_str(raw, key("listAs"), where=where),
        member_from=optional_str(raw, key("memberFrom"), where=where),
        party=optional_str(raw, key("party"), where=where),
        party_abbreviation=optional_str(raw, key("partyAbbreviation"), where=where),
        party_colour=optional_str(raw, key("partyColour"), where=where),
        **house_only,
    )


def _lobby_votes(
    members: Sequence[DivisionMember], tellers: Sequence[DivisionMember], vote: Vote
) -> tuple[MemberVote, ...]:
    """One vote per member of a lobby. The Commons lists tellers apart from Ayes and Noes; the
    Lords lists them in contents and notContents too. Either way each teller gets one vote."""
    teller_ids = {teller.member_id for teller in tellers}
    listed_ids = {member.member_id for member in members}
    listed = [MemberVote(member=m, vote=vote, is_teller=m.member_id in teller_ids) for m in members]
    unlisted_tellers = [
        MemberVote(member=teller, vote=vote, is_teller=True)
        for teller in tellers
        if teller.member_id not in listed_ids
    ]
    return tuple(listed + unlisted_tellers)
