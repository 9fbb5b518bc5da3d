"""Claiming outbox rows (Delivery, Digest) in batches so that no two workers ever hold the
same row, and a worker that dies gives its rows back when its lease runs out.

The claim is a conditional UPDATE: it sets a fresh claim token and a lease on rows that
are pending and unclaimed (or whose lease has run out), re-checking that condition on each
row it writes. On PostgreSQL the batch is first locked with SELECT ... FOR UPDATE SKIP
LOCKED, so concurrent workers take different rows instead of queueing behind each other;
on SQLite, which runs one writer at a time, the UPDATE picks the batch in a subquery and
its condition alone decides. Either way a
row belongs to at most one live claim, and marking it sent requires that claim's token.

A row is marked "sending" just before its SMTP call and "sent" with the next row's "sending". The worker
renews its lease while it works, so the lease can be short; when a worker dies, its rows
are claimable again once the lease lapses: the pending ones were never sent, and the one
row left "sending" may have reached the server, so it is sent again with the same
Message-ID. That is at most one duplicate per dead worker.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import uuid
from dataclasses import dataclass

from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from .models import OutboxItem

PENDING = OutboxItem.Status.PENDING
UNSENT = (OutboxItem.Status.PENDING, OutboxItem.Status.SENDING)


@dataclass(frozen=True)
class Claim:
    token: uuid.UUID
    until: dt.datetime  # the lease: the rows are this worker's until then
    ids: list[int]

    def time_left(self) -> dt.timedelta:
        return self.until - timezone.now()


def outbox_claim(*, rows: QuerySet, batch_size: int, lease: dt.timedelta, max_attempts: int) -> Claim:
    """Claim up to `batch_size` of `rows` (a queryset of one outbox model), oldest first."""
    now = timezone.now()
    token = uuid.uuid4()
    claimable = rows.filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
                            status__in=UNSENT, attempts__lt=max_attempts)
    candidates = claimable.order_by("pk").values_list("pk", flat=True)[:batch_size]
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            # Lock the batch in its own statement: as a subquery of the UPDATE, FOR UPDATE
            # re-checks rows that very UPDATE changed and can hand back more than the batch.
            candidates = list(candidates.select_for_update(skip_locked=True))
        claimable.filter(pk__in=candidates).update(claim_token=token, claimed_until=now + lease,
                                                   attempts=F("attempts") + 1)
    ids = list(rows.model.objects.filter(claim_token=token).order_by("pk").values_list("pk", flat=True))
    return Claim(token=token, until=now + lease, ids=ids)


def outbox_renew(*, rows: QuerySet, claim: Claim, lease: dt.timedelta) -> Claim:
    """Extend the claim's lease on its unsent rows: a worker alive and sending keeps them."""
    until = timezone.now() + lease
    rows.filter(claim_token=claim.token, status__in=UNSENT).update(claimed_until=until)
    return dataclasses.replace(claim, until=until)


class LeaseKeeper:
    """Renews a claim's lease every quarter lease from a thread of its own, for as long as the
    batch runs: the lease measures whether the worker is alive, not how long one SMTP call
    takes, so it can be short and a dead worker's rows come back soon. `claim` is the claim
    as last renewed; if renewing fails, its time runs down and the sender stops."""

    def __init__(self, *, rows: QuerySet, claim: Claim, lease: dt.timedelta) -> None:
        self.claim, self._rows, self._lease = claim, rows, lease
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew, daemon=True, name=f"lease {claim.token}")

    def __enter__(self) -> "LeaseKeeper":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _renew(self) -> None:
        try:
            while not self._stop.wait(self._lease.total_seconds() / 4):
                try:
                    self.claim = outbox_renew(rows=self._rows, claim=self.claim, lease=self._lease)
                except DatabaseError:  # the next renewal tries again; meanwhile the lease runs down
                    continue
        finally:
            connection.close()  # this thread's own connection


def outbox_mark(*, model: type[OutboxItem], claim: Claim, statuses: dict[int, str]) -> set[int]:
    """Record, in one statement, that rows are being sent or their outcome (sent, cancelled,
    failed), for the rows this claim still holds; returns the ids recorded.

    The sender writes one email's outcome with the next email's "sending", so a fan-out costs
    one write per email, and a worker that dies still leaves at most one row "sending". Each
    row is conditional on its own claim, and RETURNING says which were written. It is one
    plain UPDATE: compiling it through the ORM would take longer than running it."""
    if not statuses:
        return set()
    field = model._meta.get_field
    now = field("sent_at").get_db_prep_value(timezone.now(), connection)
    status_params, sent_at_params, claimed = [], [], []
    for pk, status in statuses.items():
        status_params += [pk, status]
        sent_at_params += [pk, now if status == OutboxItem.Status.SENT else None]
        # Only a row being sent keeps its lease; an outcome ends the claim on its row.
        claimed.append("claimed_until" if status == OutboxItem.Status.SENDING else "NULL")
    whens = " ".join(["WHEN %s THEN %s"] * len(statuses))
    # Each CASE ends in its own column, which gives PostgreSQL the type of the bare values.
    sql = (f"UPDATE {connection.ops.quote_name(model._meta.db_table)}"
           f" SET status = CASE id {whens} ELSE status END,"
           f" sent_at = CASE id {whens} ELSE sent_at END,"
           f" claimed_until = CASE id {' '.join(f'WHEN %s THEN {value}' for value in claimed)} ELSE claimed_until END"
           f" WHERE id IN ({', '.join(['%s'] * len(statuses))}) AND claim_token = %s AND status IN (%s, %s)"
           " RETURNING id")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*status_params, *sent_at_params, *statuses, *statuses,
                             field("claim_token").get_db_prep_value(claim.token, connection), *UNSENT])
        return {row[0] for row in cursor.fetchall()}


def outbox_release(*, rows: QuerySet, claim: Claim) -> int:
    """Give back the claim's unsent rows at once, rather than when the lease runs out."""
    return rows.filter(claim_token=claim.token, status__in=UNSENT).update(claim_token=None, claimed_until=None)
