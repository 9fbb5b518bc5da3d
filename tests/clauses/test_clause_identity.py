"""clause_identities on constructed prints (placeholder wording, not any real bill): which
versions are one clause, and how each link was made."""

from __future__ import annotations

from tracker.clauses.identity import (
    ADMIN,
    AMENDMENT,
    DEBATE_EVIDENCE,
    NOT_RECORDED_SLOT,
    SOURCE_ID,
    FixedLink,
    LeaveOut,
    NewProvision,
    Placement,
    PrintText,
    ProvisionRecord,
    clause_identities,
)

WORDS = {
    "Objectives": "The regulator must publish a statement of its objectives and review that statement at least once "
                  "in every period of three years beginning with the day it is first published.",
    "Fees": "The regulator may charge a registered person a fee for the performance of any of its functions and may "
            "set different fees for different descriptions of person.",
    "Inspections": "An inspector may at any reasonable time enter premises occupied by a registered person for the "
                   "purpose of carrying out an inspection under this Part.",
    "Reports": "The Secretary of State must lay before Parliament a report on the operation of this Act before the "
               "end of the period of two years beginning with the day on which it is passed.",
}


def text(key: str, headings: list[str], *, complete: bool = True, guids: dict[str, str] | None = None) -> PrintText:
    return PrintText(key, complete, tuple(
        ProvisionRecord("clause", str(n), str(n), heading, WORDS.get(heading, ""), (guids or {}).get(heading),
                        position=n, reconstructed=not complete)
        for n, heading in enumerate(headings, start=1)))


def clause_of(identity, print_key: str, slot: str) -> str:
    return identity.versions[(print_key, "clause", slot)][0]


def new_clause(key: str, title: str, tabled_in: str, *, agreed: bool = True) -> NewProvision:
    return NewProvision(key, "clause", title, WORDS.get(title, ""), tabled_in, agreed, "Amendment NC1")


def test_an_agreed_new_clause_is_found_in_the_next_text_and_the_numbers_after_it_shift():
    identity = clause_identities(
        [text("a", ["Objectives", "Fees", "Inspections"]), text("b", ["Objectives", "Reports", "Fees", "Inspections"])],
        new_provisions=[new_clause("amendment-1", "Reports", "a")])
    assert clause_of(identity, "b", "2") == "amendment-1"
    assert clause_of(identity, "b", "3") == clause_of(identity, "a", "2") == "a-clause-2"
    inserted = next(link for link in identity.links if link.newer_slot == "2")
    assert (inserted.older_slot, inserted.method, inserted.amendment_ref) == (None, AMENDMENT, "amendment-1")


def test_a_clause_missing_from_a_reconstructed_print_is_not_recorded_there_not_left_out():
    identity = clause_identities([text("a", ["", ""], complete=False), text("b", [""], complete=False)])
    assert identity.links == ()
    assert clause_of(identity, "a", "1") != clause_of(identity, "b", "1")


def test_a_new_clause_with_the_heading_of_one_left_out_restores_that_clause():
    identity = clause_identities(
        [text("a", ["Objectives", "Fees"]), text("b", ["Objectives"]), text("c", ["Objectives", "Fees"])],
        leave_outs=[LeaveOut("a", "clause", "2", "amendment-1", "Amendment 1")],
        new_provisions=[new_clause("amendment-2", "Fees", "b")])
    assert clause_of(identity, "c", "2") == clause_of(identity, "a", "2") == "a-clause-2"
    assert identity.proposals["a-clause-2"] == ("amendment-2",)
    assert "amendment-2" not in identity.clause_kinds


def test_an_admins_link_wins_over_the_guids():
    prints = [text("a", ["Objectives"], guids={"Objectives": "G1"}),
              text("b", ["Objectives", "Fees"], guids={"Objectives": "G1", "Fees": "G2"})]
    assert clause_of(clause_identities(prints), "b", "1") == "a-clause-1"
    corrected = clause_identities(prints, fixed_links=[FixedLink("a", "b", "clause", "1", "2", "the GUID was reused")])
    assert clause_of(corrected, "b", "2") == "a-clause-1"
    assert clause_of(corrected, "b", "1") == "b-clause-1"
    assert [link.method for link in corrected.links if link.older_slot == "1"] == [ADMIN]
    assert SOURCE_ID not in {link.method for link in corrected.links}


def test_a_new_clause_agreed_before_a_reconstructed_print_is_in_it_at_a_number_not_recorded():
    prints = [text("report", ["", ""], complete=False), text("brought", [""] * 3, complete=False)]
    identity = clause_identities(prints, new_provisions=[new_clause("amendment-9", "Reports", "report")])
    slot = NOT_RECORDED_SLOT + "amendment-9"
    clause_key, record = identity.versions[("brought", "clause", slot)]
    assert (clause_key, record.number, record.heading, record.text) == ("amendment-9", "", "Reports", WORDS["Reports"])
    assert clause_of(identity, "brought", "3") == "brought-clause-3"


def test_debate_evidence_places_it_at_its_number_and_an_admin_can_do_the_same():
    prints = [text("report", ["", ""], complete=False), text("brought", [""] * 3, complete=False)]
    said = Placement("amendment-9", "brought", "clause", "3", DEBATE_EVIDENCE, 0.8, "what was said")
    for extra in ({"placements": [said]},
                  {"fixed_links": [FixedLink("report", "brought", "clause", None, "3", "checked", "amendment-9")]}):
        identity = clause_identities(prints, new_provisions=[new_clause("amendment-9", "Reports", "report")], **extra)
        assert clause_of(identity, "brought", "3") == "amendment-9"
        assert identity.versions[("brought", "clause", "3")][1].heading == "Reports"
        assert ("brought", "clause", NOT_RECORDED_SLOT + "amendment-9") not in identity.versions
