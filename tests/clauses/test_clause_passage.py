"""The end of a bill's passage, on constructed prints: "agreed by both Houses" for a clause in
the last print before Royal Assent (never for one that print does not show), then "enacted as
section N" from the Act's text, or with the section number not recorded when no text of the
Act is held. The Example bills, stages and dates are made up."""

from __future__ import annotations

import datetime as dt

from tracker.clauses.facts import AmendmentFacts
from tracker.clauses.identity import LeaveOut, PrintText, ProvisionRecord, clause_identities
from tracker.clauses.stages import StageFacts
from tracker.clauses.status import PrintFacts, amendment_targets, clause_events, current_status

STAGES = [
    StageFacts(1, "Commons", "Committee stage", True, dt.date(2024, 1, 9), dt.date(2024, 1, 16)),
    StageFacts(2, "Commons", "Report stage", True, dt.date(2024, 2, 6), dt.date(2024, 2, 7)),
    StageFacts(3, "Lords", "Consideration of Commons amendments", False, dt.date(2024, 3, 4), dt.date(2024, 3, 11)),
    StageFacts(4, "Unassigned", "Royal Assent", False, dt.date(2024, 3, 20), dt.date(2024, 3, 20)),
]
NAMES = {3: "Consideration of Commons amendments, Lords"}
ACT = "Example Act 2024"


def clause(number: str, guid: str | None = None, complete: bool = False) -> ProvisionRecord:
    return ProvisionRecord("clause", number, number, f"Example heading {guid or number}",
                           f"Example words of {guid or number}." if complete else "", guid, int(number),
                           reconstructed=not complete)


def leave_out_clause_6() -> AmendmentFacts:
    return AmendmentFacts(pk=1, bills_api_id=9000001, stage_pk=2, number="1", amendment_type="DeleteClauseOrSchedule",
                          clause=6, schedule=None, position="", title="", text="", decision="Agreed",
                          decision_label="Agreed", decided_on=dt.date(2024, 2, 7))


def events(texts: list[PrintText], *, act_name: str | None, stages=STAGES, amendments=()) -> dict:
    prints = [PrintFacts(t.key, index + 1, f"Example print {t.key}", is_act=t.key == "act", complete=t.complete)
              for index, t in enumerate(texts)]
    leave_outs = [LeaveOut("report", "clause", "6", a.ref, a.label) for a in amendments]
    identity = clause_identities(texts, leave_outs=leave_outs)
    return clause_events(identity=identity, prints=prints, stages=stages, amendments=list(amendments),
                         targets=amendment_targets(identity, amendments, {2: "report"}), stage_names=NAMES,
                         act_name=act_name)


def kinds(found: dict, key: str) -> list[str]:
    return [e.kind for e in found[key] if e.kind != "numbered"]


def test_a_clause_in_the_last_print_is_agreed_by_both_houses_at_the_stage_before_royal_assent():
    texts = [PrintText("committee", False, (clause("5"), clause("7"))), PrintText("report", False, (clause("5"),))]
    found = events(texts, act_name=None)
    agreed = found["committee-clause-5"][-1]
    assert (agreed.kind, agreed.stage_pk, agreed.date, agreed.print_key) == (
        "agreed_both", 3, dt.date(2024, 3, 11), "report")
    assert 'Clause 5 is in the print "Example print report", the last before Royal Assent' in agreed.note
    # clause 7: the reconstructed last print does not show it, so its presence there is not recorded
    assert kinds(found, "committee-clause-7") == []
    # no Royal Assent stage: the bill has not passed both Houses
    assert kinds(events(texts, act_name=None, stages=STAGES[:3]), "committee-clause-5") == []


def test_a_clause_left_out_after_the_last_print_is_not_agreed_and_not_enacted():
    texts = [PrintText("committee", False, (clause("5"), clause("6"))),
             PrintText("report", False, (clause("5"), clause("6"))), PrintText("act", False, ())]
    found = events(texts, act_name=ACT, amendments=[leave_out_clause_6()])
    assert kinds(found, "committee-clause-6") == ["left_out", "not_enacted"]
    assert kinds(found, "committee-clause-5") == ["agreed_both", "enacted"]


def test_without_the_acts_text_the_section_number_is_not_recorded():
    texts = [PrintText("report", False, (clause("5"),)), PrintText("act", False, ())]
    enacted = current_status(events(texts, act_name=ACT)["report-clause-5"])
    assert (enacted.kind, enacted.stage_pk, enacted.date, enacted.print_key) == (
        "enacted", 4, dt.date(2024, 3, 20), "act")
    assert "its section number is not recorded" in enacted.note and "section 5" not in enacted.note


def test_with_the_acts_text_a_clause_is_enacted_as_the_section_it_became():
    texts = [PrintText("report", True, (clause("5", "G-EXAMPLE-A", True), clause("6", "G-EXAMPLE-B", True))),
             PrintText("act", True, (clause("3", "G-EXAMPLE-A", True),))]
    found = events(texts, act_name=ACT)
    enacted = current_status(found["report-clause-5"])
    assert (enacted.kind, enacted.note) == ("enacted", "Enacted as section 3 of the Example Act 2024 (the text of "
                                                       "the Act).")
    # the clause the Act's text does not hold is left out and not enacted, never given a number
    assert kinds(found, "report-clause-6") == ["left_out", "not_enacted"]
