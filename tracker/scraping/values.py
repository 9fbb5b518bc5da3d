"""Small translations from parsed source values to stored values, shared by every store."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

UK = ZoneInfo("Europe/London")


def uk_aware(value: dt.datetime | None) -> dt.datetime | None:
    """Parliament's zone-less timestamps are UK local time."""
    if value is None or timezone.is_aware(value):
        return value
    return timezone.make_aware(value, UK)


def uk_date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def text(value: str | None) -> str:
    """Nullable source text as a blank-able column value."""
    return (value or "").strip()


def colour(value: str | None) -> str:
    """A hex colour without '#', lower case; blank when absent or not a colour."""
    value = (value or "").strip().lstrip("#").lower()
    return value if len(value) == 6 and all(c in "0123456789abcdef" for c in value) else ""
