"""The ledger: each person once with all their evidence, conflicts said in words, opposition
the record shows counted even when it names no member, never "0 opposing"."""

import datetime as dt

from tracker.clauses.ledger import Evidence, ledger


def said(who, stance, via, date=None, party="Conservative", house="Commons", note=""):
    return Evidence(who, f"Member {who}", party, house, stance, via, date, note)


def test_a_person_with_two_pieces_of_evidence_is_counted_once():
    found = ledger([said("1", "supports", "sponsor"), said("1", "supports", "speech", dt.date(2022, 11, 30))])

    assert [(p.name, p.verdict, len(p.evidence)) for p in found.supporting] == [("Member 1", "supports", 2)]
    assert found.summary == "1 supporting: 1 signed the amendment, 1 spoke for it; no opposition recorded"


def test_conflicting_evidence_is_said_in_date_order_and_counted_for_neither_side():
    found = ledger([said("2", "supports", "vote", dt.date(2023, 6, 13)),
                    said("2", "opposes", "speech", dt.date(2023, 1, 9))])

    assert (found.supporting, found.opposing) == ([], [])
    [person] = found.conflicting
    assert person.conflict == "spoke against, then voted for"
    assert "1 with conflicting evidence" in found.summary


def test_speaking_without_a_side_is_shown_but_never_counted():
    found = ledger([said("3", "spoke", "speech", dt.date(2023, 1, 9))])

    assert [p.verdict for p in found.spoke] == ["spoke"]
    assert found.summary == "no support recorded; no opposition recorded; 1 spoke on it without a side recorded"


def test_a_decision_naming_no_member_is_opposition_and_never_0_opposing():
    removal = Evidence(None, "", "", "", "opposes", "decision", None,
                       "left out by an amendment, agreed to on division (by eight votes against five.); "
                       "members' votes not recorded")
    found = ledger([said("4", "supports", "sponsor", party="Crossbench", house="Lords"), removal])

    assert found.decisions == [removal]
    assert "0 opposing" not in found.summary and "no opposition recorded" not in found.summary
    assert found.summary.endswith("(by eight votes against five.); members' votes not recorded")


def test_counts_by_house_and_party():
    found = ledger([said("5", "supports", "sponsor", party="Crossbench", house="Lords"),
                    said("6", "supports", "account", party="Scottish National Party"),
                    said("7", "opposes", "account", party="Conservative", house="Lords")])

    assert [(c.house, c.party, c.supporting, c.opposing) for c in found.by_party] == [
        ("Commons", "Scottish National Party", 1, 0), ("Lords", "Conservative", 0, 1), ("Lords", "Crossbench", 1, 0)]
    assert "1 opposing: Member 7 (recorded against it in a cited account)" in found.summary
