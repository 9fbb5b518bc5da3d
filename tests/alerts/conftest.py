"""Alerts test fixtures: a cache of the test's own (rate limits must not leak between tests
or xdist workers sharing Redis), and helpers to record events as the stores do."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

import pytest
from django.core import mail

from tests.factories import BillFactory, MemberFactory, SubscriptionFactory
from tracker.events.models import ChangeEvent
from tracker.events.services import event_record


@pytest.fixture(autouse=True)
def own_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": f"alerts-test-{uuid.uuid4()}"}}


@pytest.fixture
def record(django_capture_on_commit_callbacks):
    """Record an event the way a store does, run what commits enqueue (the eager send), and
    return the event."""

    def record_event(*, bill, kind=ChangeEvent.Kind.STAGE_CHANGED, summary=None, member=None, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return event_record(kind=kind, bill=bill, member=member, summary=summary or f"{bill}: moved to Commons Report stage",
                                detail=fields.pop("detail", {}), **fields)

    return record_event


@pytest.fixture
def bill():
    return BillFactory(short_title="Example Bill", bills_api_id=9_000_001)


@pytest.fixture
def member():
    return MemberFactory(name_display_as="Example Member", members_api_id=9_000_501)


@pytest.fixture
def bill_subscription(bill):
    return SubscriptionFactory(bill=bill, subscriber__email="campaigner@example.org")


def sent_to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if message.to == [address]]


def link_path(message: mail.EmailMessage, kind: str) -> str:
    """The path of the first /alerts/<kind>/ link in the message's plain text."""
    for word in message.body.split():
        if f"/alerts/{kind}/" in word:
            return urlsplit(word).path
    raise AssertionError(f"no {kind} link in:\n{message.body}")
