"""Following a clause: its status changes reach its subscribers, by email and in its feed."""

from __future__ import annotations

import feedparser
import pytest
from django.conf import settings

from tests.factories import SubscriptionFactory
from tracker.alerts.models import Delivery
from tracker.clauses.models import Clause
from tracker.events.models import ChangeEvent

from .conftest import sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def clause(bill):
    return Clause.objects.create(bill=bill, key="amendment-9000701", kind="clause", label="Clause 65",
                                 heading="Example heading")


def test_a_clause_status_change_reaches_the_clause_subscribers_only(record, bill, clause, bill_subscription):
    follows_clause = SubscriptionFactory(target_kind="clause", bill=None, clause=clause,
                                         subscriber__email="clause-watcher@example.org")
    event = record(bill=bill, kind=ChangeEvent.Kind.CLAUSE_STATUS_CHANGED, clause=clause,
                   summary="Example Bill: Clause 65 (Example heading) — left out")
    assert Delivery.objects.filter(event=event, subscription=follows_clause).count() == 1
    [message] = sent_to("clause-watcher@example.org")
    assert message.subject == "Example Bill: Clause 65 (Example heading) — left out"
    clause_url = f"{settings.SITE_URL}/bills/9000001/example-bill/clauses/amendment-9000701/"
    assert f"The clause on the tracker: {clause_url}" in message.body  # the clause, not only its bill
    html = message.alternatives[0][0]
    assert f'<a href="{clause_url}">The clause on the tracker</a>' in html
    assert Delivery.objects.filter(event=event, subscription=bill_subscription).count() == 1  # the bill's too


def test_the_clause_page_offers_alerts_and_its_feed_lists_its_changes(client, record, bill, clause):
    record(bill=bill, kind=ChangeEvent.Kind.CLAUSE_STATUS_CHANGED, clause=clause,
           summary="Example Bill: Clause 65 (Example heading) — left out")
    assert client.get(f"/alerts/subscribe/clause/{clause.pk}/").status_code == 200
    feed = feedparser.parse(client.get(f"/alerts/feeds/clause/{clause.pk}.atom").content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Example Bill: Clause 65 (Example heading) — left out"]
    assert feed.entries[0].link.endswith("/bills/9000001/example-bill/clauses/amendment-9000701/")
