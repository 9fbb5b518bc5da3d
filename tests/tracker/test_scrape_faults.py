"""The scrapers against a fault-injecting stand-in for Parliament's APIs: a real HTTP server on
127.0.0.1 serving the bundled snapshot, with one fault per test. After each faulty run: no data
row lost or changed, the problem recorded with its URL, the run in a final state, no change
event; and the next clean run completes the data."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.apps import apps

from tests.support.http_server import Reply
from tracker.events.models import ChangeEvent
from tracker.scraping.models import ListedEntry, ScrapeProblem, ScrapeRun

pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")
DATA_APPS = ("bills", "amendments", "hansard")
FINAL = {ScrapeRun.Status.SUCCEEDED, ScrapeRun.Status.PARTIAL, ScrapeRun.Status.FAILED}


def tables() -> dict[str, str]:
    """A hash of every row of every data table, by table."""
    found = {}
    for model in (m for label in DATA_APPS for m in apps.get_app_config(label).get_models()):
        if model._meta.label.split(".")[1].startswith("Historical"):
            continue
        rows = json.dumps(list(model.objects.order_by("pk").values()), default=str, sort_keys=True)
        found[model._meta.label] = f"{model.objects.count()} rows {hashlib.sha256(rows.encode()).hexdigest()[:12]}"
    return found


def renamed(key: str, new: str, *, hosts: tuple[str, ...]):
    """A fault: every `key` in the JSON bodies from these hosts renamed to `new`."""
    def rename(value):
        if isinstance(value, dict):
            return {(new if k == key else k): rename(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rename(v) for v in value]
        return value

    def fault(url: str, reply: Reply) -> Reply:
        if reply.status != 200 or not any(host in url for host in hosts):
            return reply
        reply.body = json.dumps(rename(json.loads(reply.body))).encode()
        return reply
    return fault


def at(url_part: str, **changes):
    """A fault: the replies for URLs containing `url_part` changed as given."""
    def fault(url: str, reply: Reply) -> Reply:
        if url_part in url:
            for name, value in changes.items():
                setattr(reply, name, value)
        return reply
    return fault


BILLS = ("bills-api.parliament.uk",)
FAULTS = {
    "sponsors renamed": renamed("sponsors", "supporters", hosts=BILLS),
    "Hansard Items renamed": renamed("Items", "Entries", hosts=("hansard-api.parliament.uk",)),
    "paged items renamed": renamed("items", "results", hosts=BILLS),
    "amendmentLines renamed": renamed("amendmentLines", "lines", hosts=BILLS),
    "body shorter than its Content-Length": at("/Amendments/9006002", short_by=40),
    "body trickling a byte at a time": at("/Amendments/9006001", trickle=0.05),
}


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
def test_a_fault_loses_nothing_is_recorded_and_the_next_clean_run_completes(stand_in, fault):
    clean = stand_in()
    assert clean.status == ScrapeRun.Status.SUCCEEDED, list(clean.problems.values_list("message", flat=True))
    before, events = tables(), ChangeEvent.objects.count()
    # Every list entry reads as changed, so every detail is fetched again: a pass on which the
    # source changed its lists, when a detail-level fault can strike.
    ListedEntry.objects.all().delete()

    faulty = stand_in(FAULTS[fault])

    assert faulty.status in FINAL and faulty.status != ScrapeRun.Status.SUCCEEDED
    assert tables() == before
    problems = faulty.problems.exclude(kind=ScrapeProblem.Kind.NOT_FOUND)
    assert problems.exists() and all(problem.url for problem in problems)
    assert ChangeEvent.objects.count() == events
    assert stand_in().status == ScrapeRun.Status.SUCCEEDED
    assert tables() == before
