"""The queries of the pages that compose several domains: the bill's journey with its
amendments, and a member's page with their bills, amendments, votes and speeches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from amendments.bill_divisions import BillDivision, bill_divisions
from amendments.models import Amendment
from amendments.ping_pong_thread import Thread
from amendments.selectors import (
    AmendmentPage,
    BillAmendmentSummary,
    MemberActivity,
    amendment_page,
    amendment_page_records,
    bill_amendment_summary,
    member_activity,
    ping_pong_threads,
)
from bills.models import Bill, Member
from bills.selectors import BillJourney, bill_journey, journey_records
from tracker.clauses.ledger import Ledger
from tracker.clauses.marks import ledger_mentions, ledger_records, ledger_with_corrected_parties
from tracker.clauses.models import Clause
from tracker.clauses.selectors import clause_ledgers, ping_pong_items_naming
from tracker.corrections.services import corrections_attach
from tracker.hansard.selectors import MemberContributions, Speeches, member_contributions, speeches_on_amendment
from tracker.listing import Listing, listing

from .journey import Chart, StageDates
from .journey_page import journey_drawing, journey_stages


@dataclass(frozen=True)
class BillPage(BillJourney):
    amendments: BillAmendmentSummary
    divisions: list[BillDivision]
    journey_stages: list[StageDates]  # the timeline numbered as the chart numbers it, with links
    journey_chart: Chart | None


def bill_page(*, bills_api_id: int, today: dt.date | None = None) -> BillPage:
    today = today or timezone.localdate()
    journey = bill_journey(bills_api_id=bills_api_id, today=today, marked=False)
    divisions = bill_divisions(bill=journey.bill)
    corrections_attach([*journey_records(journey), *(item.division for item in divisions)])
    stages = journey_stages(journey=journey)
    return BillPage(**{f.name: getattr(journey, f.name) for f in fields(journey)},
                    amendments=bill_amendment_summary(bill=journey.bill), divisions=divisions,
                    journey_stages=stages, journey_chart=journey_drawing(journey=journey, stages=stages, today=today))


@dataclass(frozen=True)
class MemberPage:
    member: Member
    sponsored_bills: list[Bill]
    activity: MemberActivity
    contributions: MemberContributions


def member_page(*, members_api_id: int, query: Mapping[str, str]) -> MemberPage:
    """A member's page, their amendments and votes 100 a page (`query`, see tracker/listing.py)."""
    member = get_object_or_404(Member.objects.select_related("party"), members_api_id=members_api_id)
    bills = list(Bill.objects.filter(sponsors__member=member).distinct().order_by("-source_last_update"))
    activity, contributions = member_activity(member=member, query=query), member_contributions(member=member)
    corrections_attach([member, *([member.party] if member.party else []), *bills, *_activity_records(activity),
                        *_contribution_records(contributions)])
    return MemberPage(member=member, sponsored_bills=bills, activity=activity, contributions=contributions)


def _activity_records(activity: MemberActivity) -> list:
    """What the member's amendments and votes show: each amendment or motion and its stage and bill, vote,
    division and what it decided."""
    votes, items = activity.votes, [s.sponsored for s in (*activity.led, *activity.supported)]
    return [*items, *(record for item in items for record in (item.bill_stage, item.bill_stage.bill)), *votes,
            *(v.division for v in votes), *(link for v in votes for link in v.division.links.all())]


def _contribution_records(contributions: MemberContributions) -> list:
    """What the member's speeches show: each debate (its title and stage) and the stances read."""
    debates = [row.contribution.debate for row in contributions.contributions]
    return [*debates, *(debate.bill_stage for debate in debates if debate.bill_stage),
            *(linked.mention for row in contributions.contributions for linked in row.mentions)]


@dataclass(frozen=True)
class ClauseLedger:
    clause: Clause
    ledger: Ledger
    people: Listing | None = None  # on a page: the ledger's people, 100 a page (every one when None)
    anchor: str = ""  # on a page: the id of the heading over it, where its page links lead


def amendment_ledgers(*, amendment: Amendment) -> list[ClauseLedger]:
    """Who supports and opposes each clause the amendment inserts, changes or leaves out: the
    clause's own ledger (the one the clause page shows). Two queries."""
    clauses = list(Clause.objects.filter(Q(proposed_by=amendment) | Q(events__amendment=amendment), superseded_by=None)
                   .select_related("bill").distinct().order_by("position", "key"))
    ledgers = clause_ledgers(clauses=clauses)
    return [ClauseLedger(clause, ledgers[clause.pk]) for clause in clauses]


def clauses_threads(*, bill: Bill, clauses: list[Clause]) -> list[Thread]:
    """The exchanges between the Houses over these clauses (an amendment's): each whole thread with a
    motion or amendment named with one of them in debate. Three queries; one when none is named."""
    named = ping_pong_items_naming(clauses=clauses)
    if not named:
        return []
    return [thread for thread in ping_pong_threads(bill=bill) if any(step.row.pk in named for step in thread.steps)]


@dataclass(frozen=True)
class AmendmentDetail:
    page: AmendmentPage
    speeches: Speeches  # what was said of it in debate
    ledgers: list[ClauseLedger]  # of the clauses it inserts, changes or leaves out


def amendment_detail(*, bills_api_id: int, query: Mapping[str, str]) -> AmendmentDetail:
    """The amendment's page, what was said of it, and its clauses' ledgers (each one's people 100
    a page by `query`, as on the clause page), with the corrections of everything they show, read
    in one query."""
    page = amendment_page(bills_api_id=bills_api_id, marked=False)
    speeches = speeches_on_amendment(amendment=page.amendment)
    ledgers = amendment_ledgers(amendment=page.amendment)
    supports = [item.row for found in ledgers for item in found.ledger.evidence]
    ledger_mentions(supports=supports)
    speakers = [speech.member for speech in speeches.all if speech.member]
    corrections_attach([*amendment_page_records(page), *(speech.mention for speech in speeches.all),
                        *(speech.stage for speech in speeches.all if speech.stage), *speakers,
                        *(member.party for member in speakers if member.party),
                        *ledger_records(supports)])
    return AmendmentDetail(page, speeches, [_paged(found, n, query) for n, found in enumerate(ledgers)])


def _paged(found: ClauseLedger, index: int, query: Mapping[str, str]) -> ClauseLedger:
    """The amendment page's ledger number `index` (from 0), its parties as corrected (its records carry
    `.corrected`), its people 100 a page by `query`, as on the clause page."""
    corrected = ledger_with_corrected_parties(found.ledger)
    anchor = f"supporters-{index + 1}" if index else "supporters"
    return replace(found, ledger=corrected, anchor=anchor, people=listing(
        corrected.entries, query=query, noun="people", param=f"people{index or ''}", anchor=anchor))
