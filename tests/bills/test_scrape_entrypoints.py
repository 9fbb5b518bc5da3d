"""The ways a scrape starts: the command (summary, exit status, --updated-since), the
Celery tasks, and the lock that keeps two runs off one bill."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from bills.models import Bill, BillStage
from bills.tasks import scrape_bill, scrape_tracked_bills
from tests.support.snapshots import BILLS, example_bill_responses, fixture_json, write_snapshot
from tracker.http.client import build_session
from tracker.scraping.models import ScrapeProblem, ScrapeRun
from tracker.scraping.pipeline import bill_lock, scrape

pytestmark = pytest.mark.django_db


def test_command_prints_the_summary_and_says_when_nothing_was_new(tmp_path, capsys):
    snapshot = write_snapshot(tmp_path / "s", example_bill_responses())
    call_command("scrape", "--snapshot", str(snapshot), "--bill", "9000001", "--no-progress")
    call_command("scrape", "--snapshot", str(snapshot), "--bill", "9000001", "--no-progress")
    first, second = capsys.readouterr().out.strip().splitlines()
    assert "succeeded" in first and "created" in first
    assert second.endswith("Nothing new: no rows written.")


def test_command_fails_with_the_problems_listed_when_a_fetch_failed(tmp_path, capsys):
    snapshot = write_snapshot(tmp_path / "s", example_bill_responses(
        **{f"{BILLS}/Bills/9000001/Publications": (503, {"error": "unavailable"})}))
    with pytest.raises(CommandError) as raised:
        call_command("scrape", "--snapshot", str(snapshot), "--bill", "9000001", "--no-progress")
    assert raised.value.returncode == 1
    assert "HTTP 503" in capsys.readouterr().err
    assert Bill.objects.filter(bills_api_id=9000001).exists()  # the rest of the bill was stored


def test_command_rejects_a_directory_that_is_not_a_snapshot(tmp_path):
    with pytest.raises(CommandError, match="not a snapshot directory"):
        call_command("scrape", "--snapshot", str(tmp_path), "--no-progress")


def test_updated_since_scrapes_the_bills_changed_since_then(tmp_path):
    bills_list = fixture_json("bills_api", "spec_shaped_bills.json")
    snapshot = write_snapshot(tmp_path / "s", example_bill_responses(**{
        f"{BILLS}/Bills?SortOrder=DateUpdatedDescending&Skip=0&Take=20": bills_list}))
    call_command("scrape", "--snapshot", str(snapshot), "--updated-since", "2024-01-01", "--no-progress")
    run = ScrapeRun.objects.get()
    # 9000001 changed 2 Jan 2024 and 9000002 on 3 Feb 2024: both are due; 9000002 is not in the snapshot.
    assert run.bill_ids == [9000001, 9000002]
    assert Bill.objects.filter(bills_api_id=9000001).exists()
    assert run.problems.filter(kind=ScrapeProblem.Kind.NOT_FOUND, url__endswith="/Bills/9000002").exists()


def test_updated_since_skips_bills_older_than_the_date(tmp_path):
    snapshot = write_snapshot(tmp_path / "s", example_bill_responses(**{
        f"{BILLS}/Bills?SortOrder=DateUpdatedDescending&Skip=0&Take=20": fixture_json("bills_api", "spec_shaped_bills.json")}))
    call_command("scrape", "--snapshot", str(snapshot), "--updated-since", "2024-02-01", "--no-progress")
    assert ScrapeRun.objects.get().bill_ids == [9000002]


def test_a_bill_locked_by_another_run_is_skipped_and_recorded(tmp_path):
    snapshot = write_snapshot(tmp_path / "s", example_bill_responses())
    with bill_lock(9000001) as acquired:
        assert acquired
        run = scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source="test")
    assert run.problems.get().kind == ScrapeProblem.Kind.LOCKED
    assert not Bill.objects.exists()
    with bill_lock(9000001) as acquired_after:
        assert acquired_after  # released when the holder finished


def test_the_periodic_task_scrapes_every_tracked_bill_through_the_bill_task(tmp_path, settings):
    settings.SCRAPE_SNAPSHOT_DIR = str(write_snapshot(tmp_path / "s", example_bill_responses()))
    settings.TRACKED_BILL_IDS = [9000001]
    assert scrape_tracked_bills.delay().get() == [9000001]  # eager here: runs scrape_bill in-process
    assert BillStage.objects.filter(bill__bills_api_id=9000001).count() == 3
    run_id = scrape_bill.delay(9000001).get()  # retried or repeated: harmless
    assert ScrapeRun.objects.get(pk=run_id).wrote_nothing


def test_the_periodic_task_reads_the_bill_and_stage_types_once_for_all_its_bill_tasks(tmp_path, settings):
    responses = example_bill_responses()
    del responses[f"{BILLS}/BillTypes?Skip=0&Take=20"]  # each reading of it records a problem
    settings.SCRAPE_SNAPSHOT_DIR = str(write_snapshot(tmp_path / "s", responses))
    settings.TRACKED_BILL_IDS = [9000001, 9000002]
    assert scrape_tracked_bills.delay().get() == [9000001, 9000002]
    assert ScrapeProblem.objects.filter(url__contains="/BillTypes").count() == 1
    assert BillStage.objects.filter(bill__bills_api_id=9000001).count() == 3
    assert scrape_bill.delay(9000001).get()  # on its own, a bill's task reads them itself
    assert ScrapeProblem.objects.filter(url__contains="/BillTypes").count() == 2


def test_beat_schedules_the_tracked_bills_scrape(settings):
    assert settings.CELERY_BEAT_SCHEDULE["scrape-tracked-bills"]["task"] == scrape_tracked_bills.name



def _session_snapshot(tmp_path, name: str, bills_list: dict):
    """The Example Bill, listed in session 9000102 (the newest any recent bill names)."""
    return write_snapshot(tmp_path / name, example_bill_responses(**{
        f"{BILLS}/Bills?SortOrder=DateUpdatedDescending&Skip=0&Take=20": bills_list,
        f"{BILLS}/Bills?Session=9000102&SortOrder=DateUpdatedDescending&Skip=0&Take=20": {
            **bills_list, "items": bills_list["items"][:1], "totalResults": 1}}))


def test_session_scrapes_the_current_sessions_bills_then_skips_those_the_source_left_unchanged(tmp_path):
    bills_list = fixture_json("bills_api", "spec_shaped_bills.json")
    snapshot = _session_snapshot(tmp_path, "s", bills_list)
    call_command("scrape", "--snapshot", str(snapshot), "--session", "--no-progress")
    assert ScrapeRun.objects.get().bill_ids == [9000001]
    assert Bill.objects.filter(bills_api_id=9000001).exists()

    call_command("scrape", "--snapshot", str(snapshot), "--session", "9000102", "--no-progress")
    assert ScrapeRun.objects.first().bill_ids == []  # lastUpdate as stored, and the last scrape was clean

    bills_list["items"][0]["lastUpdate"] = "2024-03-01T09:00:00"
    call_command("scrape", "--snapshot", str(_session_snapshot(tmp_path, "later", bills_list)),
                 "--session", "9000102", "--no-progress")
    assert ScrapeRun.objects.first().bill_ids == [9000001]


def test_the_periodic_task_hands_out_one_task_per_changed_bill_of_the_session(tmp_path, settings):
    settings.SCRAPE_SNAPSHOT_DIR = str(_session_snapshot(tmp_path, "s", fixture_json("bills_api", "spec_shaped_bills.json")))
    settings.SCRAPE_SESSION = "current"
    settings.TRACKED_BILL_IDS = []
    assert scrape_tracked_bills.delay().get() == [9000001]
    assert BillStage.objects.filter(bill__bills_api_id=9000001).count() == 3
    assert scrape_tracked_bills.delay().get() == []
