"""Commons Votes API parser, on real captured responses (tests/fixtures/commons_votes/)."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from amendments.sources.commons_votes_parse import parse_commons_division, parse_commons_division_search
from amendments.sources.divisions import Vote
from tracker.parsing import ParseError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "commons_votes"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def division_1873() -> Any:
    return load("commonsvotes_division_1873.json")


def test_division_1873_header():
    division = parse_commons_division(division_1873())

    assert (division.house, division.division_id, division.number) == ("Commons", 1873, 47)
    assert division.date == dt.datetime(2024, 11, 25, 21, 50)
    assert division.publication_updated == dt.datetime(2024, 11, 26, 9, 52, 43)
    assert division.title == "Non-Domestic Rating (Multipliers and Private Schools) Bill: Second Reading"
    assert division.is_deferred is False
    assert (division.evel_type, division.evel_country) == ("", "")
    assert (division.double_majority_aye_count, division.double_majority_no_count) == (None, None)
    assert (division.friendly_description, division.friendly_title) == (None, None)
    assert (division.remote_voting_start, division.remote_voting_end) == (None, None)


def test_division_1873_counts_are_stored_as_given_not_recomputed():
    division = parse_commons_division(division_1873())
    ayes = [v for v in division.votes if v.vote is Vote.AYE]
    noes = [v for v in division.votes if v.vote is Vote.NO]

    assert (division.aye_count, division.no_count) == (336, 175)
    assert sum(not v.is_teller for v in ayes) == 333
    assert sum(v.is_teller for v in ayes) == 2
    assert sum(not v.is_teller for v in noes) == 174
    assert sum(v.is_teller for v in noes) == 2
    assert len(division.no_vote_recorded) == 139


def test_division_1873_tellers_and_members():
    division = parse_commons_division(division_1873())
    tellers = {(v.vote, v.member.name) for v in division.votes if v.is_teller}

    assert tellers == {
        (Vote.AYE, "Anna Turley"),
        (Vote.AYE, "Keir Mather"),
        (Vote.NO, "Greg Smith"),
        (Vote.NO, "James Wild"),
    }
    first_aye = division.votes[0].member
    assert (first_aye.member_id, first_aye.name, first_aye.list_as) == (146, "Barry Gardiner", "Gardiner, Barry")
    assert (first_aye.party, first_aye.party_abbreviation, first_aye.party_colour) == ("Labour", "Lab", "d50000")
    assert first_aye.member_from == "Brent West"
    assert first_aye.party_is_main_party is None  # a Lords-only field


def test_division_1873_keeps_sub_party_and_proxy():
    division = parse_commons_division(division_1873())
    by_id = {v.member.member_id: v.member for v in division.votes}

    assert by_id[4449].sub_party == "Co-op"  # Anna Turley, an Aye teller
    assert by_id[4667].proxy_name == "Chris Elmore"  # Mike Amesbury
    assert sum(v.member.proxy_name is not None for v in division.votes) == 3
    assert division.no_vote_recorded[0].name == "Diane Abbott"


def test_search_result_is_a_bare_array_of_25_divisions_with_tellers_only():
    parsed = parse_commons_division_search(load("commonsvotes_divisions_search.json"))

    assert parsed.errors == ()
    assert [d.division_id for d in parsed.items[:3]] == [1873, 1872, 1871]
    assert len(parsed.items) == 25
    latest = parsed.items[0]
    assert (latest.aye_count, latest.no_count) == (336, 175)
    assert [v.is_teller for v in latest.votes] == [True] * 4
    assert parsed.items[2].title == (
        "Passenger Railway Services (Public Ownership) Bill: motion to disagree with Lords Amendment 2"
    )


def test_deferred_division_has_null_tellers_and_no_votes():
    parsed = parse_commons_division_search(load("commonsvotes_divisions_search.json"))
    deferred = {d.division_id: d for d in parsed.items}[1869]

    assert deferred.is_deferred is True
    assert (deferred.aye_count, deferred.no_count) == (412, 16)
    assert deferred.votes == ()


def test_friendly_description_is_kept():
    parsed = parse_commons_division_search(load("commonsvotes_divisions_search.json"))

    assert {d.division_id: d.friendly_description for d in parsed.items}[1866] == "New Clause 7"


def test_one_bad_division_in_a_search_result_fails_alone():
    raw = load("commonsvotes_divisions_search.json")
    del raw[1]["AyeCount"]

    parsed = parse_commons_division_search(raw)

    assert len(parsed.items) == 24
    assert len(parsed.errors) == 1
    assert "[1]" in str(parsed.errors[0])
    assert "'AyeCount'" in str(parsed.errors[0])


def test_a_voter_without_member_id_fails_the_division():
    raw = division_1873()
    del raw["Noes"][5]["MemberId"]

    with pytest.raises(ParseError, match=r"Noes\[5\].*'MemberId'"):
        parse_commons_division(raw)


def test_unknown_extra_fields_are_ignored():
    raw = division_1873()
    raw["ExampleFieldNotInSpec"] = 1
    raw["Ayes"][0]["ExampleFieldNotInSpec"] = "x"

    assert parse_commons_division(raw) == parse_commons_division(division_1873())


def test_search_result_that_is_not_an_array_is_a_parse_error():
    with pytest.raises(ParseError, match="expected a list"):
        parse_commons_division_search({"items": []})
