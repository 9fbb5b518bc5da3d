"""Lords Votes API parser, on the real captured search response (tests/fixtures/lords_votes/)."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from amendments.sources.divisions import Vote
from amendments.sources.lords_votes_parse import parse_lords_division, parse_lords_division_search
from tracker.parsing import ParseError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lords_votes"


def search_response() -> Any:
    return json.loads((FIXTURES / "lordsvotes_divisions_search.json").read_text(encoding="utf-8"))


def division_3172() -> Any:
    """The one DivisionViewModel in the search response (the same shape as /data/Divisions/{id})."""
    return search_response()[0]


def test_search_result_is_a_bare_array():
    parsed = parse_lords_division_search(search_response())

    assert parsed.errors == ()
    assert [d.division_id for d in parsed.items] == [3172]


def test_division_3172_header():
    division = parse_lords_division(division_3172())

    assert (division.house, division.division_id, division.number) == ("Lords", 3172, 5)
    assert division.date == dt.datetime(2024, 11, 20)  # midnight only
    assert division.remote_voting_start == dt.datetime(2024, 11, 20, 21, 20, 21)
    assert division.remote_voting_end == dt.datetime(2024, 11, 20, 21, 28, 21)
    assert division.title == "Water (Special Measures) Bill [HL]"
    assert division.notes is None
    assert (division.is_whipped, division.is_government_content) == (False, False)
    assert division.sponsoring_member_id == 4953
    assert division.is_house is True
    assert division.is_government_win is None
    assert division.division_was_exclusively_remote is False
    assert division.amendment_motion_notes == (
        "<p>Lord Roborough moved amendment 51, to leave out clause 10. The House divided:</p>"
    )


def test_division_3172_keeps_the_three_kinds_of_count_apart():
    division = parse_lords_division(division_3172())

    assert division.division_had_tellers is True
    assert (division.authoritative_content_count, division.authoritative_not_content_count) == (36, 89)
    assert (division.teller_content_count, division.teller_not_content_count) == (36, 89)
    assert (division.member_content_count, division.member_not_content_count) == (34, 87)


def test_division_3172_votes_count_each_teller_once():
    division = parse_lords_division(division_3172())
    contents = [v for v in division.votes if v.vote is Vote.CONTENT]
    not_contents = [v for v in division.votes if v.vote is Vote.NOT_CONTENT]

    assert len(contents) == 36  # as many as contents[]: its two tellers are listed there too
    assert len(not_contents) == 89
    assert {v.member.name for v in contents if v.is_teller} == {
        "Baroness Williams of Trafford",
        "The Earl of Courtown",
    }
    assert {v.member.member_id for v in not_contents if v.is_teller} == {4153, 4157}


def test_division_3172_members():
    division = parse_lords_division(division_3172())
    first = division.votes[0].member
    courtown = next(v.member for v in division.votes if v.member.member_id == 3359)

    assert (first.member_id, first.name) == (36, "Baroness Laing of Elderslie")
    assert first.list_as == "Laing of Elderslie, B."
    assert (first.member_from, first.party, first.party_abbreviation) == ("Life peer", "Conservative", "Con")
    assert (first.party_colour, first.party_is_main_party) == ("0063ba", True)
    assert (first.sub_party, first.proxy_name) == (None, None)  # Commons-only fields
    assert courtown.member_from == "Excepted Hereditary"


def test_is_inquorate_is_in_the_spec_but_absent_from_the_real_response():
    raw = division_3172()
    assert "isInquorate" not in raw

    assert parse_lords_division(raw).is_inquorate is None
    assert parse_lords_division({**raw, "isInquorate": False}).is_inquorate is False


def test_a_missing_count_fails_only_its_division():
    good = division_3172()
    bad = division_3172()
    del bad["authoritativeContentCount"]

    parsed = parse_lords_division_search([bad, good])

    assert [d.division_id for d in parsed.items] == [3172]
    assert len(parsed.errors) == 1
    assert "[0]" in str(parsed.errors[0])
    assert "'authoritativeContentCount'" in str(parsed.errors[0])


def test_absent_number_flags_and_member_counts_read_as_not_given():
    raw = division_3172()
    for key in ("number", "isWhipped", "divisionHadTellers", "memberContentCount", "tellerNotContentCount",
                "divisionWasExclusivelyRemote"):
        del raw[key]

    division = parse_lords_division(raw)

    assert (division.number, division.is_whipped, division.division_had_tellers) == (None, None, None)
    assert (division.member_content_count, division.teller_not_content_count) == (None, None)
    assert division.division_was_exclusively_remote is None
    assert division.authoritative_content_count == 36


def test_a_voter_without_party_is_main_party_fails_the_division():
    raw = division_3172()
    del raw["notContents"][3]["partyIsMainParty"]

    with pytest.raises(ParseError, match=r"notContents\[3\].*'partyIsMainParty'"):
        parse_lords_division(raw)


def test_ill_typed_date_is_a_parse_error():
    with pytest.raises(ParseError, match="not a date-time"):
        parse_lords_division({**division_3172(), "date": "20 November 2024"})


def test_unknown_extra_fields_are_ignored():
    raw = division_3172()
    raw["exampleFieldNotInSpec"] = [1]
    raw["contents"][0]["exampleFieldNotInSpec"] = None

    assert parse_lords_division(raw) == parse_lords_division(division_3172())
