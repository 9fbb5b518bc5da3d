"""A scrape of a reconstructed snapshot keeps, per record, what its manifest says of it: the
sources cited for it (what a page links to instead of Parliament's website for a made-up id)
and what no API shape carries (the session's name, Hansard column references)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command

from tracker.hansard.models import Contribution
from tracker.scraping.models import ScrapedBill, ScrapeRun
from tracker.scraping.selectors import reconstructed_records

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    call_command("scrape", "--snapshot", str(settings.BUNDLED_SNAPSHOT_DIR), "--bill", "3159", "--no-progress")
    return reconstructed_records(bills_api_id=3159)


def _key(contribution: Contribution) -> str:
    return f"{contribution.debate.hansard_ext_id}/{contribution.anchor}"


def test_each_made_up_record_keeps_the_sources_cited_for_it(records):
    blackman = records["9000016"]
    assert blackman["record"] == "Members API member id: Kirsty Blackman (Commons)"
    assert {source["name"]: source["url"] for source in blackman["sources"]} == {
        "seed 000": None,
        "HANSARD-PBC-9": "https://hansard.parliament.uk/debates/GetDebateAsText/0f594b85-3ff1-409b-b32a-2c691a6ea304"}
    assert records["9001001"]["session_name"] == "2022-23"


def test_column_references_are_found_by_the_stored_contributions(records):
    scriven = Contribution.objects.select_related("debate").get(attributed_to="Lord Scriven")
    assert scriven.column_reference == ""  # the Hansard API cannot carry it ...
    assert records[_key(scriven)]["column_reference"] == "825 c1830"  # ... the manifest does
    grand_committee = Contribution.objects.select_related("debate").get(debate__location="Grand Committee")
    assert records[_key(grand_committee)]["column_reference"] == "823 cc554-7GC"


def test_a_bill_scraped_live_since_has_no_reconstructed_records(records):
    assert records
    live = ScrapeRun.objects.create(source="live", bill_ids=[3159])
    ScrapedBill.objects.create(run=live, bills_api_id=3159)
    assert reconstructed_records(bills_api_id=3159) == {}
