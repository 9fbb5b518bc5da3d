"""Two workers scraping different bills at once both find a shared row (here a bill type) missing
and both insert it: on PostgreSQL the one whose insert loses reads again and goes on, and the
bill is not failed."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from bills.models import BillType
from tracker.scraping.upsert import bulk_upsert

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROW = {9_990_001: {"category": "Public", "name": "Example bill type", "description": ""}}


def commit_once_blocked(finish: threading.Event) -> None:
    """Let the first worker commit once the second worker's INSERT waits on its uncommitted row."""
    with connection.cursor() as cursor:
        for _ in range(6000):
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                           " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO \"bills_billtype\"%%'")
            if cursor.fetchone()[0]:
                break
            threading.Event().wait(0.01)
    finish.set()
    connections.close_all()


def test_an_insert_that_loses_the_race_reads_again_and_writes_what_still_differs():
    inserted, finish = threading.Event(), threading.Event()

    def first_worker() -> None:
        with transaction.atomic():
            BillType.objects.create(bills_api_id=9_990_001, category="Public", name="Example bill type")
            inserted.set()
            finish.wait(timeout=60)  # holds the uncommitted row: the second worker's insert waits for it
        connections.close_all()

    worker = threading.Thread(target=first_worker)
    worker.start()
    inserted.wait(timeout=60)
    with connection.cursor() as cursor:  # the second worker's read sees nothing: the row is not committed yet
        cursor.execute("SELECT count(*) FROM bills_billtype WHERE bills_api_id = 9990001")
        assert cursor.fetchone()[0] == 0
    watcher = threading.Thread(target=commit_once_blocked, args=(finish,))
    watcher.start()
    result = bulk_upsert(BillType, key="bills_api_id", rows=ROW)
    worker.join()
    watcher.join()
    assert (result.counts.created, result.counts.updated, result.counts.unchanged) == (0, 0, 1)
    assert BillType.objects.filter(bills_api_id=9_990_001).count() == 1
