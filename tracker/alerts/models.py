"""Subscribers, their subscriptions, and the outbox of emails owed to them.

A Delivery is one change owed to one subscription, written in the same transaction as the
ChangeEvent it reports (see services.deliveries_create), so an event exists exactly when
its deliveries do. Deliveries and Digests are outbox rows: a worker claims a batch under a
lease, sends each row outside any transaction and marks it sent at once. The row's id is
the email's Message-ID, the idempotency key.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .targets import TARGET_KIND_CHOICES, TARGET_KINDS, one_target_condition


class Subscriber(models.Model):
    """One email address. There is no account: the address proves itself by confirming,
    and every email carries signed links to manage its subscriptions."""

    class Frequency(models.TextChoices):
        INSTANT = "instant", "An email for each change"
        DAILY = "daily", "A daily digest: one email a day listing the changes"

    email = models.EmailField(max_length=254, unique=True, help_text="stored in lower case")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.INSTANT)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.email


class Subscription(models.Model):
    """Alerts on one target (a bill, a clause or a member) for one subscriber."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    target_kind = models.CharField(max_length=20, choices=TARGET_KIND_CHOICES)
    bill = models.ForeignKey("bills.Bill", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="alert_subscriptions")
    member = models.ForeignKey("bills.Member", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="alert_subscriptions")
    clause = models.ForeignKey("clauses.Clause", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="alert_subscriptions")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(default=timezone.now,
                                        help_text="when confirmation was last asked for; unconfirmed requests expire")
    confirmation_sent_at = models.DateTimeField(null=True, blank=True,
                                                help_text="last confirmation email: at most one an hour")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=one_target_condition(), name="alerts_subscription_one_target"),
            *(models.UniqueConstraint(fields=["subscriber", name], name=f"alerts_one_subscription_per_{name}")
              for name in TARGET_KINDS),
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} → {self.target_kind} {self.target}"

    @property
    def target(self) -> models.Model:
        return getattr(self, self.target_kind)

    @property
    def target_id(self) -> int:
        return getattr(self, f"{self.target_kind}_id")


class OutboxItem(models.Model):
    """An email owed. Claimed by setting claim_token and a lease (claimed_until); a lease
    that runs out (the worker died) makes the row claimable again."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Handed to the mail server, not yet confirmed"
        SENT = "sent", "Sent"
        CANCELLED = "cancelled", "Not sent: unsubscribed before sending"
        FAILED = "failed", "Not sent: the mail server refused the address"

    MESSAGE_ID_PREFIX = ""

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    claim_token = models.UUIDField(null=True, blank=True, help_text="the claim of the worker that has it")
    claimed_until = models.DateTimeField(null=True, blank=True, help_text="lease end; claimable again after it")
    attempts = models.PositiveIntegerField(default=0, help_text="times claimed")
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @property
    def message_id(self) -> str:
        """The email's Message-ID: the same on every attempt, so it identifies a resend."""
        return f"<{self.MESSAGE_ID_PREFIX}-{self.pk}@{settings.ALERTS_MESSAGE_ID_DOMAIN}>"


class Digest(OutboxItem):
    """One subscriber's daily email listing the changes gathered for it."""

    MESSAGE_ID_PREFIX = "alerts-digest"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="digests")
    digest_date = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscriber", "digest_date"], name="alerts_one_digest_a_day")]
        indexes = [models.Index(fields=["claimed_until"], condition=Q(status="pending"),
                                name="alerts_digest_claimable")]


class Delivery(OutboxItem):
    """One change owed to one subscription: an instant email, or a line in a daily digest."""

    MESSAGE_ID_PREFIX = "alerts-delivery"

    class Channel(models.TextChoices):
        INSTANT = "instant", "Own email"
        DIGEST = "digest", "Daily digest"

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey("events.ChangeEvent", on_delete=models.CASCADE, related_name="alert_deliveries")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    digest = models.ForeignKey(Digest, null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries")

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [models.UniqueConstraint(fields=["subscription", "event"], name="alerts_one_delivery_per_event")]
        indexes = [models.Index(fields=["channel", "claimed_until"], condition=Q(status="pending"),
                                name="alerts_delivery_claimable")]
