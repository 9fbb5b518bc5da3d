"""The Hansard scrape step: for each day a stage of the bill sat, search that House's debates
for the bill, read each debate found, and store it; then derive the mentions.

Hansard revises a debate's words after the day it sat: debates of sittings in the last
HANSARD_REREAD_DAYS are fetched every pass; an older one only when its search entry changed
since the last search. One fetched is not parsed again unless its source changed: the HTTP layer says it has not
(X-Tracker-Not-Modified), or its bytes hash as before, or its ContentLastUpdated is as stored.
A debate that cannot be read is recorded with its URL and what is stored of it stays.
Mentions are derived again only when this run wrote something of the bill.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone

from amendments.scrape import division_search_term, names_bill
from bills.models import Bill, House, Sitting
from bills.scrape import members_ensure
from tracker.hansard.sources.hansard_api_parse import parse_debate, parse_debate_search
from tracker.parsing import ParseError, parse_datetime
from tracker.scraping.counts import StoreCounts
from tracker.scraping.listed import changed_keys, entries_remember, entry_digest
from tracker.scraping.pipeline import ScrapeContext
from tracker.scraping.values import uk_aware

from . import store
from .derive import mentions_derive
from .models import Debate
from .sources import hansard_api_fetch


def debates_scrape(context: ScrapeContext, bill_id: int) -> None:
    bill = Bill.objects.filter(bills_api_id=bill_id).first()
    if bill is None:  # the bill step could not store it, and recorded why
        return
    term = division_search_term(bill.short_title)
    reread_from = timezone.localdate() - dt.timedelta(days=settings.HANSARD_REREAD_DAYS)
    for house, date in _sitting_days(bill):
        url, digests = _debates_on(context, house, date, term)
        changed = set(digests) if date >= reread_from else changed_keys(url, digests)
        context.recorder.add(StoreCounts(unchanged=len(digests) - len(changed)))
        read = [ext_id for ext_id in digests if ext_id in changed and _debate_read(context, bill, ext_id)]
        entries_remember(url, {ext_id: digests[ext_id] for ext_id in read})
    if context.wrote_for_bill():
        context.recorder.add(mentions_derive(bill=bill, run=context.recorder.run))


def _sitting_days(bill: Bill) -> list[tuple[str, dt.date]]:
    """(House, date) of every past sitting of the bill's Commons and Lords stages."""
    return list(
        Sitting.objects.filter(bill_stage__bill=bill, bill_stage__house__in=[House.COMMONS, House.LORDS],
                               date__lte=timezone.localdate())
        .values_list("bill_stage__house", "date").distinct().order_by("date", "bill_stage__house")
    )


def _debates_on(context: ScrapeContext, house: str, date: dt.date, term: str) -> tuple[str, dict[str, str]]:
    """The search's address, and the debates in `house` on `date` whose title names the bill:
    a digest of each one's search entry by its ExtId."""
    base = settings.HANSARD_API_URL
    query = urlencode(hansard_api_fetch.debate_search_params(house=house, sitting_date=date, search_term=term))
    url = f"{hansard_api_fetch.debate_search_url(base_url=base)}?{query}"
    found: dict[str, str] = {}
    with context.recorder.fetching(url_hint=url):
        pages = hansard_api_fetch.debate_search_pages(context.session, base_url=base, house=house,
                                                      sitting_date=date, search_term=term)
        for raw in pages:
            page = parse_debate_search(raw)
            context.recorder.parse_errors(page.errors, url=url)
            for r in page.results:
                if r.house == house and r.sitting_date == date and names_bill(r.title, term):
                    found.setdefault(r.debate_section_ext_id, entry_digest(len(found), r))
    return url, found


def _debate_read(context: ScrapeContext, bill: Bill, ext_id: str) -> bool:
    """Whether the debate was read (and stored, or found as stored)."""
    recorder, base = context.recorder, settings.HANSARD_API_URL
    url = hansard_api_fetch.debate_url(base_url=base, ext_id=ext_id)
    read = False
    with recorder.fetching(url_hint=url):
        read = _debate_fetch_store(context, bill, ext_id, url)
    return read


def _debate_fetch_store(context: ScrapeContext, bill: Bill, ext_id: str, url: str) -> bool:
    """Fetch the debate; store it unless its source says, or its bytes show, it is as stored."""
    recorder, base = context.recorder, settings.HANSARD_API_URL
    document = hansard_api_fetch.debate(context.session, base_url=base, ext_id=ext_id)
    stored = Debate.objects.filter(hansard_ext_id=ext_id).first()
    digest = hashlib.sha256(document.content).hexdigest()
    if stored and stored.content_hash and (document.not_modified or digest == stored.content_hash):
        recorder.add(StoreCounts(unchanged=1))
        return True
    raw = _json(document.content)
    if stored and stored.content_hash and _same_content_date(raw, stored):
        recorder.add(StoreCounts(unchanged=1))
        return True
    debate = parse_debate(raw)
    recorder.parse_errors(debate.errors, url=url)
    members_ensure(context, [c.member_id for c in debate.contributions if c.member_id is not None])
    recorder.add(store.debate_store(bill=bill, debate=debate, content_hash="" if debate.errors else digest,
                                     url=url))
    return not debate.errors


def _json(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError as error:  # also UnicodeDecodeError
        raise ParseError(f"not JSON: {error}", where="Debate") from error


def _same_content_date(raw: Any, stored: Debate) -> bool:
    """Whether the document's Overview.ContentLastUpdated is given and equals the stored one."""
    overview = raw.get("Overview") if isinstance(raw, dict) else None
    value = overview.get("ContentLastUpdated") if isinstance(overview, dict) else None
    if not isinstance(value, str) or stored.content_last_updated is None:
        return False
    return uk_aware(parse_datetime(value, where="Debate.Overview.ContentLastUpdated")) == stored.content_last_updated
