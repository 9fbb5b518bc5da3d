"""Benchmark alert fan-out: one stage change on a bill with 10,000 confirmed subscribers,
from recording the event to the last email accepted by a local SMTP sink.

    .venv/bin/python bench/alerts_fanout.py [--subscribers N] [--json]

Runs the embedded default (SQLite, tasks in-process) on a throwaway database under /tmp,
with Django's SMTP backend pointed at an aiosmtpd sink in a process of its own. Then sends
the same messages, as bytes, with a plain smtplib loop over one connection to the same sink,
and prints both times and their ratio (target: within 2x). The bill is the synthetic
Example Bill (id 9000001); no Parliament data is involved.

What the tracker pays per email that the plain loop does not: one UPDATE committed before the
message goes (it records the previous one sent and this one sending; SQLite, WAL,
synchronous=NORMAL), signing the recipient's two links,
and patching them, the To, Message-ID and Date into the email's prebuilt bytes. The email is
rendered and built as MIME once per change, not per subscriber (tracker/alerts/emails.py,
WireTemplate); building a Django EmailMessage per subscriber cost about 0.5 ms each.
"""

from __future__ import annotations

import argparse
import json
import smtplib
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench._django import configure_django  # noqa: E402

from tests.support.smtp_sink import counting_sink_process  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object (bench/run.py)")
    arguments = parser.parse_args()
    subscribers = arguments.subscribers
    with tempfile.TemporaryDirectory(prefix="alerts-fanout-") as directory, counting_sink_process() as sink:
        configure_django(Path(directory) / "bench.sqlite3", EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(sink.port),
                         EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend")
        bill = _bill_with_subscribers(subscribers)
        tracker_seconds, outbox_seconds = _time_tracker(bill, sink, subscribers)
        smtplib_seconds = _time_smtplib(sink, subscribers)
    if arguments.json:
        print(json.dumps({"subscribers": subscribers, "tracker_seconds": tracker_seconds,
                          "outbox_seconds": outbox_seconds, "smtplib_seconds": smtplib_seconds}))
        return
    print(f"subscribers: {subscribers:,}")
    print(f"tracker (event recorded -> last email accepted): {tracker_seconds:.2f} s "
          f"({tracker_seconds / subscribers * 1000:.2f} ms per email; recording the event and its outbox rows: "
          f"{outbox_seconds:.2f} s)")
    print(f"plain smtplib loop, same messages, one connection: {smtplib_seconds:.2f} s "
          f"({smtplib_seconds / subscribers * 1000:.2f} ms per email)")
    print(f"ratio: {tracker_seconds / smtplib_seconds:.2f}x (target: within 2x)")


def _bill_with_subscribers(count: int):
    from bills.models import Bill, BillStage, House, StageType
    from tracker.alerts.models import Subscriber, Subscription

    first, second = (StageType.objects.create(bills_api_id=9000000 + n, name=name, house=House.COMMONS)
                     for n, name in ((7, "1st reading"), (8, "2nd reading")))
    bill = Bill.objects.create(bills_api_id=9000001, short_title="Example Bill", originating_house=House.COMMONS,
                               current_house=House.COMMONS)
    stages = [BillStage.objects.create(bills_api_id=9000400 + n, bill=bill, stage_type=t, description=t.name,
                                       house=House.COMMONS, sort_order=n) for n, t in ((1, first), (2, second))]
    Bill.objects.filter(pk=bill.pk).update(current_stage=stages[0])
    people = Subscriber.objects.bulk_create(
        [Subscriber(email=f"subscriber{n}@example.org") for n in range(count)], batch_size=2000)
    Subscription.objects.bulk_create(
        [Subscription(subscriber=p, target_kind="bill", bill=bill, status=Subscription.Status.CONFIRMED)
         for p in people], batch_size=2000)
    return bill


def _time_tracker(bill, sink, expected: int) -> tuple[float, float]:
    """Seconds from recording the event to the last email accepted, and of those, the
    seconds spent recording the event and its outbox rows."""
    from django.db import transaction

    from tracker.events.models import ChangeEvent
    from tracker.events.services import event_record

    bill.get_absolute_url()  # builds the URL map once, as any worker that has sent before has
    started = time.perf_counter()
    with transaction.atomic():  # as bill_store does; the sends run on commit, in-process
        event_record(kind=ChangeEvent.Kind.STAGE_CHANGED, bill=bill, summary="Example Bill: moved to Commons 2nd reading",
                     detail={"from_stage": "1st reading (Commons)", "to_stage": "2nd reading (Commons)"},
                     evidence_url=bill.source_url)
        recorded = time.perf_counter() - started
    _wait_for(sink, expected)
    return time.perf_counter() - started, recorded


def _time_smtplib(sink, count: int) -> float:
    """The same messages (rebuilt by the same code, so only their Date and token timestamps
    differ), as bytes, through one plain connection."""
    from django.conf import settings

    from tracker.alerts.emails import EventEmails
    from tracker.alerts.models import Delivery

    emails = EventEmails()
    deliveries = Delivery.objects.select_related("subscription__subscriber", "subscription__bill", "event__bill",
                                                 "event__member").order_by("pk")
    messages = [(d.subscription.subscriber.email, emails.instant(d).email().message().as_bytes(linesep="\r\n"))
                for d in deliveries]
    before = sink.count
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", settings.EMAIL_PORT) as connection:
        for recipient, message in messages:
            connection.sendmail(settings.DEFAULT_FROM_EMAIL, [recipient], message)
    _wait_for(sink, before + count)
    return time.perf_counter() - started


def _wait_for(sink, count: int) -> None:
    while sink.count < count:
        time.sleep(0.005)


if __name__ == "__main__":
    main()
