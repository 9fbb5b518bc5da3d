"""Unsubscribing (RFC 8058 one-click POST, and the link's GET page), the manage page, and
forged or altered tokens: a clear page, a 400, and nothing changed."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.factories import SubscriptionFactory
from tracker.alerts import tokens
from tracker.alerts.models import Subscriber, Subscription

from .conftest import link_path

pytestmark = pytest.mark.django_db
CONFIRMED, UNSUBSCRIBED = Subscription.Status.CONFIRMED, Subscription.Status.UNSUBSCRIBED


@pytest.fixture
def alert(bill_subscription, record):
    """The instant alert the subscriber got for a change."""
    record(bill=bill_subscription.bill, summary="Example Bill: moved to Commons Report stage")
    [message] = mail.outbox
    return message


def status(subscription: Subscription) -> str:
    subscription.refresh_from_db()
    return subscription.status


def test_one_click_unsubscribe_from_the_headers_needs_no_cookie_or_csrf_token(alert, bill_subscription, settings):
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = alert.extra_headers["List-Unsubscribe"]
    assert header.startswith(f"<{settings.SITE_URL}/alerts/unsubscribe/") and header.endswith(">")
    mail_client = Client(enforce_csrf_checks=True)  # a mail provider's POST: no cookie, no CSRF token
    response = mail_client.post(urlsplit(header.strip("<>")).path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert b"You are unsubscribed" in response.content
    assert status(bill_subscription) == UNSUBSCRIBED


def test_the_unsubscribe_link_asks_first_on_get(client, alert, bill_subscription):
    path = link_path(alert, "unsubscribe")
    page = client.get(path)
    assert page.status_code == 200
    assert b"Stop your alerts on" in page.content and b"Example Bill" in page.content
    assert status(bill_subscription) == CONFIRMED  # link checkers follow GETs
    assert client.post(path).status_code == 200
    assert status(bill_subscription) == UNSUBSCRIBED
    assert b"already unsubscribed" in client.get(path).content


def test_unsubscribed_addresses_get_no_more_alerts(client, alert, bill_subscription, record):
    client.post(link_path(alert, "unsubscribe"))
    record(bill=bill_subscription.bill, summary="Example Bill: moved to Commons 3rd reading")
    assert len(mail.outbox) == 1


def test_one_unsubscribe_link_stops_only_its_own_subscription(client, bill_subscription, member, record):
    other = SubscriptionFactory(subscriber=bill_subscription.subscriber, target_kind="member", bill=None, member=member)
    record(bill=bill_subscription.bill)
    client.post(link_path(mail.outbox[0], "unsubscribe"))
    assert (status(bill_subscription), status(other)) == (UNSUBSCRIBED, CONFIRMED)


def _altered(token: str) -> str:
    value, timestamp, signature = token.split(":")
    return f"{value}:{timestamp}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}"


@pytest.mark.parametrize("make_path", [
    lambda s: f"/alerts/unsubscribe/{_altered(tokens.unsubscribe_token(subscriber_id=s.subscriber_id, subscription_id=s.pk))}/",
    lambda s: "/alerts/unsubscribe/eyJzdWJzY3JpYmVyIjoxfQ:1xVO8a:forgedforgedforgedforgedforgedforgedforged/",
    lambda s: f"/alerts/unsubscribe/{tokens.manage_token(subscriber_id=s.subscriber_id)}/",  # another purpose's token
    lambda s: f"/alerts/manage/{_altered(tokens.manage_token(subscriber_id=s.subscriber_id))}/",
    lambda s: f"/alerts/manage/{tokens.unsubscribe_token(subscriber_id=s.subscriber_id)}/",
    lambda s: f"/alerts/confirm/{_altered(tokens.confirm_token(subscription_id=s.pk))}/",
    lambda s: "/alerts/confirm/garbage/",
])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_or_altered_token_gets_a_clear_400_and_changes_nothing(client, bill_subscription, make_path, method):
    response = getattr(client, method)(make_path(bill_subscription))
    assert response.status_code == 400
    assert b"This link is not valid" in response.content and b"Nothing has been changed" in response.content
    assert status(bill_subscription) == CONFIRMED
    assert Subscriber.objects.get().frequency == Subscriber.Frequency.INSTANT


def test_the_manage_page_lists_subscriptions_and_changes_the_frequency(client, alert, bill_subscription):
    path = link_path(alert, "manage")
    page = client.get(path)
    assert page.status_code == 200
    assert b"campaigner@example.org" in page.content and b"Example Bill" in page.content
    response = client.post(path, {"frequency": "daily"})
    assert response.status_code == 302 and response["Location"] == f"{path}?done=frequency"
    assert Subscriber.objects.get().frequency == Subscriber.Frequency.DAILY
    assert b"Your choice is saved" in client.get(response["Location"]).content


def test_the_manage_page_stops_one_subscription_but_not_anothers(client, alert, bill_subscription, bill):
    stranger = SubscriptionFactory(bill=bill)
    path = link_path(alert, "manage")
    client.post(path, {"subscription": stranger.pk})  # not this subscriber's: untouched
    assert status(stranger) == CONFIRMED
    response = client.post(path, {"subscription": bill_subscription.pk})
    assert response.status_code == 302
    assert status(bill_subscription) == UNSUBSCRIBED
    assert b"Nothing at the moment" in client.get(path).content


def test_a_manage_post_with_garbage_is_a_400(client, alert):
    response = client.post(link_path(alert, "manage"), {"frequency": "hourly"})
    assert response.status_code == 400
    assert Subscriber.objects.get().frequency == Subscriber.Frequency.INSTANT


def test_the_manage_link_expires_but_the_unsubscribe_link_does_not(client, alert, bill_subscription, settings,
                                                                  monkeypatch):
    later = timezone.now() + dt.timedelta(days=settings.ALERTS_MANAGE_LINK_MAX_AGE_DAYS + 1)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    response = client.get(link_path(alert, "manage"))
    assert response.status_code == 410 and b"This link has expired" in response.content
    assert client.post(link_path(alert, "unsubscribe")).status_code == 200
    assert status(bill_subscription) == UNSUBSCRIBED


def test_stop_all_alerts_from_the_manage_page(client, alert, bill_subscription, member):
    other = SubscriptionFactory(subscriber=bill_subscription.subscriber, target_kind="member", bill=None, member=member)
    page = client.get(link_path(alert, "manage"))
    stop_all = page.context["unsubscribe_all_url"]
    assert client.post(stop_all).status_code == 200
    assert (status(bill_subscription), status(other)) == (UNSUBSCRIBED, UNSUBSCRIBED)
