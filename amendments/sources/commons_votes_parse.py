"""Parse Commons Votes API divisions (`PublishedDivision`, PascalCase keys).

`AyeCount` and `NoCount` are kept as the API gives them and never recomputed from the lists:
in division 1873 `AyeCount` is 336 while `Ayes` has 333 members and `AyeTellers` 2.
"""

from __future__ import annotations

import datetime as dt
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
    each_entry,
    optional_datetime,
    optional_int,
    optional_str,
    parse_each,
    required_bool,
    required_int,
)


@dataclass(frozen=True, kw_only=True)
class CommonsDivision(Division):
    """Mirrors the Commons Votes API PublishedDivision schema; Ayes, Noes and their tellers
    are in `votes`."""

    publication_updated: dt.datetime | None
    is_deferred: bool
    evel_type: str | None
    evel_country: str | None
    aye_count: int
    no_count: int
    double_majority_aye_count: int | None
    double_majority_no_count: int | None
    friendly_description: str | None
    friendly_title: str | None
    no_vote_recorded: tuple[DivisionMember, ...]


_LOBBIES = (Lobby("Ayes", "AyeTellers", Vote.AYE), Lobby("Noes", "NoTellers", Vote.NO))


def parse_commons_division(raw: Any) -> CommonsDivision:
    """`GET /data/division/{divisionId}.json`."""
    where = "PublishedDivision"
    raw = as_mapping(raw, where=where)
    return CommonsDivision(
        **division_fields(
            raw,
            house="Commons",
            key=_pascal_case,
            lobbies=_LOBBIES,
            parse_member=_recorded_member,
            where=where,
        ),
        publication_updated=optional_datetime(raw, "PublicationUpdated", where=where),
        is_deferred=required_bool(raw, "IsDeferred", where=where),
        evel_type=optional_str(raw, "EVELType", where=where),
        evel_country=optional_str(raw, "EVELCountry", where=where),
        aye_count=required_int(raw, "AyeCount", where=where),
        no_count=required_int(raw, "NoCount", where=where),
        double_majority_aye_count=optional_int(raw, "DoubleMajorityAyeCount", where=where),
        double_majority_no_count=optional_int(raw, "DoubleMajorityNoCount", where=where),
        friendly_description=optional_str(raw, "FriendlyDescription", where=where),
        friendly_title=optional_str(raw, "FriendlyTitle", where=where),
        no_vote_recorded=each_entry(raw, "NoVoteRecorded", _recorded_member, where=where),
    )


def parse_commons_division_search(raw: Any) -> Parsed[CommonsDivision]:
    """`GET /data/divisions.json/search`: a bare array, without a total. The sample's
    search results carry tellers but empty Ayes and Noes lists."""
    where = "divisions.json/search"
    return parse_each(as_list(raw, where=where), parse_commons_division, where=where)


def _recorded_member(raw: Any, where: str) -> DivisionMember:
    where = f"{where} (RecordedMember)"
    raw = as_mapping(raw, where=where)
    return division_member(
        raw,
        key=_pascal_case,
        where=where,
        sub_party=optional_str(raw, "SubParty", where=where),
        proxy_name=optional_str(raw, "ProxyName", where=where),
    )


def _pascal_case(camel_case: str) -> str:
    return camel_case[:1].upper() + camel_case[1:]
