"""The queries of the pages that compose several domains: the bill's journey with its
amendments, and a member's page with their bills, amendments, votes and speeches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from amendments.bill_divisions import BillDivision, bill_divisions
from amendments.models import Amendment
from amendments.selectors import BillAmendmentSummary, MemberActivity, bill_amendment_summary, member_activity
from bills.models import Bill, Member
from bills.selectors import BillJourney, bill_journey
from tracker.clauses.ledger import Ledger
from tracker.clauses.models import Clause
from tracker.clauses.selectors import clause_ledgers
from tracker.corrections.services import corrections_attach
from tracker.hansard.selectors import MemberContributions, member_contributions

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
    journey = bill_journey(bills_api_id=bills_api_id, today=today)
    stages = journey_stages(journey=journey)
    return BillPage(**{f.name: getattr(journey, f.name) for f in fields(journey)},
                    amendments=bill_amendment_summary(bill=journey.bill), divisions=bill_divisions(bill=journey.bill),
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
    corrections_attach([member, *([member.party] if member.party else [])])
    return MemberPage(member=member, sponsored_bills=bills, activity=member_activity(member=member, query=query),
                      contributions=member_contributions(member=member))


@dataclass(frozen=True)
class ClauseLedger:
    clause: Clause
    ledger: Ledger


def amendment_ledgers(*, amendment: Amendment) -> list[ClauseLedger]:
    """Who supports and opposes each clause the amendment inserts, changes or leaves out: the
    clause's own ledger (the one the clause page shows). Two queries."""
    clauses = list(Clause.objects.filter(Q(proposed_by=amendment) | Q(events__amendment=amendment), superseded_by=None)
                   .select_related("bill").distinct().order_by("position", "key"))
    ledgers = clause_ledgers(clauses=clauses)
    return [ClauseLedger(clause, ledgers[clause.pk]) for clause in clauses]
