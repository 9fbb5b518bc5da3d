"""The Hansard step on the synthetic Example Bill: what it stores, that a second run writes
nothing, that a changed debate is read again and an unchanged one is not, and that a debate
the parser cannot read is recorded without losing what was stored."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bills.models import Member
from tests.support.queries import data_writes
from tracker.events.models import ChangeEvent
from tracker.hansard import scrape as hansard_scrape
from tracker.hansard.models import Contribution, Debate, Mention
from tracker.scraping.models import ScrapeProblem, ScrapeRun

from .support import (
    DEBATE_ID,
    EXAMPLE_SITTING,
    FIRST_WORDS,
    OTHER_DEBATE_ID,
    contribution,
    debate_body,
    debate_url,
    hansard_responses,
    run_hansard,
    search_result,
    search_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def parses(monkeypatch):
    """Counts the debates parsed."""
    calls = []
    real = hansard_scrape.parse_debate

    def counting(raw):
        calls.append(raw["Overview"]["ExtId"])
        return real(raw)

    monkeypatch.setattr(hansard_scrape, "parse_debate", counting)
    return calls


def test_stores_the_debate_its_contributions_in_order_and_their_mentions(tmp_path):
    run = run_hansard(tmp_path / "snap", hansard_responses())
    assert run.status == ScrapeRun.Status.SUCCEEDED, list(run.problems.values_list("message", flat=True))
    debate = Debate.objects.get()
    assert (debate.hansard_ext_id, debate.house, str(debate.date), debate.location) == (
        DEBATE_ID, "Commons", EXAMPLE_SITTING, "Example Chamber (synthetic)")
    assert debate.bill_stage.description == "1st reading"  # the one Commons stage that sat that day
    assert debate.url == ""  # its id is made up (a zero GUID ending 9200001): no Hansard link is built from it
    first, second = Contribution.objects.order_by("order")
    assert first.text_plain == "I beg to move Amendment 1. I support new clause 2."
    assert first.url == ""
    assert (first.member.members_api_id, first.member_match) == (9000501, Contribution.MemberMatch.SOURCE_ID)
    assert (second.member, second.member_match) == (Member.objects.get(members_api_id=9000501),
                                                    Contribution.MemberMatch.NAME_AND_HOUSE)
    assert [(m.label, m.stance, m.stance_rule) for m in Mention.objects.order_by("contribution__order", "span_start")] == [
        ("Amendment 1", "neutral", "moves-or-tables"),
        ("New clause 2", "supports", "supports"),
        ("Clause 3", "opposes", "cannot-support"),
    ]
    clause = Mention.objects.get(kind="clause")
    assert (clause.clause_number, clause.stand_part) == ("3", True)
    unmatched = Mention.objects.get(number="1")
    assert unmatched.amendment is None
    assert unmatched.resolution == "no amendment numbered 1 is stored for 1st reading (Commons)"


def test_a_second_run_over_the_same_debates_writes_no_row_and_parses_nothing(tmp_path, parses):
    responses = hansard_responses()
    first = run_hansard(tmp_path / "first", responses)
    with CaptureQueriesContext(connection) as queries:
        second = run_hansard(tmp_path / "second", responses)
    assert first.created > 0 and parses == [DEBATE_ID]
    assert (second.created, second.updated, second.failed) == (0, 0, 0)
    assert data_writes(queries.captured_queries) == []
    assert parses == [DEBATE_ID]  # not parsed the second time


def test_a_changed_debate_is_read_again_and_its_words_and_mentions_replaced(tmp_path, parses):
    run_hansard(tmp_path / "first", hansard_responses())
    changed = debate_body([contribution("<p>I oppose Amendment 4.</p>")])
    run = run_hansard(tmp_path / "second", hansard_responses({DEBATE_ID: changed}))
    assert parses == [DEBATE_ID, DEBATE_ID]
    assert run.updated > 0
    assert list(Contribution.objects.values_list("text_plain", flat=True)) == ["I oppose Amendment 4."]
    assert [(m.label, m.stance) for m in Mention.objects.all()] == [("Amendment 4", "opposes")]


def test_a_debate_the_source_says_is_not_modified_is_not_read_again(tmp_path, parses):
    run_hansard(tmp_path / "first", hansard_responses())
    changed = debate_body([contribution("<p>Different words.</p>")])
    run_hansard(tmp_path / "second", hansard_responses({DEBATE_ID: changed}),
                headers={debate_url(DEBATE_ID): {"X-Tracker-Not-Modified": "1"}})
    assert parses == [DEBATE_ID]
    assert Contribution.objects.get(order=1).text_plain.startswith("I beg to move Amendment 1.")


def test_a_debate_whose_content_date_is_unchanged_is_not_read_again(tmp_path, parses):
    dated = "2023-03-02T10:00:00.1234567"
    run_hansard(tmp_path / "first", hansard_responses({DEBATE_ID: debate_body(FIRST_WORDS, content_last_updated=dated)}))
    reformatted = debate_body(FIRST_WORDS, content_last_updated=dated)
    reformatted["Navigator"] = []  # other bytes, same content date
    run_hansard(tmp_path / "second", hansard_responses({DEBATE_ID: reformatted}))
    assert parses == [DEBATE_ID]
    later = debate_body([contribution("<p>Corrected words.</p>")], content_last_updated="2023-03-03T10:00:00")
    run_hansard(tmp_path / "third", hansard_responses({DEBATE_ID: later}))
    assert parses == [DEBATE_ID, DEBATE_ID]
    assert Contribution.objects.get().text_plain == "Corrected words."


@pytest.mark.parametrize("unreadable", [b"<html>Service unavailable</html>", b'{"Items": []}'])
def test_an_unreadable_debate_is_a_recorded_parse_failure_and_what_was_stored_stays(tmp_path, unreadable):
    run_hansard(tmp_path / "first", hansard_responses())
    run = run_hansard(tmp_path / "second", hansard_responses(), raw_bodies={debate_url(DEBATE_ID): unreadable})
    assert run.status == ScrapeRun.Status.PARTIAL
    problem = run.problems.get()
    assert (problem.kind, problem.url, problem.step) == (ScrapeProblem.Kind.PARSE_ERROR, debate_url(DEBATE_ID), "hansard")
    assert Contribution.objects.count() == 2 and Mention.objects.count() == 3
    assert Debate.objects.get().content_hash  # still the hash of what was read


def test_a_malformed_contribution_is_recorded_the_rest_stored_and_the_debate_read_again_next_time(tmp_path, parses):
    malformed = debate_body([*FIRST_WORDS, {"ItemType": "Contribution", "MemberId": 9000501}])  # no Value
    responses = hansard_responses({DEBATE_ID: malformed})
    run = run_hansard(tmp_path / "first", responses)
    assert run.problems.get().kind == ScrapeProblem.Kind.PARSE_ERROR and "'Value'" in run.problems.get().message
    assert Contribution.objects.count() == 2
    assert Debate.objects.get().content_hash == ""
    again = run_hansard(tmp_path / "second", responses)
    assert parses == [DEBATE_ID, DEBATE_ID]  # read again, as it was not read whole
    assert (again.created, again.updated) == (0, 0)


def test_only_debates_named_for_the_bill_and_sitting_day_are_read(tmp_path, parses):
    search = {"Results": [search_result(DEBATE_ID), search_result(OTHER_DEBATE_ID, "Example Billing Arrangements"),
                          {**search_result("00000000-0000-0000-0000-000009200003"), "House": "Lords"}]}
    run_hansard(tmp_path / "snap", hansard_responses(**{search_url("Commons", EXAMPLE_SITTING): search}))
    assert parses == [DEBATE_ID]


def test_a_new_contribution_with_mentions_is_a_change_event_once_the_bill_had_some(tmp_path):
    run_hansard(tmp_path / "first", hansard_responses())
    assert not ChangeEvent.objects.exists()  # the bill's debates seen for the first time are not news
    other = debate_body([contribution("<p>I rise to support Amendment 7.</p>")], ext_id=OTHER_DEBATE_ID)
    run = run_hansard(tmp_path / "second", hansard_responses({DEBATE_ID: debate_body(FIRST_WORDS),
                                                             OTHER_DEBATE_ID: other}))
    event = ChangeEvent.objects.get()
    assert event.kind == ChangeEvent.Kind.HANSARD_MENTION and event.scrape_run == run
    assert event.member.members_api_id == 9000501
    assert event.summary == "Example Bill: Example Member spoke on Amendment 7 (supports) in the Commons on 1 March 2023"
    assert event.detail["mentions"][0]["rule"] == "rises-to-support"


def test_a_corrected_debate_that_moves_a_mention_within_the_words_is_not_news(tmp_path):
    run_hansard(tmp_path / "first", hansard_responses())
    moved = debate_body([contribution("<p>Corrected (synthetic). I beg to move Amendment 1. I support new clause 2.</p>"),
                         FIRST_WORDS[1]])
    run_hansard(tmp_path / "second", hansard_responses({DEBATE_ID: moved}))
    assert Mention.objects.get(number="1").span_start == len("Corrected (synthetic). I beg to move Amendment ")
    assert not ChangeEvent.objects.exists()


def test_an_old_debate_whose_search_entry_is_unchanged_is_not_fetched_again(tmp_path, parses, settings):
    settings.HANSARD_REREAD_DAYS = 30
    run_hansard(tmp_path / "first", hansard_responses())
    changed = debate_body([contribution("<p>I oppose Amendment 4.</p>")])
    second = run_hansard(tmp_path / "second", hansard_responses({DEBATE_ID: changed}))
    assert parses == [DEBATE_ID]  # the sitting is long past and the search lists it as before
    assert (second.created, second.updated) == (0, 0)
    renamed = {"Results": [search_result(DEBATE_ID, "Example Bill (Second Day)")]}
    run_hansard(tmp_path / "third", hansard_responses({DEBATE_ID: changed},
                                                      **{search_url("Commons", EXAMPLE_SITTING): renamed}))
    assert parses == [DEBATE_ID, DEBATE_ID]
    assert list(Contribution.objects.values_list("text_plain", flat=True)) == ["I oppose Amendment 4."]
