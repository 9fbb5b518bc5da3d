"""Scrape steps for bills and members: fetch, parse, then store. Called by the pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Max

from tracker.scraping.models import ScrapedBill, ScrapeRun
from tracker.scraping.pipeline import ScrapeContext
from tracker.scraping.values import uk_aware

from . import store
from .models import Bill, Member
from .sources import bills_api_fetch, members_api_fetch
from .sources import bills_api_parse as bills_api
from .sources import members_api_parse as members_api


def bill_types_scrape(context: ScrapeContext) -> None:
    pages = bills_api_fetch.bill_type_pages(context.session, base_url=settings.BILLS_API_URL)
    bill_types, _ = _read_pages(context, pages, bills_api.parse_bill_types, url=f"{settings.BILLS_API_URL}/BillTypes")
    context.recorder.add(store.bill_types_store(bill_types))


def stage_types_scrape(context: ScrapeContext) -> None:
    pages = bills_api_fetch.stage_type_pages(context.session, base_url=settings.BILLS_API_URL)
    stage_types, _ = _read_pages(context, pages, bills_api.parse_stage_references,
                                 url=f"{settings.BILLS_API_URL}/Stages")
    context.recorder.add(store.stage_types_store(stage_types))


def bill_scrape(context: ScrapeContext, bill_id: int) -> None:
    """Fetch the bill, its stages and publications, and the members it names; then store
    them together. What could not be fetched is recorded and left as stored."""
    recorder, base = context.recorder, settings.BILLS_API_URL
    bill = None
    with recorder.fetching(url_hint=f"{base}/Bills/{bill_id}"):
        bill = bills_api.parse_bill(bills_api_fetch.bill(context.session, base_url=base, bill_id=bill_id))
    if bill is None:
        return
    stages, complete = _read_pages(context, bills_api_fetch.bill_stage_pages(context.session, base_url=base,
                                                                             bill_id=bill_id),
                                   bills_api.parse_bill_stages, url=f"{base}/Bills/{bill_id}/Stages")
    publications = None
    with recorder.fetching(url_hint=f"{base}/Bills/{bill_id}/Publications"):
        parsed = bills_api.parse_bill_publications(
            bills_api_fetch.publications(context.session, base_url=base, bill_id=bill_id))
        recorder.parse_errors(parsed.errors, url=f"{base}/Bills/{bill_id}/Publications")
        publications = parsed.publications
    # The people in charge are read again every time (a handful); everyone else once.
    members_ensure(context, [s.member.member_id for s in bill.sponsors if s.member], refresh=True)
    with recorder.fetching(url_hint=f"{base}/Bills/{bill_id}"):
        counts = store.bill_store(store.FetchedBill(bill, stages, publications, stages_complete=complete),
                                  run=recorder.run)
        recorder.add(counts)
        ScrapedBill.objects.create(run=recorder.run, bills_api_id=bill_id,
                                   wrote_rows=bool(counts.created or counts.updated))


def members_ensure(context: ScrapeContext, member_ids: Iterable[int], *, refresh: bool = False) -> None:
    """Fetch and store the members not stored yet (all of them, with `refresh`); one the
    Members API lacks is recorded, and what is stored of them is kept."""
    wanted = set(member_ids)
    if not refresh:
        wanted -= set(Member.objects.filter(members_api_id__in=wanted).values_list("members_api_id", flat=True))
    fetched = []
    for member_id in sorted(wanted):
        with context.recorder.fetching(url_hint=f"{settings.MEMBERS_API_URL}/Members/{member_id}"):
            fetched.append(members_api.parse_member_item(
                members_api_fetch.member(context.session, base_url=settings.MEMBERS_API_URL, member_id=member_id)))
    if fetched:
        with context.recorder.fetching(url_hint=f"{settings.MEMBERS_API_URL}/Members"):
            context.recorder.add(store.members_store(fetched))


def _read_pages(context: ScrapeContext, pages, parse_page, *, url: str) -> tuple[tuple, bool]:
    """The items of a paged list, and whether it was read to its end. If a page fails, the items
    read before it are still returned (upserts never delete, so storing them loses nothing) and
    the failure is recorded."""
    items: list = []
    complete = False
    with context.recorder.fetching(url_hint=url):
        for raw in pages:
            page = parse_page(raw)
            context.recorder.parse_errors(page.errors, url=url)
            items.extend(page.items)
        complete = True
    return tuple(items), complete


def bills_updated_since(context: ScrapeContext, since: dt.datetime) -> list[int]:
    """Ids of the bills the source updated at or after `since`, read from the bill list
    newest first; reading stops at the first page with nothing that recent."""
    since = uk_aware(since)
    found: list[int] = []
    url = f"{settings.BILLS_API_URL}/Bills"
    with context.recorder.fetching(url_hint=url):
        for raw in bills_api_fetch.bills_by_last_update_pages(context.session, base_url=settings.BILLS_API_URL):
            page = bills_api.parse_bill_list(raw)
            context.recorder.parse_errors(page.errors, url=url)
            recent = [bill.bill_id for bill in page.items if uk_aware(bill.last_update) >= since]
            found.extend(recent)
            if not recent:
                break
    return found


def session_bills_changed(context: ScrapeContext, session_id: int | None) -> list[int]:
    """Ids of the bills of a session (the current one when None) worth scraping now: those the
    source's lastUpdate says changed since they were stored, and those whose last scrape did
    not finish cleanly. Bills an admin stopped tracking are left out. One request a page."""
    base, url = settings.BILLS_API_URL, f"{settings.BILLS_API_URL}/Bills"
    listed: list[bills_api.BillSummary] = []
    with context.recorder.fetching(url_hint=url):
        if session_id is None:
            session_id = _current_session_id(context)
        if session_id is None:
            return []
        for raw in bills_api_fetch.session_bill_pages(context.session, base_url=base, session_id=session_id):
            page = bills_api.parse_bill_list(raw)
            context.recorder.parse_errors(page.errors, url=url)
            listed.extend(page.items)
    ids = [bill.bill_id for bill in listed]
    stored = {pk: (last_update, tracked) for pk, last_update, tracked in Bill.objects.filter(
        bills_api_id__in=ids).values_list("bills_api_id", "source_last_update", "is_tracked")}
    clean = _cleanly_scraped(ids)
    return [bill.bill_id for bill in listed
            if bill.bill_id not in stored
            or (stored[bill.bill_id][1] and (bill.bill_id not in clean or bill.last_update is None
                                             or uk_aware(bill.last_update) != stored[bill.bill_id][0]))]


def _current_session_id(context: ScrapeContext) -> int | None:
    """The newest session named by the most recently updated bills (the Bills API has no
    list of sessions)."""
    raw = next(iter(bills_api_fetch.bills_by_last_update_pages(context.session, base_url=settings.BILLS_API_URL)))
    page = bills_api.parse_bill_list(raw)
    return max((s for bill in page.items for s in (bill.introduced_session_id, *bill.included_session_ids)),
               default=None)


def _cleanly_scraped(bill_ids: list[int]) -> set[int]:
    """The bills whose latest scrape run finished without a failure."""
    latest = dict(ScrapedBill.objects.filter(bills_api_id__in=bill_ids).values("bills_api_id")
                  .annotate(run=Max("run_id")).values_list("bills_api_id", "run"))
    succeeded = set(ScrapeRun.objects.filter(pk__in=set(latest.values()), status=ScrapeRun.Status.SUCCEEDED)
                    .values_list("pk", flat=True))
    return {bill_id for bill_id, run in latest.items() if run in succeeded}
