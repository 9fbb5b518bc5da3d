"""Editors' entries from a cited account: saved by the admin one at a time, or loaded from an
account's structured facts (`manage.py load_account_entries`), through the same service.
Saving recomputes the bill's clauses, so the entry shows on the clause page at once.

The file names the facts and what their stances are about, and holds no stance itself (the
facts' `stances` are the one source, see `account_facts`): {"bill": <Bills API id>, "facts":
<path of the facts.json, from the repository root>, "clause": <the clause's key>, "amendment":
<the facts' made_up_id of the amendment that inserted it>}. Loading replaces the entries an
earlier load made (those no editor created) and fetches, once, the members the entries name
that the tracker does not know yet, so their House and party show.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from bills.models import Bill
from bills.scrape import members_ensure
from tracker.scraping.pipeline import ScrapeContext
from tracker.scraping.runs import RunRecorder

from .account_facts import entries_from_facts
from .derive import bill_clauses_derive
from .models import AccountEntry

FIELDS = ("clause_key", "members_api_id", "name", "party_name", "stance", "quote", "said_on", "citation", "reason")


@transaction.atomic
def account_entries_save(*, bill: Bill, entries: Iterable[Mapping[str, Any]], user=None) -> list[AccountEntry]:
    """Create or update each entry (by its key) and recompute the bill's clauses once."""
    saved = []
    for values in entries:
        entry = AccountEntry.objects.filter(bill=bill, key=values["key"]).first() or AccountEntry(
            bill=bill, key=values["key"], created_by=user)
        for name in FIELDS:
            setattr(entry, name, values.get(name, getattr(entry, name)))
        entry.full_clean()
        entry.save()
        saved.append(entry)
    bill_clauses_derive(bill=bill)
    return saved


def account_entries_load(path: Path, *, session: requests.Session | None = None) -> list[AccountEntry]:
    """The facts' entries, saved; with a `session`, the members they name are fetched first."""
    data = json.loads(path.read_text(encoding="utf-8"))
    bill = Bill.objects.filter(bills_api_id=data["bill"]).first()
    if bill is None:
        raise ValidationError(f"Bill {data['bill']} is not stored: scrape it first.")
    facts = json.loads((settings.BASE_DIR / data["facts"]).read_text(encoding="utf-8"))
    entries = entries_from_facts(facts, clause_key=data["clause"], amendment_made_up_id=data["amendment"])
    if session is not None:
        _members_fetch(session, bill, [entry["members_api_id"] for entry in entries])
    AccountEntry.objects.filter(bill=bill, created_by=None).exclude(key__in=[e["key"] for e in entries]).delete()
    return account_entries_save(bill=bill, entries=entries)


def _members_fetch(session: requests.Session, bill: Bill, member_ids: Iterable[int]) -> None:
    """The members not stored yet, read as a scrape reads them (a run records what failed)."""
    recorder = RunRecorder.start(source="account entries", bill_ids=[bill.bills_api_id], trigger="account entries")
    recorder.step = "members"
    members_ensure(ScrapeContext(session=session, recorder=recorder), member_ids)
    recorder.finish()
