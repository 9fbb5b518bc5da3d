"""The queries the bills pages need (the list, a bill's journey): each runs a fixed number of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Max, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tracker.corrections.services import corrections_attach
from tracker.scraping.models import ScrapedBill, ScrapeRun
from tracker.scraping.selectors import latest_scraped

from .models import Bill, BillSponsor, BillStage, Publication, Sitting, StageType
from .whats_next import WhatNext, what_next


def bills_with_activity() -> QuerySet[Bill]:
    """Bills annotated with `last_sitting` and `last_activity` (their latest sitting, else the
    source's last update: an order, never to be shown as a sitting)."""
    return (
        Bill.objects.select_related("current_stage__stage_type", "bill_type")
        .annotate(last_sitting=Max("stages__sittings__date"),
                  last_activity=Coalesce(Max("stages__sittings__date"), TruncDate("source_last_update")))
        .order_by(F("last_activity").desc(nulls_last=True), "-bills_api_id")
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


def _listed(bills: Sequence[Bill]) -> list:
    """What a bill list shows of each bill: the bill, its current stage and its type."""
    return [*bills, *(bill.current_stage for bill in bills if bill.current_stage),
            *(bill.bill_type for bill in bills if bill.bill_type)]


def recently_moved_bills(*, limit: int = 10) -> list[Bill]:
    bills = list(bills_with_activity()[:limit])
    corrections_attach(_listed(bills))
    return bills


def bill_list_page(*, filters: BillFilters, page_number: str | int | None, per_page: int,
                   stage_types: Sequence[StageType] = ()) -> Page:
    """One page of the bill list, each bill with its editors' corrections (and those of the
    filter's `stage_types`, in the same query)."""
    page = Paginator(bill_list(filters=filters), per_page).get_page(page_number)
    page.object_list = list(page.object_list)
    corrections_attach([*_listed(page.object_list), *stage_types])
    return page


def current_stage_types() -> list[StageType]:
    """The stage types some bill is at now: the choices of the bill list's stage filter."""
    return list(StageType.objects.filter(bill_stages__in=Bill.objects.values("current_stage")).distinct()
                .order_by("name"))


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
class BillJourney:
    bill: Bill
    sponsors: list[BillSponsor]
    timeline: list[TimelineStage]
    what_next: WhatNext
    publications: list[Publication]
    last_check: ScrapedBill | None
    last_change: ScrapedBill | None


def bill_journey(*, bills_api_id: int, today: dt.date | None = None, marked: bool = True) -> BillJourney:
    """The bill, its sponsors, its stages and sittings in order, its publications and when it was checked;
    with their editors' corrections unless not `marked` (a page showing more reads them all at once)."""
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
    sponsors = list(bill.sponsors.select_related("member__party"))
    publications = list(bill.publications.order_by("-display_date", "-bills_api_id"))
    journey = BillJourney(
        bill=bill,
        sponsors=sponsors,
        timeline=timeline,
        what_next=what_next(bill=bill, stages=stages, today=today),
        publications=publications,
        last_check=latest_scraped(bills_api_id=bill.bills_api_id),
        last_change=latest_scraped(bills_api_id=bill.bills_api_id, wrote_rows=True),
    )
    if marked:
        corrections_attach(journey_records(journey))
    return journey


def journey_records(journey: BillJourney) -> list:
    """What the bill's journey shows that an editor may have corrected: the bill, its type and
    current stage, its sponsors (members and parties), its stages and sittings, its publications."""
    members = [sponsor.member for sponsor in journey.sponsors if sponsor.member]
    stages = [item.stage for item in journey.timeline]
    return [*_listed([journey.bill]), *journey.sponsors, *members, *(m.party for m in members if m.party), *stages,
            *(sitting for stage in stages for sitting in stage.sittings.all()), *journey.publications]


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


def latest_scrape() -> ScrapeRun | None:
    return ScrapeRun.objects.exclude(status=ScrapeRun.Status.RUNNING).first()
