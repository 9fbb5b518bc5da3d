"""Hansard parsers, on the reference pack's real captures (tests/fixtures/hansard/*.txt, byte for
byte) and on spec-shaped Hansard API documents.

The pack holds no Hansard API response. `spec_shaped_synthetic_*.json` are hand-written and
synthetic (ids from 9100900); `spec_shaped_snapshot_*.json` are copies of the bundled snapshot's
bodies, rebuilt from words the record quotes.
"""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tracker.hansard.sources.hansard_api_parse import (
    contribution_permalink,
    debate_permalink,
    parse_debate,
    parse_debate_address,
    parse_debate_search,
    parse_hansard_page_heading,
    parse_proceeding_contribution,
    parse_votes_and_proceedings_divisions,
    split_capture,
    title_slug,
)
from tracker.parsing import ParseError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hansard"
CAPTURES = sorted(path.name for path in FIXTURES.glob("*.txt"))
REPORT_DEBATE = "spec_shaped_snapshot_debate_5D74C5CD-FACB-43DB-BC2E-653F8C7DFD92.json"
PING_PONG_DEBATE = "spec_shaped_snapshot_debate_9A57D130-6537-40A0-BD39-1A6393EABA8D.json"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def capture(name: str) -> str:
    return split_capture((FIXTURES / name).read_text(encoding="utf-8")).text


# Web addresses


@pytest.mark.parametrize(
    "title, slug",
    [  # titles and the address endings the account (data/reference/procurement-bill/facts.json) and the pack record for them
        ("Procurement Bill [HL]", "ProcurementBill(HL)"),
        ("Procurement Bill [Lords]", "ProcurementBill(Lords)"),
        ("Business of the House", "BusinessOfTheHouse"),
        ("Grand Committee", "GrandCommittee"),
        ("Lords Chamber", "LordsChamber"),
    ],
)
def test_title_slug_matches_the_recorded_hansard_addresses(title, slug):
    assert title_slug(title) == slug


def test_debate_permalink_rebuilds_a_stored_hansard_address():
    stored = split_capture(
        (FIXTURES / "2022-11-30_lords_report-day2_hansard-day-page.txt").read_text(encoding="utf-8")
    ).stored_address

    rebuilt = debate_permalink(
        "Lords", dt.date(2022, 11, 30), "1ff1e625-eae2-4333-ba04-c95dcc8d7f67", "Lords Chamber"
    )

    assert rebuilt == stored


def test_contribution_permalink_adds_the_fragment_only_with_an_external_id():
    debate = "https://hansard.parliament.uk/Lords/2022-11-30/debates/X/Y"
    assert contribution_permalink(debate, "ABC") == f"{debate}#contribution-ABC"
    assert contribution_permalink(debate, None) == debate


def test_debate_address_of_the_third_reading_capture():
    address = parse_debate_address(
        split_capture(
            (FIXTURES / "2022-12-13_lords_third-reading_hansard.txt").read_text(encoding="utf-8")
        ).stored_address
    )

    assert address.house == "lords"  # as the stored address writes it
    assert address.sitting_date == dt.date(2022, 12, 13)
    assert address.ext_id == "5A81D110-3CF0-4713-BF38-429B69A90550"
    assert address.slug == "ProcurementBill(HL)"


def test_an_address_elsewhere_is_not_a_hansard_debate_address():
    with pytest.raises(ParseError):
        parse_debate_address("https://www.theyworkforyou.com/debates/?id=2023-01-09b.381.0")


# Hansard API debate documents


def test_snapshot_lords_report_debate_carries_blencathra_then_scriven():
    debate = parse_debate(load(REPORT_DEBATE))

    assert debate.ext_id == "5D74C5CD-FACB-43DB-BC2E-653F8C7DFD92"
    assert (debate.title, debate.house, debate.location) == ("Procurement Bill [HL]", "Lords", "Lords Chamber")
    assert (debate.sitting_date, debate.volume_no) == (dt.date(2022, 11, 30), 825)
    assert debate.content_last_updated is None and debate.errors == ()
    assert debate.permalink == (
        "https://hansard.parliament.uk/Lords/2022-11-30/debates/"
        "5D74C5CD-FACB-43DB-BC2E-653F8C7DFD92/ProcurementBill(HL)"
    )
    blencathra, scriven = debate.contributions
    assert (blencathra.order, blencathra.member_id, blencathra.attributed_to) == (1, 9000002, "Lord Blencathra")
    assert (scriven.order, scriven.member_id) == (2, 9000005)
    assert scriven.value.startswith("<p>Just before the Minister sits down")
    assert scriven.heading == "Procurement Bill [HL]"
    assert scriven.external_id is None and scriven.permalink == debate.permalink


def test_snapshot_ping_pong_debate_has_alton_on_motion_47a_last():
    debate = parse_debate(load(PING_PONG_DEBATE))

    assert (debate.sitting_date, debate.title) == (dt.date(2023, 9, 11), "Procurement Bill [HL]")
    alton = debate.contributions[-1]
    assert (alton.member_id, alton.attributed_to) == (9000001, "Lord Alton of Liverpool")
    assert "I turn to Clause 65 and Amendment 47B in Motion 47A in my name." in alton.value
    assert alton.value.endswith("It would in</p>")  # the capture is cut off, and so is the body
    assert {c.member_id for c in debate.contributions[:-1]} == {9000007}


def test_contributions_are_read_depth_first_under_their_section_headings():
    debate = parse_debate(load("spec_shaped_synthetic_debate.json"))

    assert [(c.order, c.heading) for c in debate.contributions] == [
        (1, "Example Debate (synthetic)"),
        (3, "Example Child Section (synthetic)"),
        (4, "Example Grandchild Section (synthetic)"),
    ]
    first, child, grandchild = debate.contributions
    assert (first.item_id, first.member_id, first.order_in_section) == (9100911, 9000901, 1)
    assert first.permalink == (
        "https://hansard.parliament.uk/Lords/2020-01-01/debates/"
        "00000000-0000-0000-0000-000009100900/ExampleDebate(synthetic)#contribution-SYNTHETIC-CONTRIBUTION-1"
    )
    assert child.section_ext_id == "00000000-0000-0000-0000-000009100901"
    assert child.member_id is None and child.timecode == dt.datetime(2020, 1, 1, 10, 0)
    assert grandchild.member_id == 9000902
    assert debate.content_last_updated == dt.datetime(2020, 1, 2, 3, 4, 5, 123456)


def test_a_malformed_item_or_section_is_reported_and_the_rest_still_parse():
    debate = parse_debate(load("spec_shaped_synthetic_debate.json"))

    messages = [str(error) for error in debate.errors]
    assert len(messages) == 2
    assert any("ChildDebates[1].Overview" in m and "'Title'" in m for m in messages)
    assert any("Items[2]" in m and "MemberId" in m for m in messages)
    assert len(debate.contributions) == 3


def test_a_contribution_without_value_is_an_error_for_that_contribution():
    raw = load(REPORT_DEBATE)
    del raw["Items"][0]["Value"]

    debate = parse_debate(raw)

    assert [c.member_id for c in debate.contributions] == [9000005]
    assert "'Value'" in str(debate.errors[0])


@pytest.mark.parametrize("field", ["ExtId", "Title", "House", "Date"])
def test_a_debate_without_its_identity_does_not_parse(field):
    raw = load(REPORT_DEBATE)
    del raw["Overview"][field]

    with pytest.raises(ParseError):
        parse_debate(raw)


# Hansard API debate search


def test_snapshot_search_finds_the_lords_report_debate():
    page = parse_debate_search(load("spec_shaped_snapshot_search-debates_lords_2022-11-30.json"))

    (result,) = page.results
    assert result.debate_section_ext_id == "5D74C5CD-FACB-43DB-BC2E-653F8C7DFD92"
    assert (result.title, result.house, result.sitting_date) == (
        "Procurement Bill [HL]", "Lords", dt.date(2022, 11, 30))
    assert page.total_result_count is None  # the record does not say how many debates matched


def test_a_search_result_without_an_ext_id_is_reported_alone():
    page = parse_debate_search(load("spec_shaped_synthetic_debate_search.json"))

    assert [r.title for r in page.results] == ["Example Debate (synthetic)"]
    assert (page.results[0].rank, page.results[0].debate_section) == (1, "Example Section (synthetic)")
    assert page.total_result_count == 2
    assert "DebateSectionExtId" in str(page.errors[0])


# The pack's plain-text captures


@pytest.mark.parametrize("name", CAPTURES)
def test_every_capture_splits_into_address_note_and_text(name):
    stored = split_capture((FIXTURES / name).read_text(encoding="utf-8"))

    assert stored.stored_address.startswith("https://")
    assert stored.completeness.startswith(("PARTIAL", "the returned excerpt"))
    assert not stored.text.startswith("---") and stored.text.strip()


def test_a_file_without_the_capture_header_is_rejected():
    with pytest.raises(ParseError):
        split_capture("Just some text\n")


def test_scriven_record_gives_the_column_reference_and_uri():
    record = parse_proceeding_contribution(
        capture("2022-11-30_lords_report_proceeding-contribution_lord-scriven.txt")
    )

    assert (record.member_name, record.member_party, record.house) == ("Lord Scriven", "Liberal Democrat", "Lords")
    assert record.sitting_date == dt.date(2022, 11, 30)
    assert record.debate_title == "Procurement Bill [HL]"
    assert record.occurred_during == "Debate on bills on Procurement Bill [HL]"
    assert (record.reference, record.volume_no, record.columns) == ("825 c1830", 825, "1830")
    assert (record.session, record.chamber) == ("2022-23", "House of Lords chamber")
    assert record.uri == "http://hansard.intranet.data.parliament.uk/Lords/2022-11-30/22113059000066"
    assert record.text.startswith("Just before the Minister sits down, so we understand,")
    assert record.text.endswith("purchased by non-central government bodies?")


def test_alton_record_keeps_its_text_cut_off_and_has_no_metadata():
    record = parse_proceeding_contribution(
        capture("2023-09-11_lords_commons-amendments_proceeding-contribution_lord-alton.txt")
    )

    assert (record.member_name, record.member_party) == ("Lord Alton of Liverpool", "Crossbench")
    assert record.sitting_date == dt.date(2023, 9, 11)
    assert record.debate_title == "Procurement Bill [HL]"
    assert record.text.startswith("My Lords, I begin by thanking the Minister.")
    assert "I turn to Clause 65 and Amendment 47B in Motion 47A in my name." in record.text
    assert record.text.endswith("It would in")
    assert (record.reference, record.volume_no, record.uri) == (None, None, None)


def test_a_page_that_is_not_a_record_is_rejected():
    with pytest.raises(ParseError):
        parse_proceeding_contribution(capture("2023-06-13_commons_report_votes-and-proceedings.txt"))


def test_votes_and_proceedings_of_13_june_2023_give_divisions_252_and_253():
    parsed = parse_votes_and_proceedings_divisions(
        capture("2023-06-13_commons_report_votes-and-proceedings.txt")
    )

    first, second = parsed.items
    assert (first.number, first.ayes, first.noes) == (252, 231, 282)
    assert first.aye_tellers == ("Mary Glindon", "Gerald Jones")
    assert first.no_tellers == ("Ruth Edwards", "Jacob Young")
    assert first.question == "Question put, That the Clause be read a second time."
    assert first.result == "Question accordingly negatived."
    assert (second.number, second.ayes, second.noes) == (253, 230, 280)
    assert second.aye_tellers == ("Gerald Jones", "Mary Glindon")
    assert second.question == "Question put, That the Amendment be made."
    assert parsed.errors == ()


def test_a_division_the_capture_cuts_short_is_reported_and_the_other_kept():
    text = capture("2023-06-13_commons_report_votes-and-proceedings.txt")
    cut = text[: text.index("Noes: 280")]

    parsed = parse_votes_and_proceedings_divisions(cut)

    assert [d.number for d in parsed.items] == [252]
    assert "Division No. 253" in str(parsed.errors[0])


def test_votes_and_proceedings_of_13_september_2023_reach_no_division():
    parsed = parse_votes_and_proceedings_divisions(
        capture("2023-09-13_commons_lords-message_votes-and-proceedings.txt")
    )

    assert parsed.items == () and parsed.errors == ()


@pytest.mark.parametrize(
    "name, title, volume, date",
    [
        ("2022-12-13_lords_third-reading_hansard.txt", "Procurement Bill [HL]", 826, dt.date(2022, 12, 13)),
        ("2022-11-30_lords_report-day2_hansard-day-page.txt", "Lords Chamber", 825, dt.date(2022, 11, 30)),
    ],
)
def test_hansard_page_heading_gives_title_volume_and_date(name, title, volume, date):
    heading = parse_hansard_page_heading(capture(name))

    assert (heading.title, heading.volume_no, heading.sitting_date) == (title, volume, date)


def test_a_page_without_a_volume_line_has_no_hansard_heading():
    with pytest.raises(ParseError):
        parse_hansard_page_heading(capture("2023-01-09_commons_second-reading_theyworkforyou.txt"))
