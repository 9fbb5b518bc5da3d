"""A correction to a scraped bill survives re-scrapes, raises a conflict when the source
changes, can be removed and reverted, and keeps its who, when and why."""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth.models import User

from bills.models import Bill
from tests.support.snapshots import BILLS, example_bill_responses, fixture_json, write_snapshot
from tracker.corrections.models import Conflict, Override
from tracker.corrections.services import override_remove, override_save
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db


def scrape_with_title(tmp_path, title: str, name: str):
    bill = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill.json"))
    bill["shortTitle"] = title
    snapshot = write_snapshot(tmp_path / name, example_bill_responses(**{f"{BILLS}/Bills/9000001": bill}))
    return scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source=name)


@pytest.fixture
def editor():
    return User.objects.create_user("editor", is_staff=True)


def test_a_correction_survives_three_rescrapes_and_a_source_change_opens_a_conflict(tmp_path, editor, client):
    scrape_with_title(tmp_path, "Example Bill", "first")
    bill = Bill.objects.get(bills_api_id=9000001)
    override_save(obj=bill, field="short_title", value="Example Bill [HL]", reason="The print says [HL]", user=editor)

    quiet = scrape_with_title(tmp_path, "Example Bill", "second")
    assert quiet.wrote_nothing and not Conflict.objects.exists()
    scrape_with_title(tmp_path, "Example Bill (No. 2)", "third")
    scrape_with_title(tmp_path, "Example Bill (No. 2)", "fourth")

    assert Bill.objects.get(bills_api_id=9000001).short_title == "Example Bill [HL]"
    conflict = Conflict.objects.get()  # once, not again on the fourth run
    assert str(conflict) == "Source now says 'Example Bill (No. 2)'; correction says 'Example Bill [HL]'"
    assert Override.objects.get().source_value == "Example Bill (No. 2)"
    assert "Example Bill [HL]" in client.get("/bills/9000001/example-bill-hl/").content.decode()


def test_removing_a_correction_shows_what_the_source_last_said(tmp_path, editor):
    scrape_with_title(tmp_path, "Example Bill", "first")
    override = override_save(obj=Bill.objects.get(), field="short_title", value="Corrected", reason="r", user=editor)
    scrape_with_title(tmp_path, "Example Bill (No. 2)", "second")
    override_remove(override=Override.objects.get(pk=override.pk), user=editor, reason="the source fixed it")
    assert Bill.objects.get().short_title == "Example Bill (No. 2)"
    assert not Override.objects.exists()
    again = scrape_with_title(tmp_path, "Example Bill (No. 2)", "third")
    assert again.wrote_nothing


def test_history_records_who_when_and_why_and_keeps_every_version(tmp_path, editor):
    scrape_with_title(tmp_path, "Example Bill", "first")
    bill = Bill.objects.get()
    override_save(obj=bill, field="short_title", value="First fix", reason="typo in the source", user=editor)
    override_save(obj=bill, field="short_title", value="Second fix", reason="better wording", user=editor)
    versions = list(Override.objects.get().history.order_by("history_date"))
    assert [(v.value, v.history_change_reason, v.history_user) for v in versions] == [
        ("First fix", "typo in the source", editor), ("Second fix", "better wording", editor)]
    assert versions[1].diff_against(versions[0]).changed_fields == ["reason", "value"]


def test_a_corrected_current_stage_holds_after_a_rescrape(tmp_path, editor, client):
    scrape_with_title(tmp_path, "Example Bill", "first")
    bill = Bill.objects.get(bills_api_id=9000001)
    assert bill.current_stage.bills_api_id == 9000403
    second_reading = bill.stages.get(bills_api_id=9000402)
    override_save(obj=bill, field="current_stage", value=second_reading, reason="3rd reading not yet held",
                  user=editor)

    scrape_with_title(tmp_path, "Example Bill", "second")
    again = scrape_with_title(tmp_path, "Example Bill", "third")

    assert Bill.objects.get(pk=bill.pk).current_stage_id == second_reading.pk
    assert again.wrote_nothing and not Conflict.objects.exists()
    page = client.get("/bills/9000001/example-bill/").content.decode()
    assert "3rd reading not yet held" in page
