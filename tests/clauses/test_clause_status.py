"""Status events for every decision the Bills API defines, on an amendment proposing a new
clause, one leaving a clause out and one amending it; and "not enacted"."""

from __future__ import annotations

import pytest

from amendments.models import Decision
from tracker.clauses.facts import AmendmentFacts
from tracker.clauses.identity import LeaveOut, NewProvision, PrintText, ProvisionRecord, clause_identities
from tracker.clauses.stages import StageFacts
from tracker.clauses.status import PrintFacts, amendment_targets, clause_events, current_status

STAGES = [StageFacts(1, "Commons", "Committee stage", True), StageFacts(2, "Unassigned", "Royal Assent", False)]
IN_PROGRESS = STAGES[:1]  # no Royal Assent yet: nothing is agreed by both Houses
PRINTS = [PrintFacts("committee", 1, "As it stood entering Committee stage (Commons)"),
          PrintFacts("act", 2, "Example Act 2024", is_act=True)]


def amendment(amendment_type: str, decision: str, **fields) -> AmendmentFacts:
    values = dict(pk=1, bills_api_id=9000001, stage_pk=1, number="1", amendment_type=amendment_type, clause=None,
                  schedule=None, position="", title="", text="", decision=decision, decision_label=decision,
                  decided_on=None)
    return AmendmentFacts(**{**values, **fields})


def history(change: AmendmentFacts, *, act_name: str | None = None) -> dict[str, list[str]]:
    clause_five = ProvisionRecord("clause", "5", "5", reconstructed=True)
    leave_outs = [LeaveOut("committee", "clause", "5", change.ref, "Amendment 1")] if change.decision in (
        "NotStoodPart",) or (change.amendment_type == "DeleteClauseOrSchedule" and change.is_agreed) else []
    identity = clause_identities(
        [PrintText("committee", False, (clause_five,)), PrintText("act", False, ())], leave_outs=leave_outs,
        new_provisions=[NewProvision(change.ref, "clause", "Example", "", "committee", change.is_agreed, "Amendment 1")]
        if change.is_new_provision else [])
    events = clause_events(identity=identity, prints=PRINTS, stages=STAGES if act_name else IN_PROGRESS,
                           amendments=[change],
                           targets=amendment_targets(identity, [change], {1: "committee"}), stage_names={},
                           act_name=act_name)
    return {key: [e.kind for e in found if e.kind != "numbered"] for key, found in events.items()}


AGREED = {"Agreed", "AgreedOnDivision"}
NOT_AGREED = {"Disagreed", "NegativedOnDivision", "Withdrawn", "WithdrawnBeforeDebate", "NotMoved", "NotSelected",
              "NotCalled", "Preempted"}


@pytest.mark.parametrize("decision", Decision.values)
def test_a_new_clause_is_tabled_then_inserted_or_not(decision):
    found = history(amendment("AddClauseOrSchedule", decision, title="Example"))["amendment-9000001"]
    expected = ["tabled", "inserted"] if decision in AGREED else ["tabled", "not_inserted"] if (
        decision in NOT_AGREED) else ["tabled"]
    assert found == expected


@pytest.mark.parametrize("decision", Decision.values)
def test_an_amendment_to_leave_a_clause_out(decision):
    found = history(amendment("DeleteClauseOrSchedule", decision, clause=5))["committee-clause-5"]
    expected = {"Agreed": ["left_out"], "AgreedOnDivision": ["left_out"], "NotStoodPart": ["left_out"],
                "StoodPart": ["stood_part"]}.get(decision, [])
    assert found == expected


@pytest.mark.parametrize("decision", Decision.values)
def test_an_amendment_to_a_clauses_text(decision):
    found = history(amendment("EditBillBody", decision, clause=5))["committee-clause-5"]
    expected = {"Agreed": ["amended"], "AgreedOnDivision": ["amended"], "NotStoodPart": ["left_out"],
                "StoodPart": ["stood_part"]}.get(decision, [])
    assert found == expected


def test_a_clause_left_out_and_never_restored_is_not_enacted_when_the_bill_becomes_an_act():
    left_out = amendment("DeleteClauseOrSchedule", "Agreed", clause=5)
    assert history(left_out, act_name="Example Act 2024")["committee-clause-5"] == ["left_out", "not_enacted"]
    assert history(left_out)["committee-clause-5"] == ["left_out"]  # not an Act: nothing more
    amended = amendment("EditBillBody", "Agreed", clause=5)
    assert history(amended, act_name="Example Act 2024")["committee-clause-5"] == [
        "amended", "agreed_both", "enacted"]  # in the last print, never left out


def test_the_current_status_is_the_last_event_other_than_a_number():
    events = clause_events(
        identity=clause_identities([PrintText("committee", False, (ProvisionRecord("clause", "5", "5"),))]),
        prints=[PrintFacts("committee", 1, "As introduced")], stages=IN_PROGRESS, amendments=[], targets=[],
        stage_names={}, act_name=None)
    assert [e.kind for e in events["committee-clause-5"]] == ["introduced"]
    assert current_status(events["committee-clause-5"]).kind == "introduced"
