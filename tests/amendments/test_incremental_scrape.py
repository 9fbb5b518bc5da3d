"""A pass over lists that read as before asks for no item's detail and writes nothing; an item
whose list entry changed is the only one fetched and stored again."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from requests.adapters import BaseAdapter

from amendments.models import Amendment, Division
from tests.amendments.example_responses import (
    AMENDMENT_STEPS,
    BILL,
    amendment_item,
    amendment_responses,
    commons_division,
    division_search_urls,
    list_url,
    sponsor,
)
from tests.support.queries import data_writes
from tests.support.snapshots import example_bill_responses, write_snapshot
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db

DIVISION_URL = "https://commonsvotes-api.parliament.uk/data/division/{}.json"


class Counting(BaseAdapter):
    """Passes every request on, keeping its URL."""

    def __init__(self, inner: BaseAdapter) -> None:
        super().__init__()
        self.inner, self.urls = inner, []

    def send(self, request, **kwargs):
        self.urls.append(request.url)
        return self.inner.send(request, **kwargs)

    def close(self) -> None:
        self.inner.close()


def scrape_counting(tmp_path, name: str, responses: dict) -> tuple:
    session = build_session(snapshot_dir=write_snapshot(tmp_path / name, example_bill_responses(**responses)))
    counting = Counting(session.get_adapter("https://"))
    session.mount("https://", counting)
    run = scrape(bill_ids=[BILL], session=session, source=name, steps=AMENDMENT_STEPS)
    return run, counting.urls


def _amendments(first_decision: str = "NoDecision") -> dict:
    lead = sponsor(9000511, 1, True)
    return amendment_responses([amendment_item(9000701, "1", decision=first_decision, sponsors=[lead]),
                                amendment_item(9000702, "2", sponsors=[lead])])


def _divisions(ayes_of_second: int = 4) -> dict:
    commons, lords = division_search_urls()
    first = commons_division(9000801, "Example Bill: Amendment 1", aye_count=3, no_count=2)
    second = commons_division(9000802, "Example Bill: Amendment 2", aye_count=ayes_of_second, no_count=2)
    return {commons: [first, second], lords: [], DIVISION_URL.format(9000801): first,
            DIVISION_URL.format(9000802): second}


def _details(urls: list[str]) -> list[str]:
    return [url for url in urls if url.startswith(f"{list_url()}/") or "/division/" in url]


def test_a_pass_over_unchanged_lists_fetches_no_detail_and_writes_nothing(tmp_path):
    first, first_urls = scrape_counting(tmp_path, "first", {**_amendments(), **_divisions()})
    assert first.created > 0 and len(_details(first_urls)) == 4
    with CaptureQueriesContext(connection) as queries:
        second, second_urls = scrape_counting(tmp_path, "second", {**_amendments(), **_divisions()})
    assert _details(second_urls) == []
    assert (second.created, second.updated, second.failed) == (0, 0, 0)
    assert data_writes(queries.captured_queries) == []
    assert len(second_urls) < len(first_urls) - 4  # the members named are not read again either


def test_only_the_amendment_whose_entry_changed_is_fetched_and_stored(tmp_path):
    scrape_counting(tmp_path, "first", {**_amendments(), **_divisions()})
    run, urls = scrape_counting(tmp_path, "second", {**_amendments(first_decision="Withdrawn"), **_divisions()})
    assert _details(urls) == [f"{list_url()}/9000701"]
    assert run.updated == 1
    assert dict(Amendment.objects.values_list("bills_api_id", "decision")) == {9000701: "Withdrawn",
                                                                              9000702: "NoDecision"}


def test_only_the_division_whose_search_entry_changed_is_read_again(tmp_path):
    scrape_counting(tmp_path, "first", {**_amendments(), **_divisions()})
    run, urls = scrape_counting(tmp_path, "second", {**_amendments(), **_divisions(ayes_of_second=5)})
    assert _details(urls) == [DIVISION_URL.format(9000802)]
    assert Division.objects.get(source_id=9000802).for_count == 5
    assert Division.objects.get(source_id=9000801).for_count == 3


def test_an_item_whose_detail_failed_is_fetched_again_next_time(tmp_path):
    broken = {**_amendments(), f"{list_url()}/9000702": (500, {"error": "synthetic"})}
    first, _ = scrape_counting(tmp_path, "first", broken)
    assert first.failed == 1
    _, urls = scrape_counting(tmp_path, "second", _amendments())
    assert _details(urls) == [f"{list_url()}/9000702"]
