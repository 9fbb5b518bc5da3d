"""Scrape steps for amendments, ping-pong items and divisions: fetch, parse, then store.
Called by the pipeline after the bill step, for bills it stored."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Min

from bills.models import Bill, BillStage, Sitting
from bills.scrape import members_ensure
from tracker.scraping.counts import StoreCounts
from tracker.scraping.listed import changed_keys, entries_remember, entry_digest
from tracker.scraping.pipeline import ScrapeContext

from . import store
from .derive import division_links_derive
from .division_links import references_in_commons_title, references_in_lords_notes
from .models import GroupedAmendment, PingPongItem, SourceList
from .sources import amendments_fetch, votes_api_fetch
from .sources import amendments_parse as bills_api
from .sources.commons_votes_parse import parse_commons_division, parse_commons_division_search
from .sources.lords_votes_parse import parse_lords_division, parse_lords_division_search


@dataclass(frozen=True)
class _ListRead:
    items: tuple
    complete: bool  # False: a page failed; `items` holds what came before it


def _list_read(context: ScrapeContext, pages: Iterator[Any], parse_page: Callable, *, url: str) -> _ListRead:
    """Every item of a paged list. A page that fails is recorded (a 404 as missing) and the
    items read before it are kept: upserts never delete, so storing them loses nothing.
    The list counts as read whole only when every page came and every item on it parsed."""
    items: list = []
    complete = False
    with context.recorder.fetching(url_hint=url):
        unread = 0
        for raw in pages:
            page = parse_page(raw)
            context.recorder.parse_errors(page.errors, url=url)
            items.extend(page.items)
            unread += len(page.errors)
        complete = not unread
    return _ListRead(tuple(items), complete)


def _details(context: ScrapeContext, *, list_url: str, ids: Iterable[int], parse: Callable) -> dict[int, Any]:
    """Each item's detail by id; one that cannot be fetched or read is recorded and left out."""
    found = {}
    for item_id in ids:
        with context.recorder.fetching(url_hint=f"{list_url}/{item_id}"):
            found[item_id] = parse(amendments_fetch.list_item(context.session, list_url=list_url, item_id=item_id))
    return found


def _stored_bill(bill_id: int) -> Bill | None:
    """None when the bill step could not store the bill (it recorded why)."""
    return Bill.objects.filter(bills_api_id=bill_id).first()


# Amendments and ping-pong


def amendments_scrape(context: ScrapeContext, bill_id: int) -> None:
    """For every stage of the bill: its amendments, then its ping-pong items, each with detail."""
    bill = _stored_bill(bill_id)
    if bill is None:
        return
    for stage in BillStage.objects.filter(bill=bill).select_related("bill").order_by("sort_order", "bills_api_id"):
        for stage_list in _STAGE_LISTS:
            _stage_list_scrape(context, stage, stage_list)


def _ping_pong_sponsor_ids(items: Iterable[bills_api.PingPongItem]) -> list[int]:
    sides = [store.ping_pong_side(item) for item in items]
    grouped = [a for side in sides for group in getattr(side, "groups", ()) for a in group.amendments]
    return [s.member_id for found in (*sides, *grouped) for s in found.sponsors]


@dataclass(frozen=True)
class _StageList:
    """A stage's list in the Bills API: how to address, read and store it."""

    url: Callable[..., str]
    parse_page: Callable
    item_id: Callable[[Any], int]
    parse_detail: Callable
    sponsor_ids: Callable[[Iterable], list[int]]
    fetched: Callable[..., Any]
    store: Callable[..., Any]


_STAGE_LISTS = (
    _StageList(amendments_fetch.amendments_url, bills_api.parse_amendment_search_result, lambda i: i.amendment_id,
               bills_api.parse_amendment_detail, lambda items: [s.member_id for i in items for s in i.sponsors],
               store.FetchedAmendments, store.stage_amendments_store),
    _StageList(amendments_fetch.ping_pong_url, bills_api.parse_ping_pong_search_result,
               lambda i: store.ping_pong_side(i).id, bills_api.parse_ping_pong_detail_item, _ping_pong_sponsor_ids,
               store.FetchedPingPong, store.stage_ping_pong_store),
)


def _stage_list_scrape(context: ScrapeContext, stage: BillStage, stage_list: _StageList) -> None:
    """Read the list; fetch the detail of each item whose list entry changed since the last
    read, and the members named for the first time; store those items in one transaction.
    A list the source does not answer stores nothing; a list that reads as before, nothing."""
    url = stage_list.url(base_url=settings.BILLS_API_URL, bill_id=stage.bill.bills_api_id,
                         bill_stage_id=stage.bills_api_id)
    listed = _list_read(context, amendments_fetch.amendment_pages(context.session, list_url=url),
                        stage_list.parse_page, url=url)
    if not listed.items and not listed.complete:
        return
    digests = {str(stage_list.item_id(item)): entry_digest(position, item)
               for position, item in enumerate(listed.items)}
    changed = changed_keys(url, digests)
    context.recorder.add(StoreCounts(unchanged=len(digests) - len(changed)))
    if not changed and (not listed.complete or SourceList.objects.filter(url=url).exists()):
        return
    items = [item for item in listed.items if str(stage_list.item_id(item)) in changed]
    details = _details(context, list_url=url, ids=[stage_list.item_id(item) for item in items],
                       parse=stage_list.parse_detail)
    members_ensure(context, stage_list.sponsor_ids([*items, *details.values()]))
    with context.recorder.fetching(url_hint=url), transaction.atomic():
        context.recorder.add(stage_list.store(
            bill_stage=stage, run=context.recorder.run,
            fetched=stage_list.fetched(url, listed.complete, listed.items, details,
                                       only=frozenset(stage_list.item_id(item) for item in items))))
        entries_remember(url, {str(item_id): digests[str(item_id)] for item_id in details})


# Divisions


_HOUSE_SUFFIX = re.compile(r"\s*\[(?:HL|Lords)\]\s*$")


def division_search_term(short_title: str) -> str:
    """The bill's short title without the " [HL]" that marks a Lords bill."""
    return _HOUSE_SUFFIX.sub("", short_title).strip()


def names_bill(title: str | None, search_term: str) -> bool:
    """Votes API titles begin with the bill's name ("Procurement Bill [Lords]: Amendment 2"),
    so a division on "Defence Procurement Bill" does not count for "Procurement Bill"."""
    return bool(re.match(re.escape(search_term) + r"(?![\w-])", (title or "").strip(), re.IGNORECASE))


@dataclass(frozen=True)
class _VotesApi:
    kind: str
    house: str
    base_url: Callable[[], str]
    search_url: Callable[..., str]
    search_pages: Callable[..., Iterator[list]]
    parse_search: Callable
    division: Callable[..., Any]
    parse_division: Callable


_VOTES_APIS = (
    _VotesApi(SourceList.Kind.COMMONS_DIVISIONS, "Commons", lambda: settings.COMMONS_VOTES_API_URL,
              votes_api_fetch.commons_search_url, votes_api_fetch.commons_division_search_pages,
              parse_commons_division_search, votes_api_fetch.commons_division, parse_commons_division),
    _VotesApi(SourceList.Kind.LORDS_DIVISIONS, "Lords", lambda: settings.LORDS_VOTES_API_URL,
              votes_api_fetch.lords_search_url, votes_api_fetch.lords_division_search_pages,
              parse_lords_division_search, votes_api_fetch.lords_division, parse_lords_division),
)


def divisions_scrape(context: ScrapeContext, bill_id: int) -> None:
    """Search both Houses' divisions by the bill's name, keep those on the bill, read in full
    each whose search entry changed, store them with their votes, then (when this run wrote
    anything of the bill) link each division to what it decided."""
    bill = _stored_bill(bill_id)
    if bill is None:
        return
    term = division_search_term(bill.short_title)
    if not term:  # an empty search would return every division
        return
    since = Sitting.objects.filter(bill_stage__bill=bill).aggregate(first=Min("date"))["first"]
    fetched = [_house_divisions(context, api, term, since, ping_pong_days(bill, api.house)) for api in _VOTES_APIS]
    if any(found.divisions or (found.complete and not SourceList.objects.filter(url=found.url).exists())
           for found in fetched):
        _divisions_store(context, bill, fetched)
    if context.wrote_for_bill():
        context.recorder.add(division_links_derive(bill=bill))


def _divisions_store(context: ScrapeContext, bill: Bill, fetched: list[store.FetchedDivisions]) -> None:
    members_ensure(context, [v.member.member_id for found in fetched for d in found.divisions for v in d.votes])
    with context.recorder.fetching(url_hint=fetched[0].url if fetched else ""), transaction.atomic():
        context.recorder.add(store.divisions_store(bill=bill, fetched=fetched, run=context.recorder.run))
        for found in fetched:
            entries_remember(found.url, {str(d.division_id): found.digests[str(d.division_id)]
                                         for d in found.divisions})


def _house_divisions(context: ScrapeContext, api: _VotesApi, term: str, since: dt.date | None,
                     ping_pong: Mapping[dt.date, set[str]]) -> store.FetchedDivisions:
    base_url = api.base_url()
    url = f"{api.search_url(base_url=base_url)}?searchTerm={term}"
    found = _list_read(context, api.search_pages(context.session, base_url=base_url, search_term=term),
                       api.parse_search, url=url)
    wanted = [(position, d) for position, d in enumerate(found.items)
              if names_bill(d.title, term) and (since is None or d.date.date() >= since)]
    found_by: dict[int, tuple[str, float]] = {}
    for day, numbers in sorted(ping_pong.items()):
        that_day = _list_read(context, api.search_pages(context.session, base_url=base_url, on=day),
                              api.parse_search, url=f"{api.search_url(base_url=base_url)}?date={day}")
        for division in that_day.items:
            how = ping_pong_match(division, numbers, day=day, house=api.house, term=term)
            if how and all(division.division_id != d.division_id for _, d in wanted):
                wanted.append((len(wanted), division))
                found_by[division.division_id] = how
    digests = {str(d.division_id): entry_digest(position, d) for position, d in wanted}
    changed = changed_keys(url, digests)
    context.recorder.add(StoreCounts(unchanged=len(digests) - len(changed)))
    divisions = []
    for division_id in (d.division_id for _, d in wanted if str(d.division_id) in changed):
        with context.recorder.fetching(url_hint=f"{base_url} division {division_id}"):
            divisions.append(api.parse_division(api.division(context.session, base_url=base_url,
                                                             division_id=division_id)))
    return store.FetchedDivisions(api.kind, url, found.complete, tuple(divisions), digests, found_by)


PING_PONG_MATCH_CONFIDENCE = 0.8  # the day and an amendment number the bill's ping-pong has; not the bill's name


def ping_pong_days(bill: Bill, house: str) -> dict[dt.date, set[str]]:
    """The days the bill's ping-pong sat in this House, each with the numbers of the motions and
    amendments considered at a stage sitting that day (what a division then may name)."""
    numbers: dict[int, set[str]] = defaultdict(set)
    for stage_pk, number in PingPongItem.objects.filter(bill_stage__bill=bill, bill_stage__house=house).exclude(
            number=None).values_list("bill_stage_id", "number"):
        numbers[stage_pk].add(number.upper())
    for stage_pk, number in GroupedAmendment.objects.filter(
            item__bill_stage__bill=bill, item__bill_stage__house=house).exclude(number=None).values_list(
            "item__bill_stage_id", "number"):
        numbers[stage_pk].add(number.upper())
    days: dict[dt.date, set[str]] = defaultdict(set)
    for stage_pk, day in Sitting.objects.filter(bill_stage_id__in=numbers).exclude(date=None).values_list(
            "bill_stage_id", "date"):
        days[day] |= numbers[stage_pk]
    return dict(days)


def ping_pong_match(division, numbers: set[str], *, day: dt.date, house: str, term: str) -> tuple[str, float] | None:
    """How a division whose title does not name the bill is still the bill's: it sat on a day of
    the bill's ping-pong in its House and names a motion or amendment considered then."""
    if names_bill(division.title, term):
        return None
    lords = house == "Lords"
    references = (references_in_lords_notes(getattr(division, "amendment_motion_notes", None)) if lords
                  else references_in_commons_title(division.title))
    named = next((r for r in references if r.kind in ("amendment", "motion") and r.number.upper() in numbers), None)
    if named is None:
        return None
    where = "notes name" if lords else "title names"
    return (f"Its title does not name the bill. It sat on {day:%-d %B %Y}, when the bill's ping-pong sat in the "
            f"{house}, and its {where} {named.kind} {named.number} (\u201c{named.matched_text}\u201d), "
            "which the bill's ping-pong considered that day.", PING_PONG_MATCH_CONFIDENCE)
