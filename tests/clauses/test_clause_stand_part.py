"""Through the store, on a generated Example bill: a division on "clause N stand part" turns
each Aye into support of clause N of the print in force at its stage and each No into
opposition; Royal Assent then makes the clause agreed by both Houses and enacted (no text
of the Act: section number not recorded), with one status-change event and no write on a
re-run; and with the Act's LawMaker text, enacted as the section the clause became."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amendments.models import Decision, DivisionLink, Vote
from bills.models import House, Publication
from bills.text.lawmaker_parse import BillPrint, Provision
from tests.factories import (
    AmendmentFactory,
    BillFactory,
    BillStageFactory,
    DivisionFactory,
    MemberFactory,
    SittingFactory,
    VoteFactory,
)
from tests.support.queries import data_writes
from tracker.clauses.derive import bill_clauses_derive
from tracker.clauses.models import Clause, Print
from tracker.clauses.prints import FetchedText
from tracker.events.models import ChangeEvent

pytestmark = pytest.mark.django_db
COMMITTEE_DAY = dt.date(2024, 1, 9)


@pytest.fixture
def bill():
    """Readings, then a Committee stage whose amendment paper names clause 5 and clause 6."""
    bill = BillFactory()
    for order, description in enumerate(["1st reading", "2nd reading", "Committee stage"]):
        stage = BillStageFactory(bill=bill, sort_order=order, description=description)
    SittingFactory(bill_stage=stage, date=COMMITTEE_DAY)
    for number in (5, 6):
        AmendmentFactory(bill_stage=stage, clause=number, decision=Decision.NO_DECISION)
    return bill


def stand_part_division(bill, *, number: str, date: dt.date = COMMITTEE_DAY):
    division = DivisionFactory(bill=bill, date=date, title=f"Example Bill: Clause {number} stand part")
    DivisionLink.objects.create(division=division, kind=DivisionLink.Kind.CLAUSE, number=number,
                                method="the Commons division's title, rule clause_stand_part",
                                matched_text=f"Clause {number} stand part")
    aye, no = MemberFactory(), MemberFactory()
    VoteFactory(division=division, member=aye, lobby=Vote.Lobby.AYE)
    VoteFactory(division=division, member=no, lobby=Vote.Lobby.NO)
    return division, aye, no


def test_a_stand_part_division_makes_ayes_supporters_and_noes_opponents_of_that_clause(bill):
    division, aye, no = stand_part_division(bill, number="5")
    stand_part_division(bill, number="6", date=dt.date(2024, 1, 10))  # no stage sat that day: not resolved
    stand_part_division(bill, number="9")  # clause 9 is in no print the record shows: nothing
    bill_clauses_derive(bill=bill)
    clause_5 = Clause.objects.get(bill=bill, label="Clause 5")
    rows = {(s.member_id, s.stance, s.via, s.division_id) for s in clause_5.supports.all()}
    assert rows == {(aye.pk, "supports", "vote", division.pk), (no.pk, "opposes", "vote", division.pk)}
    assert (clause_5.supporters_count, clause_5.opponents_count) == (1, 1)
    assert "Voted aye on clause 5 standing part, 9 January 2024" in clause_5.supports.get(member=aye).note
    assert not Clause.objects.get(bill=bill, label="Clause 6").supports.exists()
    assert not Clause.objects.filter(bill=bill, label="Clause 9").exists()


def test_royal_assent_makes_the_clause_agreed_then_enacted_once_and_a_rerun_writes_nothing(bill, client):
    bill_clauses_derive(bill=bill)
    assert Clause.objects.get(bill=bill, label="Clause 5").status == "introduced"
    report = BillStageFactory(bill=bill, sort_order=3, description="Report stage")
    SittingFactory(bill_stage=report, date=dt.date(2024, 2, 6))
    assent = BillStageFactory(bill=bill, sort_order=4, description="Royal Assent", house=House.UNASSIGNED)
    SittingFactory(bill_stage=assent, date=dt.date(2024, 3, 20))
    bill.is_act, bill.act_name, bill.current_stage = True, "Example Act 2024 c. 9", assent
    bill.save()
    bill_clauses_derive(bill=bill)
    clause_5 = Clause.objects.get(bill=bill, label="Clause 5")
    introduced, agreed, enacted = clause_5.events.exclude(kind="numbered").order_by("sequence")
    assert introduced.kind == "introduced"
    committee = bill.stages.get(description="Committee stage")
    assert (agreed.kind, agreed.bill_stage, agreed.date, agreed.print.key) == (
        "agreed_both", report, dt.date(2024, 2, 6), f"stage-{committee.bills_api_id}")
    assert (enacted.kind, enacted.bill_stage, enacted.date, enacted.print.key) == (
        "enacted", assent, dt.date(2024, 3, 20), "act")
    assert "section number is not recorded" in enacted.note
    html = client.get(clause_5.get_absolute_url()).content.decode()
    assert "In the Act (section number not recorded)" in html
    [changed] = ChangeEvent.objects.filter(kind=ChangeEvent.Kind.CLAUSE_STATUS_CHANGED, clause=clause_5)
    assert (changed.detail["from"], changed.detail["to"], changed.occurred_on) == (
        "introduced", "enacted", dt.date(2024, 3, 20))
    with CaptureQueriesContext(connection) as queries:
        bill_clauses_derive(bill=bill)
    assert data_writes(queries.captured_queries) == []


def lawmaker_text(*clauses: tuple[str, str]) -> FetchedText:
    """A parsed LawMaker text of made-up clauses: (number, GUID) each."""
    provisions = tuple(Provision("clause", number, f"Example heading {guid}", f"Example words {guid}.", guid=guid)
                       for number, guid in clauses)
    parsed = BillPrint("Example Bill", "example", "", "Commons", "2023-24", None, None, None, (), provisions, ())
    return FetchedText(f"https://example.invalid/{clauses[0][1]}.xml", clauses[0][1], parsed)


def test_with_the_acts_lawmaker_text_a_clause_is_enacted_as_the_section_it_became(bill):
    committee = bill.stages.get(description="Committee stage")
    assent = BillStageFactory(bill=bill, sort_order=3, description="Royal Assent", house=House.UNASSIGNED)
    bill.is_act, bill.act_name, bill.current_stage = True, "Example Act 2024 c. 9", assent
    bill.save()
    made = {}
    for pub_id, kind, date in ((9_840_001, "Bill", "2024-01-08"), (9_840_002, "Act of Parliament", "2024-03-20")):
        made[kind] = Publication.objects.create(
            bills_api_id=pub_id, bill=bill, title=f"Example {kind}", publication_type=kind,
            display_date=dt.datetime.fromisoformat(f"{date}T00:00:00+00:00"),
            links=[{"url": f"https://example.invalid/{pub_id}.xml", "content_type": "application/xml"}])
    bill_clauses_derive(bill=bill, texts={
        made["Bill"].pk: lawmaker_text(("5", "G-EXAMPLE-A"), ("6", "G-EXAMPLE-B")),
        made["Act of Parliament"].pk: lawmaker_text(("1", "G-EXAMPLE-B"))})
    act = Print.objects.get(bill=bill, key="act")
    assert (act.source, act.publication, act.bill_stage) == ("lawmaker_xml", made["Act of Parliament"], assent)
    enacted = Clause.objects.get(bill=bill, key="publication-9840001-clause-6")
    assert enacted.status == "enacted"
    assert enacted.events.get(kind="enacted").note == (
        "Enacted as section 1 of the Example Act 2024 c. 9 (the text of the Act).")
    assert Clause.objects.get(bill=bill, key="publication-9840001-clause-5").status == "not_enacted"
    assert committee.prints.get().source == "lawmaker_xml"
