"""Building alert emails: plain text and HTML parts from templates/alerts/email/, a stable
Message-ID, and the RFC 8058 one-click unsubscribe headers on every message.

An email is rendered once with placeholder links (Rendered) and then addressed to each
recipient, filling in that recipient's signed manage and unsubscribe links: a change sent
to 10,000 subscribers of a bill is rendered once, not 10,000 times.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import formatdate
from functools import cached_property, lru_cache

from django.conf import settings
from django.db import models
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import timezone

from bills.whats_next import bill_over
from tracker.clauses.ledger import Ledger
from tracker.clauses.selectors import clause_ledger
from tracker.events.models import ChangeEvent

from . import tokens
from .models import Delivery, Digest, Subscription
from .selectors import NextSitting, bill_next_sitting, target_over
from .targets import TARGET_KINDS

# Stand-ins for a recipient's own links; nothing in a template escapes or alters them.
MANAGE_LINK = "https://recipient-link.invalid/manage"
UNSUBSCRIBE_LINK = "https://recipient-link.invalid/unsubscribe"


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _token_url(name: str, token: str) -> str:
    """reverse() of a <str:token> route, resolved once per route and script prefix: a fan-out
    makes two links per email. Signed tokens need no quoting (URL-safe base64 and colons)."""
    before, after = _token_route(name, get_script_prefix())
    return absolute_url(before + token + after)


@lru_cache
def _token_route(name: str, script_prefix: str) -> tuple[str, str]:
    before, _, after = reverse(name, args=["TOKEN"]).partition("TOKEN")
    return before, after


def manage_url(subscriber_id: int) -> str:
    return _token_url("alerts:manage", tokens.manage_token(subscriber_id=subscriber_id))


def unsubscribe_url(subscriber_id: int, subscription_id: int | None = None) -> str:
    return _token_url("alerts:unsubscribe",
                      tokens.unsubscribe_token(subscriber_id=subscriber_id, subscription_id=subscription_id))


# Stand-ins for the per-recipient headers in an email's prebuilt bytes (see WireTemplate).
RECIPIENT = "recipient@recipient-link.invalid"
MESSAGE_ID = "<message-id@recipient-link.invalid>"
DATE = "recipient-date.invalid"
SMTP = email.policy.compat32.clone(linesep="\r\n")  # what Django's as_bytes writes with
LINE_LIMIT = 998  # past it, Django quoted-printable encodes a part, so bytes cannot be patched


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str

    def email(self, *, to: str, message_id: str, manage: str, unsubscribe: str,
              date: str | None = None) -> EmailMultiAlternatives:
        """The Django email: links filled in, the RFC 8058 unsubscribe headers set. The one
        place an alert email is built, for the backend and for the prebuilt bytes alike."""

        def fill(part: str) -> str:
            return part.replace(MANAGE_LINK, manage).replace(UNSUBSCRIBE_LINK, unsubscribe)

        headers = {
            "Message-ID": message_id,
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        }
        message = EmailMultiAlternatives(subject=self.subject, body=fill(self.text), to=[to],
                                         headers={**headers, "Date": date} if date else headers)
        message.attach_alternative(fill(self.html), "text/html")
        return message

    def addressed(self, *, to: str, message_id: str, subscriber_id: int,
                  subscription_id: int | None = None) -> Addressed:
        """The email for one recipient, with its unsubscribe link for one subscription, or
        with no subscription_id for all of the subscriber's."""
        return Addressed(rendered=self, to=to, message_id=message_id, subscriber_id=subscriber_id,
                         subscription_id=subscription_id)

    @cached_property
    def wire(self) -> WireTemplate | None:
        """The email as SMTP bytes with stand-ins for what differs per recipient, built once;
        None if the bytes could not be patched exactly (wire_template explains)."""
        return wire_template(self)


@dataclass(frozen=True)
class Addressed:
    """A rendered email for one recipient: built as a Django email for any backend, or
    patched into the prebuilt bytes for a plain SMTP connection. Both say the same."""

    rendered: Rendered
    to: str
    message_id: str
    subscriber_id: int
    subscription_id: int | None = None

    def links(self) -> tuple[str, str]:
        return manage_url(self.subscriber_id), unsubscribe_url(self.subscriber_id, self.subscription_id)

    def email(self) -> EmailMultiAlternatives:
        manage, unsubscribe = self.links()
        return self.rendered.email(to=self.to, message_id=self.message_id, manage=manage, unsubscribe=unsubscribe)

    def wire(self) -> Wire | None:
        """The envelope and bytes Django's SMTP backend would send, or None where only the
        backend can build them."""
        template = self.rendered.wire
        return template.fill(self, *self.links()) if template else None


@dataclass(frozen=True)
class Wire:
    sender: str
    recipients: list[str]
    content: bytes


def _header(name: str, value: str) -> bytes:
    """The header line as compat32 folds it; a short ASCII line is left as it is."""
    line = f"{name}: {value}"
    if len(line) <= 78 and line.isascii():
        return line.encode() + b"\r\n"
    return SMTP.fold_binary(name, value)


STAND_IN_HEADERS = {"To": _header("To", RECIPIENT), "Message-ID": _header("Message-ID", MESSAGE_ID),
                    "Date": _header("Date", DATE),
                    "List-Unsubscribe": _header("List-Unsubscribe", f"<{UNSUBSCRIBE_LINK}>")}
# A dot-atom address of ASCII letters, digits and _+-: what sanitize_address returns unchanged.
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*")


def envelope_address(address: str) -> str:
    """The address as Django's SMTP backend writes it; a plain one as it is, without the
    header parser that costs a third of patching an email's bytes."""
    return address if PLAIN_ADDRESS.fullmatch(address) else sanitize_address(address, settings.DEFAULT_CHARSET)


@dataclass(frozen=True)
class WireTemplate:
    """An email's bytes split at its stand-ins: `pieces` alternates literal bytes and the
    stand-in that goes between them. `lines` are (room left under LINE_LIMIT, manage
    links, unsubscribe links) for each body line with links, so a fill that would make a
    line too long (Django would then change the part's encoding) declines."""

    sender: str
    pieces: list[bytes]
    lines: list[tuple[int, int, int]]

    def fill(self, addressed: Addressed, manage: str, unsubscribe: str) -> Wire | None:
        grow_manage, grow_unsubscribe = len(manage) - len(MANAGE_LINK), len(unsubscribe) - len(UNSUBSCRIBE_LINK)
        if any(m * grow_manage + u * grow_unsubscribe > room for room, m, u in self.lines) or not (
                manage + unsubscribe).isascii():
            return None
        to = envelope_address(addressed.to)
        values = {
            STAND_IN_HEADERS["To"]: _header("To", to),
            STAND_IN_HEADERS["Message-ID"]: _header("Message-ID", addressed.message_id),
            STAND_IN_HEADERS["Date"]: _header("Date", formatdate(localtime=settings.EMAIL_USE_LOCALTIME)),
            STAND_IN_HEADERS["List-Unsubscribe"]: _header("List-Unsubscribe", f"<{unsubscribe}>"),
            MANAGE_LINK.encode(): manage.encode(),
            UNSUBSCRIBE_LINK.encode(): unsubscribe.encode(),
        }
        content = b"".join(values[piece] if odd else piece for odd, piece in _alternating(self.pieces))
        return Wire(sender=self.sender, recipients=[to], content=content)


def _alternating(pieces: list[bytes]):
    return ((index % 2 == 1, piece) for index, piece in enumerate(pieces))


def wire_template(rendered: Rendered) -> WireTemplate | None:
    """Build the email once with stand-ins, as Django's SMTP backend would, and split its
    bytes at them. None unless each stand-in is found as often as it was put in (a part
    that Django encoded as quoted-printable or base64 would hide them)."""
    message = rendered.email(to=RECIPIENT, message_id=MESSAGE_ID, manage=MANAGE_LINK, unsubscribe=UNSUBSCRIBE_LINK,
                             date=DATE)
    content = message.message().as_bytes(linesep="\r\n")
    in_parts = rendered.text + rendered.html
    expected = {
        **dict.fromkeys(STAND_IN_HEADERS.values(), 1),
        MANAGE_LINK.encode(): in_parts.count(MANAGE_LINK), UNSUBSCRIBE_LINK.encode(): in_parts.count(UNSUBSCRIBE_LINK),
    }
    pieces = re.split(b"(" + b"|".join(re.escape(stand_in) for stand_in in expected) + b")", content)
    if Counter(pieces[1::2]) != Counter({stand_in: n for stand_in, n in expected.items() if n}):
        return None
    lines = [(LINE_LIMIT - len(line.encode()), line.count(MANAGE_LINK), line.count(UNSUBSCRIBE_LINK))
             for line in (rendered.text + "\n" + rendered.html).splitlines() if MANAGE_LINK in line or UNSUBSCRIBE_LINK in line]
    return WireTemplate(sender=envelope_address(message.from_email), pieces=pieces, lines=lines)


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
    clause_ledger: Ledger | None = None  # for an event about a clause: who supports and opposes it
    clause_url: str = ""  # for an event about a clause: its page, where the email sends the reader
    bill_finished: str = ""  # why nothing comes next ("completed its passage"); blank: the bill goes on


def event_facts(*, event: ChangeEvent, today: dt.date | None = None) -> EventFacts:
    """One query: the bill's next sitting (none once its passage is over); more for a clause's ledger."""
    finished = bill_over(event.bill)
    return EventFacts(
        event=event,
        next_sitting=None if finished else bill_next_sitting(bill=event.bill, today=today or timezone.localdate()),
        bill_finished=finished,
        clause_url=absolute_url(event.clause.get_absolute_url()) if event.clause_id else "",
        bill_url=absolute_url(event.bill.get_absolute_url()),
        member_url=absolute_url(event.member.get_absolute_url()) if event.member else "",
        source_url=event.evidence_url or event.bill.source_url,
        clause_ledger=clause_ledger(clause=event.clause) if event.clause_id else None,
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
            self._facts[event_id] = event_facts(event=ChangeEvent.objects.select_related("bill", "member", "clause__bill").get(pk=event_id))
        return self._facts[event_id]

    def target(self, subscription: Subscription) -> models.Model:
        key = (subscription.target_kind, subscription.target_id)
        if key not in self._targets:
            self._targets[key] = TARGET_KINDS[subscription.target_kind].model.objects.get(pk=subscription.target_id)
        return self._targets[key]

    def instant(self, delivery: Delivery) -> Addressed:
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


def digest_email(*, digest: Digest, deliveries: Iterable[Delivery], emails: EventEmails) -> Addressed:
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
                 "over": target_over(target=target),
                 "expiry_hours": settings.ALERTS_CONFIRM_MAX_AGE_HOURS,
                 "unsubscribe_label": f"Stop alerts on {target}" if confirmed else "Cancel this request"},
    )
    sent_at = int(timezone.now().timestamp())
    return rendered.addressed(
        to=subscription.subscriber.email,
        message_id=f"<alerts-confirm-{subscription.pk}-{sent_at}@{settings.ALERTS_MESSAGE_ID_DOMAIN}>",
        subscriber_id=subscription.subscriber_id, subscription_id=subscription.pk).email()
