"""Building alert emails: plain text and HTML parts from templates/alerts/email/, a stable
Message-ID, and the RFC 8058 one-click unsubscribe headers on every message.

An email is rendered once with placeholder links (Rendered) and then addressed to each
recipient, filling in that recipient's signed manage and unsubscribe links: a change sent
to 10,000 subscribers of a bill is rendered once, not 10,000 times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from tracker.events.models import ChangeEvent

from . import tokens
from .models import Delivery, Digest, Subscription
from .selectors import NextSitting, bill_next_sitting
from .targets import TARGET_KINDS

# Stand-ins for a recipient's own links; nothing in a template escapes or alters them.
MANAGE_LINK = "https://recipient-link.invalid/manage"
UNSUBSCRIBE_LINK = "https://recipient-link.invalid/unsubscribe"


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def manage_url(subscriber_id: int) -> str:
    return absolute_url(reverse("alerts:manage", args=[tokens.manage_token(subscriber_id=subscriber_id)]))


def unsubscribe_url(subscriber_id: int, subscription_id: int | None = None) -> str:
    token = tokens.unsubscribe_token(subscriber_id=subscriber_id, subscription_id=subscription_id)
    return absolute_url(reverse("alerts:unsubscribe", args=[token]))


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str

    def addressed(self, *, to: str, message_id: str, subscriber_id: int,
                  subscription_id: int | None = None) -> EmailMultiAlternatives:
        """The email for one recipient: its links filled in, its unsubscribe headers set
        (for one subscription, or with no subscription_id for all of the subscriber's)."""
        manage, unsubscribe = manage_url(subscriber_id), unsubscribe_url(subscriber_id, subscription_id)

        def fill(part: str) -> str:
            return part.replace(MANAGE_LINK, manage).replace(UNSUBSCRIBE_LINK, unsubscribe)

        message = EmailMultiAlternatives(
            subject=self.subject,
            body=fill(self.text),
            to=[to],
            headers={
                "Message-ID": message_id,
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(fill(self.html), "text/html")
        return message


def render(*, template: str, subject: str, context: dict) -> Rendered:
    """Both parts of alerts/email/<template>, with placeholder links. The subject is made one
    line: a summary with a stray newline would otherwise be refused as a header."""
    context = {**context, "manage_url": MANAGE_LINK, "unsubscribe_url": UNSUBSCRIBE_LINK}
    return Rendered(subject=" ".join(subject.split()),
                    text=render_to_string(f"alerts/email/{template}.txt", context).strip() + "\n",
                    html=render_to_string(f"alerts/email/{template}.html", context))


@dataclass(frozen=True)
class EventFacts:
    """What every email about one event says."""

    event: ChangeEvent
    next_sitting: NextSitting | None
    bill_url: str
    member_url: str
    source_url: str


def event_facts(*, event: ChangeEvent, today: dt.date | None = None) -> EventFacts:
    """One query: the bill's next sitting."""
    return EventFacts(
        event=event,
        next_sitting=bill_next_sitting(bill=event.bill, today=today or timezone.localdate()),
        bill_url=absolute_url(event.bill.get_absolute_url()),
        member_url=absolute_url(event.member.get_absolute_url()) if event.member else "",
        source_url=event.evidence_url or event.bill.source_url,
    )


class EventEmails:
    """Emails about events for one batch of deliveries. Each event (with its facts) and each
    target followed is loaded once, and each email rendered once per event and target, so
    a batch of 500 emails about one change costs a few queries and one render."""

    def __init__(self) -> None:
        self._facts: dict[int, EventFacts] = {}
        self._targets: dict[tuple[str, int], models.Model] = {}
        self._rendered: dict[tuple, Rendered] = {}

    def facts(self, event_id: int) -> EventFacts:
        if event_id not in self._facts:
            self._facts[event_id] = event_facts(event=ChangeEvent.objects.select_related("bill", "member").get(pk=event_id))
        return self._facts[event_id]

    def target(self, subscription: Subscription) -> models.Model:
        key = (subscription.target_kind, subscription.target_id)
        if key not in self._targets:
            self._targets[key] = TARGET_KINDS[subscription.target_kind].model.objects.get(pk=subscription.target_id)
        return self._targets[key]

    def instant(self, delivery: Delivery) -> EmailMultiAlternatives:
        """The email for one delivery (its subscription and subscriber loaded with it): the
        change in one sentence as its subject."""
        subscription = delivery.subscription
        key = (delivery.event_id, subscription.target_kind, subscription.target_id)
        if key not in self._rendered:
            facts, target = self.facts(delivery.event_id), self.target(subscription)
            self._rendered[key] = render(template="event", subject=facts.event.summary, context={
                "facts": facts, "target": target, "unsubscribe_label": f"Stop alerts on {target}"})
        return self._rendered[key].addressed(to=subscription.subscriber.email, message_id=delivery.message_id,
                                             subscriber_id=subscription.subscriber_id, subscription_id=subscription.pk)


@dataclass(frozen=True)
class DigestSection:
    target: models.Model
    items: list[EventFacts]


def digest_email(*, digest: Digest, deliveries: Iterable[Delivery], emails: EventEmails) -> EmailMultiAlternatives:
    """One email listing a day's changes, grouped by what the subscriber follows."""
    sections: dict[int, DigestSection] = {}
    for delivery in deliveries:
        section = sections.setdefault(delivery.subscription_id, DigestSection(emails.target(delivery.subscription), []))
        section.items.append(emails.facts(delivery.event_id))
    count = sum(len(section.items) for section in sections.values())
    rendered = render(
        template="digest",
        subject=f"Clause tracker daily digest, {digest.digest_date:%-d %B %Y}: {count} change{'s' if count != 1 else ''}",
        context={"digest": digest, "sections": list(sections.values()), "count": count,
                 "unsubscribe_label": "Stop all alerts to this address"},
    )
    return rendered.addressed(to=digest.subscriber.email, message_id=digest.message_id,
                              subscriber_id=digest.subscriber_id)


def confirmation_email(*, subscription: Subscription) -> EmailMultiAlternatives:
    """Asks the address to confirm; or, if it already follows the target, says so and gives
    its manage link. The web page never tells which."""
    confirmed = subscription.status == Subscription.Status.CONFIRMED
    target = subscription.target
    confirm_path = reverse("alerts:confirm", args=[tokens.confirm_token(subscription_id=subscription.pk)])
    rendered = render(
        template="confirm",
        subject=f"You already get alerts on {target}" if confirmed else f"Confirm your alerts on {target}",
        context={"target": target, "confirmed": confirmed, "confirm_url": absolute_url(confirm_path),
                 "expiry_hours": settings.ALERTS_CONFIRM_MAX_AGE_HOURS,
                 "unsubscribe_label": f"Stop alerts on {target}" if confirmed else "Cancel this request"},
    )
    sent_at = int(timezone.now().timestamp())
    return rendered.addressed(
        to=subscription.subscriber.email,
        message_id=f"<alerts-confirm-{subscription.pk}-{sent_at}@{settings.ALERTS_MESSAGE_ID_DOMAIN}>",
        subscriber_id=subscription.subscriber_id, subscription_id=subscription.pk)
