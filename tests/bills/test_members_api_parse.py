"""Members API parsers, on real captured responses and one hand-written spec-shaped member.

`spec_shaped_member.json` is synthetic (id 9000501): the pack holds no /Members/{id} response.
"""

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from bills.sources.members_api_parse import (
    house_name,
    normalise_colour,
    parse_member_item,
    parse_member_search,
    parse_party,
)
from tracker.parsing import ParseError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "members_api"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def members_by_id(raw: Any) -> dict:
    return {member.id: member for member in parse_member_search(raw).items}


def test_search_parses_every_item_and_reports_the_total_as_given():
    result = parse_member_search(load("members_search.json"))

    # The capture says totalResults 2 but carries 3 items.
    assert result.total_results == 2
    assert result.items_received == 3
    assert [member.id for member in result.items] == [4514, 3305, 4544]
    assert result.errors == ()
    assert (result.skip, result.take) == (0, 20)


def test_commons_member():
    starmer = members_by_id(load("members_search.json"))[4514]

    assert starmer.name_display_as == "Sir Keir Starmer"
    assert starmer.name_list_as == "Starmer, Sir Keir"
    assert starmer.name_full_title == "Rt Hon Sir Keir Starmer MP"
    assert starmer.name_address_as is None
    assert starmer.gender == "M"
    assert starmer.thumbnail_url == "https://members-api.parliament.uk/api/Members/4514/Thumbnail"
    party = starmer.latest_party
    assert (party.id, party.name, party.abbreviation) == (15, "Labour", "Lab")
    assert (party.background_colour, party.foreground_colour) == ("d50000", "ffffff")
    assert party.government_type == 0
    membership = starmer.latest_house_membership
    assert (membership.house, membership.house_name) == (1, "Commons")
    assert (membership.membership_from, membership.membership_from_id) == (
        "Holborn and St Pancras",
        4105,
    )
    assert membership.membership_start_date == dt.datetime(2015, 5, 7)
    assert membership.membership_end_date is None
    status = membership.membership_status
    assert (status.status_is_active, status.status_description) == (True, "Current Member")
    assert status.status_start_date == dt.datetime(2024, 7, 4)


def test_former_lords_member_without_status():
    aberconway = members_by_id(load("members_search.json"))[3305]

    membership = aberconway.latest_house_membership
    assert (membership.house, membership.house_name) == (2, "Lords")
    assert membership.membership_from == "Hereditary"
    assert membership.membership_end_date == dt.datetime(1999, 11, 11)
    assert (membership.membership_end_reason, membership.membership_end_reason_id) == (
        "Excluded",
        14,
    )
    assert membership.membership_status is None


def test_lords_member_on_leave_of_absence():
    mone = members_by_id(load("members_search.json"))[4544]

    assert mone.name_display_as == "Baroness Mone"
    assert mone.latest_house_membership.membership_from == "Life peer"
    status = mone.latest_house_membership.membership_status
    assert (status.status_is_active, status.status_description) == (False, "Leave of Absence")
    assert (status.status_id, status.status) == (2, 2)


def test_single_member_wrapper():
    member = parse_member_item(load("spec_shaped_member.json"))

    assert (member.id, member.name_display_as) == (9000501, "Example Member")
    assert member.latest_party is None
    assert member.gender is None
    assert member.latest_house_membership.house_name == "Commons"
    assert member.latest_house_membership.membership_status.status is None


def test_search_item_and_single_member_share_the_wrapper():
    raw = load("members_search.json")

    assert parse_member_item(raw["items"][1]) == parse_member_search(raw).items[1]


def test_unknown_fields_are_ignored():
    raw = load("members_search.json")
    extended = copy.deepcopy(raw)
    extended["aNewTopLevelField"] = 1
    extended["items"][0]["value"]["aNewMemberField"] = "x"
    extended["items"][0]["value"]["latestParty"]["aNewPartyField"] = None

    assert parse_member_search(extended) == parse_member_search(raw)


def test_member_without_id_fails_alone():
    raw = load("members_search.json")
    del raw["items"][1]["value"]["id"]

    result = parse_member_search(raw)

    assert [member.id for member in result.items] == [4514, 4544]
    [error] = result.errors
    assert "items[1]" in str(error) and "'id'" in str(error)
    assert result.items_received == 3


def test_null_value_is_an_error():
    with pytest.raises(ParseError, match="value"):
        parse_member_item({"value": None, "links": []})


def test_house_given_as_a_word_is_an_error():
    raw = load("spec_shaped_member.json")
    raw["value"]["latestHouseMembership"]["house"] = "Commons"

    with pytest.raises(ParseError, match="house"):
        parse_member_item(raw)


def test_parties_keep_their_colours_as_given():
    raw = load("members_parties_stateoftheparties_commons.json")
    parties = {
        party.id: party for party in (parse_party(item["value"]["party"]) for item in raw["items"])
    }

    liberal_democrat = parties[17]
    assert (liberal_democrat.name, liberal_democrat.abbreviation) == ("Liberal Democrat", "LD")
    assert liberal_democrat.foreground_colour == "FFFFFF"
    assert liberal_democrat.government_type is None
    speaker = parties[47]
    assert (speaker.background_colour, speaker.foreground_colour) == (None, None)
    assert parties[8].is_independent_party is True
    assert parties[15].is_lords_spiritual_party is True


def test_normalise_colour():
    assert normalise_colour("FFFFFF") == "ffffff"
    assert normalise_colour("faa01a") == "faa01a"
    assert normalise_colour(None) is None


def test_house_name():
    assert [house_name(1), house_name(2)] == ["Commons", "Lords"]
    assert house_name(3) is None
    assert house_name(None) is None
