"""The queries the bill pages need: each page runs a fixed number of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from amendments.bill_divisions import BillDivision, bill_divisions
from amendments.selectors import BillAmendmentSummary, MemberActivity, bill_amendment_summary, member_activity
from tracker.corrections.services import corrections_attach
from tracker.hansard.selectors import MemberContributions, member_contributions
from tracker.scraping.models import ScrapedBill, ScrapeRun
from tracker.scraping.selectors import latest_scraped

from .clauses.display import (
    STATUS_STYLES,
    PrintNumber,
    StatusStyle,
    VersionText,
    numbers_by_print,
    status_style,
    texts_with_differences,
)
from .clauses.ledger import Evidence, Ledger, ledger
from .models import (
    Bill,
    BillSponsor,
    BillStage,
    Clause,
    ClauseEvent,
    ClauseSupport,
    ClauseVersion,
    Member,
    Print,
    Publication,
    Sitting,
    StageType,
)


def bills_with_activity() -> QuerySet[Bill]:
    """Bills annotated with `last_activity`: their latest sitting, else the source's last update."""
    return (
        Bill.objects.select_related("current_stage__stage_type", "bill_type")
        .annotate(last_activity=Coalesce(Max("stages__sittings__date"), TruncDate("source_last_update")))
        .order_by("-last_activity", "-bills_api_id")
    )


@dataclass(frozen=True)
class BillFilters:
    q: str = ""
    session: int | None = None
    house: str = ""
    stage_type: int | None = None
    is_act: bool | None = None


def bill_list(*, filters: BillFilters) -> QuerySet[Bill]:
    bills = bills_with_activity()
    if filters.q:
        bills = bills.filter(Q(short_title__icontains=filters.q) | Q(long_title__icontains=filters.q)
                             | Q(former_short_title__icontains=filters.q))
    if filters.session is not None:
        bills = bills.filter(sessions__bills_api_id=filters.session)
    if filters.house:
        bills = bills.filter(current_house=filters.house)
    if filters.stage_type is not None:
        bills = bills.filter(current_stage__stage_type__bills_api_id=filters.stage_type)
    if filters.is_act is not None:
        bills = bills.filter(is_act=filters.is_act)
    return bills.distinct() if filters.session is not None else bills


def recently_moved_bills(*, limit: int = 10) -> list[Bill]:
    return list(bills_with_activity()[:limit])


def current_stage_types() -> QuerySet[StageType]:
    """The stage types some bill is at now: the choices of the bill list's stage filter."""
    return StageType.objects.filter(bill_stages__in=Bill.objects.values("current_stage")).distinct().order_by("name")


@dataclass(frozen=True)
class TimelineStage:
    stage: BillStage
    house: str
    name: str
    sittings: tuple[dt.date | None, ...]
    is_current: bool
    is_future: bool

    @property
    def first_date(self) -> dt.date | None:
        return next((d for d in self.sittings if d), None)


@dataclass(frozen=True)
class BillPage:
    bill: Bill
    sponsors: list[BillSponsor]
    timeline: list[TimelineStage]
    next_sitting: tuple[TimelineStage, dt.date] | None
    publications: list[Publication]
    last_check: ScrapedBill | None
    last_change: ScrapedBill | None
    amendments: BillAmendmentSummary
    divisions: list[BillDivision]


def bill_page(*, bills_api_id: int, today: dt.date | None = None) -> BillPage:
    today = today or timezone.localdate()
    bill = get_object_or_404(
        Bill.objects.select_related("current_stage__stage_type", "bill_type", "introduced_session"),
        bills_api_id=bills_api_id,
    )
    stages = list(
        BillStage.objects.filter(bill=bill)
        .select_related("stage_type")
        .prefetch_related(Prefetch("sittings", queryset=Sitting.objects.order_by("date", "bills_api_id")))
        .order_by("sort_order", "bills_api_id")
    )
    timeline = [_timeline_stage(stage, bill, today) for stage in stages]
    upcoming = [(row, date) for row in timeline for date in row.sittings if date and date > today]
    sponsors = list(bill.sponsors.select_related("member__party"))
    corrections_attach([bill, *sponsors])
    publications = list(bill.publications.order_by("-display_date", "-bills_api_id"))
    return BillPage(
        bill=bill,
        sponsors=sponsors,
        timeline=timeline,
        next_sitting=min(upcoming, key=lambda pair: pair[1]) if upcoming else None,
        publications=publications,
        last_check=latest_scraped(bills_api_id=bill.bills_api_id),
        last_change=latest_scraped(bills_api_id=bill.bills_api_id, wrote_rows=True),
        amendments=bill_amendment_summary(bill=bill),
        divisions=bill_divisions(bill=bill),
    )


def _timeline_stage(stage: BillStage, bill: Bill, today: dt.date) -> TimelineStage:
    dates = tuple(sitting.date for sitting in stage.sittings.all())
    known = [d for d in dates if d]
    return TimelineStage(
        stage=stage,
        house=stage.house,
        name=stage.description,
        sittings=dates,
        is_current=stage.pk == bill.current_stage_id,
        is_future=bool(known) and min(known) > today,
    )


@dataclass(frozen=True)
class MemberPage:
    member: Member
    sponsored_bills: list[Bill]
    activity: MemberActivity
    contributions: MemberContributions


def member_page(*, members_api_id: int) -> MemberPage:
    member = get_object_or_404(Member.objects.select_related("party"), members_api_id=members_api_id)
    bills = list(Bill.objects.filter(sponsors__member=member).distinct().order_by("-source_last_update"))
    corrections_attach([member])
    return MemberPage(member=member, sponsored_bills=bills, activity=member_activity(member=member),
                      contributions=member_contributions(member=member))


def latest_scrape() -> ScrapeRun | None:
    return ScrapeRun.objects.exclude(status=ScrapeRun.Status.RUNNING).first()


# Clauses


@dataclass(frozen=True)
class MatrixCell:
    stage: BillStage
    styles: tuple[StatusStyle, ...]  # what happened to the clause at this stage, in order

    @property
    def last(self) -> StatusStyle | None:
        return self.styles[-1] if self.styles else None


@dataclass(frozen=True)
class MatrixRow:
    clause: Clause
    cells: list[MatrixCell]


@dataclass(frozen=True)
class ClauseRow:
    version: ClauseVersion  # with its clause
    status: StatusStyle | None  # the clause's current status


@dataclass(frozen=True)
class BillClausesPage:
    bill: Bill
    prints: list[Print]
    chosen: Print | None
    rows: list[ClauseRow]  # the chosen print's clauses and schedules
    stages: list[BillStage]
    matrix: list[MatrixRow]
    legend: list[StatusStyle]
    reconstructed: bool


def bill_clauses_page(*, bills_api_id: int, print_key: str | None = None) -> BillClausesPage:
    """The bill's clauses in one print (default: the latest with any recorded) and the
    clause-by-stage matrix. Six queries, however many clauses and amendments."""
    bill = get_object_or_404(Bill, bills_api_id=bills_api_id)
    prints = list(Print.objects.filter(bill=bill).select_related("bill_stage", "publication")
                  .annotate(version_count=Count("versions")).order_by("position"))
    with_versions = [p for p in prints if p.version_count]
    chosen = next((p for p in prints if p.key == print_key), None) or (with_versions[-1] if with_versions else None)
    versions = ClauseVersion.objects.filter(print=chosen).select_related("clause__status_stage", "clause__bill")
    rows = [ClauseRow(v, status_style(v.clause.status)) for v in versions.order_by("kind", "position")
            ] if chosen else []
    stages = list(BillStage.objects.filter(bill=bill).order_by("sort_order", "bills_api_id"))
    clauses = list(Clause.objects.filter(bill=bill, superseded_by=None).select_related("bill")
                   .order_by("position", "key"))
    matrix = [MatrixRow(clause, [MatrixCell(stage, tuple(
        style for kind in clause.stage_marks.get(str(stage.pk), ()) if (style := status_style(kind))))
        for stage in stages]) for clause in clauses]
    last_check = latest_scraped(bills_api_id=bill.bills_api_id)
    shown = {style.kind for row in matrix for cell in row.cells for style in cell.styles}
    return BillClausesPage(bill, prints, chosen, rows, stages, matrix,
                           [style for style in STATUS_STYLES.values() if style.kind in shown],
                           bool(last_check and last_check.run.reconstructed))


@dataclass(frozen=True)
class TimelineEvent:
    event: ClauseEvent
    style: StatusStyle | None


@dataclass(frozen=True)
class ClausePage:
    clause: Clause
    bill: Bill
    status: StatusStyle | None
    numbers: list[PrintNumber]
    texts: list[VersionText]
    events: list[TimelineEvent]
    ledger: Ledger
    next_sitting: Sitting | None
    reconstructed: bool


def clause_ledger(*, clause: Clause) -> Ledger:
    """Who supports and opposes the clause, each person once with all their evidence: the one
    answer the clause page, the amendment page, the supporters CSV and the alerts give. One query."""
    supports = clause.supports.select_related("member", "amendment", "division", "contribution__debate",
                                              "account_entry")
    return ledger(_support_evidence(support) for support in supports)


def _support_evidence(support: ClauseSupport) -> Evidence:
    member = support.member
    who = None if support.via == ClauseSupport.Via.DECISION else str(
        support.members_api_id if support.members_api_id is not None else support.name)
    return Evidence(who, support.name or (member.name_display_as if member else ""), support.party_name,
                    member.house if member else "", support.stance, support.via, support.date, support.note, support)


def clause_page(*, bills_api_id: int, key: str, today: dt.date | None = None) -> ClausePage | Clause:
    """A clause's page; or, for a clause later found to be another, the clause it is
    (its address then leads there). A fixed number of queries."""
    today = today or timezone.localdate()
    clause = get_object_or_404(
        Clause.objects.select_related("bill", "superseded_by__bill", "proposed_by__bill_stage", "status_stage"),
        bill__bills_api_id=bills_api_id, key=key)
    if clause.superseded_by_id:
        return clause.superseded_by
    prints = list(Print.objects.filter(bill=clause.bill).select_related("bill_stage").order_by("position"))
    versions = list(clause.versions.select_related("print__bill_stage").order_by("print__position"))
    events = list(clause.events.select_related("bill_stage", "amendment", "division", "print",
                                               "contribution__member").order_by("sequence"))
    next_sitting = (Sitting.objects.filter(bill_stage__bill=clause.bill, date__gt=today)
                    .select_related("bill_stage").order_by("date").first())
    last_check = latest_scraped(bills_api_id=clause.bill.bills_api_id)
    return ClausePage(
        clause=clause, bill=clause.bill, status=status_style(clause.status),
        numbers=numbers_by_print(clause, prints, versions, events), texts=texts_with_differences(versions),
        events=[TimelineEvent(event, status_style(event.kind)) for event in events],
        ledger=clause_ledger(clause=clause), next_sitting=next_sitting,
        reconstructed=bool(last_check and last_check.run.reconstructed),
    )
