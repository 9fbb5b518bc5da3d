"""Subscribing: double opt-in, expiry, the one-an-hour confirmation, a response that reveals
nothing, validation, CSRF and rate limits."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.factories import SubscriptionFactory
from tracker.alerts import services
from tracker.alerts.models import Delivery, Subscriber, Subscription

from .conftest import link_path, sent_to

pytestmark = pytest.mark.django_db
ADDRESS = "campaigner@example.org"


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    def post(target, email=ADDRESS, kind="bill", ip="192.0.2.10", **extra):
        target_id = target.bills_api_id if kind == "bill" else target.members_api_id
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/alerts/subscribe/", {"email": email, "target_kind": kind, "target_id": target_id,
                                                      **extra}, REMOTE_ADDR=ip)
    return post


def confirm(client, message) -> None:
    path = link_path(message, "confirm")
    page = client.get(path)
    assert page.status_code == 200 and b"Confirm" in page.content
    assert Subscription.objects.get().status == Subscription.Status.PENDING  # a GET confirms nothing
    response = client.post(path)
    assert response.status_code == 302 and "/alerts/manage/" in response["Location"]


def test_double_opt_in_sends_only_the_confirmation_until_confirmed(client, subscribe, bill, record):
    response = subscribe(bill)
    assert response.status_code == 302 and response["Location"] == "/alerts/subscribe/sent/"
    [confirmation] = mail.outbox
    assert confirmation.subject == "Confirm your alerts on Example Bill"
    assert confirmation.to == [ADDRESS]

    record(bill=bill, summary="Example Bill: moved to Commons 2nd reading")
    assert len(mail.outbox) == 1  # unconfirmed: the change is not sent
    assert not Delivery.objects.exists()

    confirm(client, confirmation)
    assert Subscription.objects.get().status == Subscription.Status.CONFIRMED
    record(bill=bill, summary="Example Bill: moved to Commons Committee stage")
    assert [m.subject for m in mail.outbox[1:]] == ["Example Bill: moved to Commons Committee stage"]


def test_subscribing_again_within_the_hour_sends_nothing_more_and_answers_the_same(client, subscribe, bill, member):
    first = subscribe(bill)
    again = subscribe(bill)
    other_target = subscribe(member, kind="member")
    assert first.status_code == again.status_code == other_target.status_code == 302
    assert first["Location"] == again["Location"] == other_target["Location"]
    assert [m.subject for m in sent_to(ADDRESS)] == ["Confirm your alerts on Example Bill",
                                                     "Confirm your alerts on Example Member"]
    assert Subscriber.objects.count() == 1 and Subscription.objects.count() == 2  # no duplicate subscription


def test_an_address_already_subscribed_gets_the_same_page_and_at_most_one_email_an_hour(subscribe, bill_subscription):
    bill = bill_subscription.bill
    responses = [subscribe(bill), subscribe(bill)]
    fresh = subscribe(bill, email="someone-new@example.org")
    assert {r.status_code for r in responses} == {fresh.status_code} == {302}
    assert {r["Location"] for r in responses} == {fresh["Location"]}
    [notice] = sent_to(ADDRESS)
    assert notice.subject == "You already get alerts on Example Bill"
    assert "/alerts/manage/" in notice.body and "/alerts/confirm/" not in notice.body
    assert Subscription.objects.filter(subscriber__email=ADDRESS).get().status == Subscription.Status.CONFIRMED


def test_another_confirmation_is_sent_once_the_hour_has_passed(subscribe, bill):
    subscribe(bill)
    Subscription.objects.update(confirmation_sent_at=timezone.now() - dt.timedelta(minutes=61))
    subscribe(bill)
    assert len(sent_to(ADDRESS)) == 2


def test_an_address_is_one_subscriber_whatever_its_capitals(subscribe, bill):
    subscribe(bill, email="Campaigner@Example.ORG")
    subscribe(bill, email="campaigner@example.org")
    assert list(Subscriber.objects.values_list("email", flat=True)) == [ADDRESS]
    assert len(mail.outbox) == 1


def test_a_confirmation_link_expires_and_unconfirmed_requests_are_forgotten(client, subscribe, bill, settings,
                                                                           monkeypatch):
    subscribe(bill)
    path = link_path(mail.outbox[0], "confirm")
    later = timezone.now() + dt.timedelta(hours=settings.ALERTS_CONFIRM_MAX_AGE_HOURS + 1)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    response = client.post(path)
    assert response.status_code == 410
    assert b"This link has expired" in response.content
    assert Subscription.objects.get().status == Subscription.Status.PENDING

    assert services.subscriptions_expire(now=later) == 1
    assert not Subscription.objects.exists() and not Subscriber.objects.exists()


def test_expiry_keeps_confirmed_subscriptions_and_recent_requests(bill_subscription, bill):
    SubscriptionFactory(bill=bill, status=Subscription.Status.PENDING)
    later = timezone.now() + dt.timedelta(hours=1)
    assert services.subscriptions_expire(now=later) == 0
    assert Subscription.objects.count() == 2


def test_confirming_twice_is_harmless_and_an_unsubscribed_request_cannot_be_revived(client, subscribe, bill):
    subscribe(bill)
    path = link_path(mail.outbox[0], "confirm")
    assert client.post(path).status_code == 302
    assert client.post(path).status_code == 302
    Subscription.objects.update(status=Subscription.Status.UNSUBSCRIBED)
    assert client.post(path).status_code == 410
    assert Subscription.objects.get().status == Subscription.Status.UNSUBSCRIBED


@pytest.mark.parametrize("data, message", [
    ({"email": "not an address", "target_kind": "bill", "target_id": "9000001"}, b"Enter an email address in the right format"),
    ({"email": "", "target_kind": "bill", "target_id": "9000001"}, b"Enter your email address"),
    ({"email": ADDRESS, "target_kind": "bill", "target_id": "9999999"}, b"There is no such bill to follow"),
    ({"email": ADDRESS, "target_kind": "planet", "target_id": "1"}, b"This form does not say what to follow"),
    ({"email": ADDRESS, "target_kind": "bill", "target_id": "DROP TABLE"}, b"This form does not say what to follow"),
    ({"email": "x" * 5000 + "@example.org", "target_kind": "bill", "target_id": "9000001"}, b"Enter an email address"),
    ({}, b"Enter your email address"),
])
def test_garbage_gets_a_400_with_a_clear_message(client, bill, data, message):
    response = client.post("/alerts/subscribe/", data)
    assert response.status_code == 400
    assert message in response.content
    assert not Subscription.objects.exists() and not mail.outbox


def test_the_subscribe_form_posts_without_a_token_from_a_page_cached_for_everyone(bill):
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(bill.get_absolute_url())
    assert "csrftoken" not in page.cookies and page.has_header("ETag")  # one page for every reader
    response = strict.post("/alerts/subscribe/", {"email": ADDRESS, "target_kind": "bill",
                                                  "target_id": bill.bills_api_id})
    assert response.status_code == 302
    assert Subscription.objects.get().status == Subscription.Status.PENDING  # until the address's owner confirms


def test_the_subscribe_page_renders_the_form_for_a_bill_and_a_member(client, bill, member):
    for path, name in ((f"/alerts/subscribe/bill/{bill.bills_api_id}/", b"Example Bill"),
                       (f"/alerts/subscribe/member/{member.members_api_id}/", b"Example Member")):
        page = client.get(path)
        assert page.status_code == 200
        assert name in page.content
        assert b'action="/alerts/subscribe/"' in page.content
    assert client.get("/alerts/subscribe/bill/9999999/").status_code == 404
    assert client.get("/alerts/subscribe/planet/1/").status_code == 404


def test_rate_limited_per_client_ip(subscribe, bill, settings):
    settings.ALERTS_SUBSCRIBE_LIMIT_PER_IP = 3
    statuses = [subscribe(bill, email=f"person{n}@example.org", ip="192.0.2.50").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert subscribe(bill, email="person9@example.org", ip="192.0.2.51").status_code == 302  # another client
    assert len(mail.outbox) == 4


def test_garbage_counts_against_the_client_limit(client, bill, settings):
    settings.ALERTS_SUBSCRIBE_LIMIT_PER_IP = 2
    statuses = [client.post("/alerts/subscribe/", {"email": "junk"}, REMOTE_ADDR="192.0.2.60").status_code
                for _ in range(3)]
    assert statuses == [400, 400, 429]


def test_rate_limited_per_address(subscribe, bill, member, settings):
    settings.ALERTS_SUBSCRIBE_LIMIT_PER_ADDRESS = 2
    statuses = [subscribe(bill, ip=f"192.0.2.{n}").status_code for n in range(1, 4)]
    assert statuses == [302, 302, 429]
    response = subscribe(member, kind="member", ip="192.0.2.99")
    assert response.status_code == 429 and response["Retry-After"] == "3600"
    assert b"Too many requests" in response.content
    assert subscribe(bill, email="other@example.org", ip="192.0.2.98").status_code == 302


def test_the_include_for_bill_and_member_pages_is_a_plain_form(rf, bill):
    from django.template.loader import render_to_string

    html = render_to_string("alerts/_subscribe_form.html", {"target_kind": "bill", "target_id": bill.bills_api_id},
                            request=rf.get(bill.get_absolute_url()))
    assert '<form method="post" action="/alerts/subscribe/"' in html
    assert 'name="csrfmiddlewaretoken"' not in html  # the page holding it is cached for everyone
    assert 'name="target_kind" value="bill"' in html and 'name="target_id" value="9000001"' in html
    assert 'href="/alerts/feeds/bill/9000001.atom"' in html
    assert "<script" not in html and "style=" not in html


def test_a_mistyped_address_gets_the_form_back_with_what_was_typed(client, bill):
    response = client.post("/alerts/subscribe/", {"email": "campaigner@", "target_kind": "bill", "target_id": 9000001})
    assert response.status_code == 400
    assert b'value="campaigner@"' in response.content and b"govuk-error-summary" in response.content


def test_the_admin_lists_subscribers_subscriptions_and_the_outbox(admin_client, bill_subscription, record):
    record(bill=bill_subscription.bill)
    for path in ("/admin/alerts/subscriber/", "/admin/alerts/subscription/", "/admin/alerts/delivery/",
                 "/admin/alerts/digest/", f"/admin/alerts/subscriber/{bill_subscription.subscriber_id}/change/"):
        assert admin_client.get(path).status_code == 200, path
