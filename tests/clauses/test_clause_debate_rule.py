"""The debate-evidence rule over Tim Loughton's words at Commons Second Reading (9 January 2023,
as the account (data/reference/procurement-bill/facts.json) quotes them), and the cases it must leave alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tests.clauses.test_clause_stages import plan
from tracker.clauses.debate_rule import RULE_CONFIDENCE, debate_placements, names_person
from tracker.clauses.facts import AmendmentFacts, MentionFacts, Person

ALTON = Person(9000001, 1, "Lord Alton of Liverpool", "Crossbench")
LOUGHTON = Person(9000014, 14, "Tim Loughton", "Conservative")
LOUGHTON_WORDS = ("Clause 65 was helpfully added by the noble Lord Alton and a cross-party alliance in the other "
                  "House …")
ALTON_CLAUSE = AmendmentFacts(
    pk=1, bills_api_id=9006001, stage_pk=4, number=None, amendment_type="AddClauseOrSchedule", clause=None,
    schedule=None, position="After Clause 61", title="Timeline for removal of suppliers", text="", decision="Agreed",
    decision_label="Agreed to", decided_on=None, sponsors=(ALTON,), lead=ALTON)
SECOND_READING = MentionFacts(
    contribution_pk=7, stage_pk=7, house="Commons", date=dt.date(2023, 1, 9), url="https://hansard.example/c7",
    heading="Procurement Bill [Lords]", kind="clause", number="65", sentence=LOUGHTON_WORDS, stance="neutral",
    stance_rule="no-rule", confidence=0.5, in_heading=False, amendment_pk=None, person=LOUGHTON)


def placements(amendments=(ALTON_CLAUSE,), mentions=(SECOND_READING,)):
    return debate_placements(plan=plan(), amendments=amendments, mentions=mentions, stage_names={})


def test_a_second_house_speech_places_the_first_houses_new_clause_at_its_number():
    [placed] = placements()
    assert (placed.amendment, placed.print_stage_pk, placed.number) == (ALTON_CLAUSE, 8, "65")
    assert placed.confidence == RULE_CONFIDENCE < 1
    assert 'was added by "the noble Lord Alton"' in placed.evidence
    assert "Lord Alton of Liverpool led exactly one new clause agreed in the Lords" in placed.evidence


def test_no_placement_when_the_member_led_two_agreed_new_clauses():
    second = replace(ALTON_CLAUSE, pk=2, bills_api_id=9000002, title="Another new clause")
    assert placements(amendments=(ALTON_CLAUSE, second)) == ()


def test_no_placement_when_the_new_clause_was_not_agreed():
    assert placements(amendments=(replace(ALTON_CLAUSE, decision="Withdrawn"),)) == ()


def test_no_placement_without_the_other_house_or_from_the_first_house():
    assert placements(mentions=(replace(SECOND_READING, sentence="Clause 65 was helpfully added by the noble "
                                                                  "Lord Alton."),)) == ()
    assert placements(mentions=(replace(SECOND_READING, stage_pk=4, house="Lords"),)) == ()


def test_no_placement_when_the_words_name_nobody_who_led_a_new_clause():
    words = "Clause 65 was added by the Government in the other House."
    assert placements(mentions=(replace(SECOND_READING, sentence=words),)) == ()


def test_a_name_is_matched_without_its_territorial_designation_and_as_whole_words():
    assert names_person("the noble Lord Alton", ALTON)
    assert not names_person("the noble Lord Altonby", ALTON)
    assert not names_person("the noble Lord Fox", ALTON)
