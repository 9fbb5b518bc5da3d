"""Which print a stage's amendments and debates refer to, and what each print is called, on the
Procurement Bill [HL]'s stages as the account (data/reference/procurement-bill/facts.json) gives them (pks are positions)."""

from __future__ import annotations

from tracker.clauses.stages import BETWEEN_HOUSES, FIRST_HOUSE, SECOND_HOUSE, StageFacts, stage_plan

# (house, description, amendments or ping-pong items stored), in the bill's order.
PROCUREMENT_STAGES = [
    ("Lords", "1st reading", False), ("Lords", "2nd reading", False), ("Lords", "Committee stage", True),
    ("Lords", "Report stage", True), ("Lords", "3rd reading", False), ("Commons", "1st reading", False),
    ("Commons", "2nd reading", False), ("Commons", "Committee stage", True), ("Commons", "Report stage", True),
    ("Commons", "3rd reading", False), ("Lords", "Consideration of Commons amendments", True),
    ("Commons", "Consideration of Lords message", True), ("Lords", "", True), ("Unassigned", "Royal Assent", False),
]


def plan(stages=PROCUREMENT_STAGES):
    facts = [StageFacts(pk, house, description, has_print) for pk, (house, description, has_print)
             in enumerate(stages, start=1)]
    return stage_plan(facts, originating_house="Lords")


def test_prints_enter_the_amending_stages_and_are_named_for_them():
    procurement = plan()
    assert procurement.amending == (3, 4, 8, 9, 11, 12, 13)
    assert procurement.label(3) == "As introduced"
    assert procurement.label(4) == "As it stood entering Report stage (Lords)"
    assert procurement.label(8) == "As brought from the Lords"
    assert procurement.label(9) == "As it stood entering Report stage (Commons)"
    assert procurement.label(13) == "As it stood entering a stage (name not recorded) (Lords)"


def test_the_passage_is_split_into_the_first_house_the_second_and_between_them():
    procurement = plan()
    assert [procurement.passage[pk] for pk in (1, 5, 6, 10, 11, 12, 14)] == [
        FIRST_HOUSE, FIRST_HOUSE, SECOND_HOUSE, SECOND_HOUSE, BETWEEN_HOUSES, BETWEEN_HOUSES, BETWEEN_HOUSES]


def test_each_stage_refers_to_the_print_in_force_or_to_none():
    procurement = plan()
    assert procurement.reference_print_stage(7) == 8  # Commons 2nd reading: the bill brought from the Lords
    assert procurement.reference_print_stage(2) == 3
    assert procurement.reference_print_stage(8) == 8
    assert procurement.reference_print_stage(11) == 8  # between the Houses: numbered as the Commons received it
    assert procurement.reference_print_stage(5) is None  # Lords 3rd reading may amend: no print is known for it


def test_a_print_is_as_introduced_only_when_nothing_but_readings_came_before():
    no_committee_amendments = [(h, d, False if d == "Committee stage" and h == "Lords" else i)
                               for h, d, i in PROCUREMENT_STAGES]
    assert plan(no_committee_amendments).label(4) == "As it stood entering Report stage (Lords)"
