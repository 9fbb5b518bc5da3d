"""Editors' entries from a cited account: saved by the admin one at a time, or loaded from a
file of the account's facts (`manage.py load_account_entries`), through the same service.
Saving recomputes the bill's clauses, so the entry shows on the clause page at once.

The file: {"bill": <Bills API id>, "entries": [{"key", "clause", "members_api_id", "name",
"party", "stance" ("supports" | "opposes" | "spoke"), "quote", "date" (ISO, or null when the
account gives none), "citation", "reason"}]}.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from bills.models import Bill

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


def account_entries_load(path: Path) -> list[AccountEntry]:
    data = json.loads(path.read_text(encoding="utf-8"))
    bill = Bill.objects.filter(bills_api_id=data["bill"]).first()
    if bill is None:
        raise ValidationError(f"Bill {data['bill']} is not stored: scrape it first.")
    return account_entries_save(bill=bill, entries=[_entry(raw) for raw in data["entries"]])


def _entry(raw: Mapping[str, Any]) -> dict[str, Any]:
    return {"key": raw["key"], "clause_key": raw["clause"], "members_api_id": raw.get("members_api_id"),
            "name": raw["name"], "party_name": raw.get("party") or "", "stance": raw["stance"],
            "quote": raw.get("quote") or "", "said_on": dt.date.fromisoformat(raw["date"]) if raw.get("date") else None,
            "citation": raw["citation"], "reason": raw["reason"]}
