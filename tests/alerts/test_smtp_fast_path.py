"""The SMTP fast path: an instant alert sent as prebuilt bytes with the recipient's parts
patched in says exactly what Django's email backend would have sent, and any email the
bytes cannot carry exactly goes through the backend instead."""

from __future__ import annotations

import email
import email.policy
import re

import pytest
from django.core.mail.message import sanitize_address
from django.db import transaction

from tests.factories import SubscriptionFactory
from tests.support.smtp_sink import SmtpSink
from tracker.alerts import sending
from tracker.alerts.emails import MANAGE_LINK, Addressed, EventEmails, Rendered, envelope_address
from tracker.alerts.models import Delivery, OutboxItem
from tracker.events.models import ChangeEvent
from tracker.events.services import event_record

pytestmark = pytest.mark.django_db
SUMMARY = "Example Bill: moved to Commons Report stage"


@pytest.fixture
def deliveries(bill):
    SubscriptionFactory(bill=bill, subscriber__email="campaigner@example.org")
    SubscriptionFactory(bill=bill, subscriber__email="a-much-longer-address-for-a-campaign-group@example.org")
    with transaction.atomic():
        event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill, summary=SUMMARY, detail={})
    return list(Delivery.objects.select_related("subscription__subscriber").order_by("pk"))


def parsed(content: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(content, policy=email.policy.default)


def headers(message) -> list[tuple[str, str]]:
    """Every header but the Date (the time it was built) and the MIME boundary (random)."""
    return [(name, message.get_content_type() if name == "Content-Type" else str(value))
            for name, value in message.items() if name != "Date"]


def parts(message) -> list[tuple[list, str]]:
    return [(headers(part), part.get_content()) for part in message.iter_parts()]


def test_the_prebuilt_bytes_carry_the_same_headers_and_parts_as_the_backend_s_email(deliveries):
    emails = EventEmails()
    for delivery in deliveries:
        addressed = emails.instant(delivery)
        built = parsed(addressed.email().message().as_bytes(linesep="\r\n"))
        wire = addressed.wire()
        fast = parsed(wire.content)
        assert wire.recipients == [delivery.subscription.subscriber.email]
        assert headers(fast) == headers(built)
        assert parts(fast) == parts(built)
        assert [part.get_content_type() for part in fast.iter_parts()] == ["text/plain", "text/html"]
        assert fast["Message-ID"] == delivery.message_id and fast["Subject"] == SUMMARY
        assert fast["To"] == delivery.subscription.subscriber.email and fast["Date"]
        assert fast["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        [unsubscribe] = re.findall(r"https?://\S+/alerts/unsubscribe/\S+/", parts(fast)[0][1])
        assert fast["List-Unsubscribe"].strip() == f"<{unsubscribe}>"  # folded, as Django folds it
    assert len({parsed(emails.instant(d).wire().content)["List-Unsubscribe"] for d in deliveries}) == 2


def test_with_the_smtp_backend_each_delivery_goes_out_as_prebuilt_bytes_and_is_marked_sent(
        deliveries, settings, monkeypatch):
    built = []
    monkeypatch.setattr(Addressed, "email", lambda self: built.append(self) or pytest.fail("built per recipient"))
    with SmtpSink() as sink:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", sink.port
        assert sending.deliveries_send() == 2
    assert sorted(sink.message_ids()) == sorted(d.message_id for d in deliveries)
    assert [r.recipients for r in sink.received] == [(d.subscription.subscriber.email,) for d in deliveries]
    assert set(Delivery.objects.values_list("status", flat=True)) == {OutboxItem.Status.SENT}
    assert not built


def test_an_email_whose_bytes_cannot_be_patched_exactly_is_built_by_the_backend(deliveries):
    long_line = "x" * 990 + " " + MANAGE_LINK  # filled in, past 998 characters: Django re-encodes the part
    rendered = Rendered(subject=SUMMARY, text=long_line + "\n", html="<p>hello</p>")
    addressed = rendered.addressed(to="campaigner@example.org", message_id=deliveries[0].message_id,
                                   subscriber_id=deliveries[0].subscription.subscriber_id)
    assert rendered.wire is not None and addressed.wire() is None
    assert "quoted-printable" in addressed.email().message().as_string()


@pytest.mark.parametrize("address", [
    "campaigner@example.org", "Campaign.Group+alerts@Example.ORG", "a_b-c@mail.example.co.uk", "x@localhost",
    "Jane Doe <jane@example.org>", '"quoted"@example.org', "dot..dot@example.org", ".lead@example.org",
    "user@exämple.org", "usér@example.org", "user@[127.0.0.1]",
])
def test_an_envelope_address_is_what_django_s_backend_would_write(address):
    assert envelope_address(address) == sanitize_address(address, "utf-8")
