"""The Procurement Bill [HL] snapshot through the real scrape: Lord Alton's new clause
"Timeline for removal of suppliers" followed from Lords Report to the Act, as the account (data/reference/procurement-bill/facts.json)
records it: tabled by Lord Alton of Liverpool, Lord Blencathra, Lord Fox and Lord Coaker, agreed,
Clause 65 of the bill brought from the Lords (Tim Loughton, 9 January 2023), left out in Public
Bill Committee on division (8 to 5), not in the Procurement Act 2023."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.queries import data_writes
from tracker.clauses.models import Clause, ClauseVersion
from tracker.events.models import ChangeEvent
from tracker.http.client import build_session
from tracker.scraping.pipeline import STEPS, scrape

pytestmark = pytest.mark.django_db
ALTON_CLAUSE = "amendment-9006001"  # the snapshot's (made-up) Bills API id of the Lords Report new clause
BROUGHT_FROM_LORDS = "stage-9003008"  # the print entering Commons Committee stage
WITHOUT_HANSARD = tuple(step for step in STEPS if step.name != "hansard")
LOUGHTON = "Clause 65 was helpfully added by the noble Lord Alton and a cross-party alliance in the other House …"


def load(steps=STEPS):
    return scrape(bill_ids=[3159], session=build_session(snapshot_dir=settings.BUNDLED_SNAPSHOT_DIR),
                  source="bundled snapshot", reconstructed=True, steps=steps)


def history(clause: Clause) -> list[tuple[str, str, str]]:
    return [(e.kind, e.bill_stage.house, e.bill_stage.description) for e in clause.events.select_related("bill_stage")]


def test_the_alton_clause_is_one_clause_from_lords_report_to_not_enacted():
    load()
    clause = Clause.objects.get(bill__bills_api_id=3159, key=ALTON_CLAUSE)
    assert (clause.label, clause.heading, clause.status) == ("Clause 65", "Timeline for removal of suppliers",
                                                             "not_enacted")
    assert history(clause) == [
        ("tabled", "Lords", "Report stage"), ("inserted", "Lords", "Report stage"),
        ("numbered", "Commons", "Committee stage"), ("left_out", "Commons", "Committee stage"),
        ("ping_pong", "Lords", "Consideration of Commons amendments"),
        ("not_enacted", "Unassigned", "Royal Assent")]
    tabled, _, numbered, left_out, ping_pong, not_enacted = clause.events.all()
    assert (ping_pong.ping_pong_item.number, ping_pong.date) == ("47A", dt.date(2023, 9, 11))
    assert ping_pong.note.startswith("Motion 47A (Amendment 47B), moved by Lord Alton of Liverpool")
    assert ping_pong.note.endswith("outcome not recorded.")
    assert "After Clause 61, in the names of Lord Alton of Liverpool (lead), Lord Blencathra, Lord Fox, Lord Coaker" \
        in tabled.note
    assert (numbered.quote, numbered.contribution.speaker) == (LOUGHTON, "Tim Loughton")
    assert 0 < numbered.confidence < 1
    assert left_out.amendment.clause == 65 and "by eight votes against five" in left_out.note
    assert left_out.division is None  # a committee vote: no chamber division is recorded
    assert not_enacted.date == dt.date(2023, 10, 26)
    [version] = clause.versions.all()
    assert (version.print.key, version.number) == (BROUGHT_FROM_LORDS, "65")
    assert ClauseVersion.objects.filter(print__key=BROUGHT_FROM_LORDS, number="65").count() == 1
    assert numbered.contribution.mentions.get(kind="clause").clause == clause  # the Hansard mention, resolved


def test_its_sponsors_support_it_the_committee_left_it_out_and_moving_a_motion_is_no_stance():
    load()
    supports = Clause.objects.get(key=ALTON_CLAUSE).supports.order_by("via", "name")
    assert [(s.via, s.stance, s.name, s.party_name) for s in supports] == [
        ("decision", "opposes", "", ""),
        ("speech", "spoke", "Lord Alton of Liverpool", "Crossbench"), ("speech", "spoke", "Tim Loughton", "Conservative"),
        ("sponsor", "supports", "Lord Alton of Liverpool", "Crossbench"),
        ("sponsor", "supports", "Lord Blencathra", "Conservative"),
        ("sponsor", "supports", "Lord Coaker", "Labour"), ("sponsor", "supports", "Lord Fox", "Liberal Democrat")]
    decision, alton = supports[0], supports[1]
    assert decision.note.endswith("by eight votes against five. All committee members voted along party lines.); "
                                  "members' votes not recorded")
    assert "I turn to Clause 65 and Amendment 47B in Motion 47A in my name" in alton.quote
    assert alton.method == "the rule “moves-or-tables”, confidence 0.7"


def test_without_hansard_its_number_in_the_bill_brought_from_the_lords_is_not_recorded(client):
    load(WITHOUT_HANSARD)
    clause = Clause.objects.get(key=ALTON_CLAUSE)
    [version] = clause.versions.all()
    assert (version.print.key, version.number, version.heading) == (
        BROUGHT_FROM_LORDS, "", "Timeline for removal of suppliers")
    assert clause.status == "inserted"
    clause_65 = Clause.objects.get(key=f"{BROUGHT_FROM_LORDS}-clause-65")
    assert (clause_65.heading, clause_65.status) == ("", "not_enacted")
    html = client.get(clause.get_absolute_url()).content.decode()
    assert "In this print (number not recorded)" in html and "Clause 65" not in html


def test_when_hansard_arrives_clause_65_turns_out_to_be_the_alton_clause(client):
    load(WITHOUT_HANSARD)
    clause_65 = Clause.objects.get(key=f"{BROUGHT_FROM_LORDS}-clause-65")
    load()
    clause = Clause.objects.get(key=ALTON_CLAUSE)
    clause_65.refresh_from_db()
    assert clause_65.superseded_by == clause
    assert client.get(clause_65.get_absolute_url()).headers["Location"] == clause.get_absolute_url()
    [changed] = ChangeEvent.objects.filter(kind=ChangeEvent.Kind.CLAUSE_STATUS_CHANGED)
    assert (changed.clause, changed.detail["from"], changed.detail["to"]) == (clause, "inserted", "not_enacted")
    assert changed.occurred_on == dt.date(2023, 10, 26)


def test_a_second_load_writes_no_clause_row():
    load()
    with CaptureQueriesContext(connection) as queries:
        load()
    writes = [sql for sql in data_writes(queries.captured_queries)
              if any(f'"{table}' in sql for table in ("clauses_", "events_changeevent"))]
    assert writes == []


def test_the_clause_page_shows_its_number_in_every_print_its_history_and_supporters(client):
    load()
    html = client.get(Clause.objects.get(key=ALTON_CLAUSE).get_absolute_url()).content.decode()
    numbers = html[html.index('id="numbers"'):html.index('id="text"')]
    in_order = ["Not yet proposed", "Proposed here, after Clause 61", "Clause 65", "Left out", "Not in the Act"]
    assert [numbers.index(words) for words in in_order] == sorted(numbers.index(words) for words in in_order)
    assert "Procurement Act 2023 c. 54" in numbers
    timeline = html[html.index('id="history"'):html.index('id="supporters"')]
    assert "Tim Loughton in the debate" in timeline and "How we know" in timeline and "confidence 0.8" in timeline
    assert "by eight votes against five" in timeline and "Motion 47A (Amendment 47B)" in timeline
    supporters = html[html.index('id="supporters"'):]
    assert supporters.count(">Lord Alton of Liverpool</a>") == 1  # once, with both pieces of evidence
    assert "0 opposing" not in html and "members&#x27; votes not recorded" in supporters
    assert "It was left out of the bill: nothing more will happen to it in this bill." in html
    assert "Reconstructed data" in html


def test_the_clauses_page_lists_the_print_and_the_matrix(client):
    load()
    html = client.get("/bills/3159/procurement-bill-hl/clauses/").content.decode()
    table = html[html.index('id="table"'):html.index('id="matrix"')]
    assert 'selected>As brought from the Lords' in table
    assert "Timeline for removal of suppliers" in table and "Not enacted" in table
    matrix = html[html.index('id="matrix"'):]
    row = matrix[matrix.index("Timeline for removal of suppliers"):]
    row = row[:row.index("</tr>")]
    assert [abbr in row for abbr in (">Tab<", ">Ins<", ">LO<", ">NE<")] == [True] * 4
    assert row.index(">Ins<") < row.index(">LO<") < row.index(">NE<")
    assert "Left out (taken out of the bill)" in matrix  # the legend


def test_no_clause_is_claimed_agreed_or_enacted_when_the_last_print_before_royal_assent_shows_none(client):
    """The bill became the Procurement Act 2023, but no text of its last print (entering the
    Lords stage of 25 October 2023) or of the Act is in the record, and nothing names a clause
    of it: no clause can be shown to be in the Act, so none is called agreed or enacted."""
    load()
    clauses = Clause.objects.filter(bill__bills_api_id=3159)
    assert not clauses.filter(events__kind__in=("agreed_both", "enacted")).exists()
    assert Clause.objects.get(key=ALTON_CLAUSE).status == "not_enacted"
    clause_61 = clauses.get(key="stage-9003004-clause-61")  # named at Lords Report; later prints: not recorded
    assert clause_61.status not in ("agreed_both", "enacted")
    html = client.get(clause_61.get_absolute_url()).content.decode()
    numbers = html[html.index('id="numbers"'):html.index('id="text"')]
    assert "In the Act" not in numbers and "Not recorded" in numbers
