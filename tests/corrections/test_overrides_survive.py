"""For each kind of scraped record: a correction survives three re-scrapes, one of which
changes the same field at the source (a conflict appears; the correction still shows);
removing it shows the source's value; its history says who, when and why."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

import pytest
from django.contrib.auth.models import User

from amendments.models import Amendment, Division, Sponsorship
from bills.models import Bill, BillStage, Member, Sitting
from tests.amendments.example_responses import (
    AMENDMENT_STEPS,
    amendment_item,
    amendment_responses,
    commons_division,
    division_search_urls,
    sponsor,
)
from tests.support.snapshots import BILLS, MEMBERS, example_bill_responses, fixture_json, write_snapshot
from tracker.corrections.models import Conflict, Override
from tracker.corrections.services import override_remove, override_save
from tracker.http.client import build_session
from tracker.hansard.models import Mention
from tracker.scraping.pipeline import Step, scrape
from tests.hansard.support import HANSARD_STEPS, contribution, debate_body, hansard_responses

pytestmark = pytest.mark.django_db


def _stages(description: str) -> dict:
    stages = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill_stages.json"))
    stages["items"][1]["description"] = description
    return stages


def _sitting_date(date: str) -> dict:
    stages = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill_stages.json"))
    stages["items"][1]["stageSittings"][0]["date"] = date
    return stages


def _bill(title: str) -> dict:
    bill = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill.json"))
    bill["shortTitle"] = title
    return bill


def _member(name: str) -> dict:
    member = copy.deepcopy(fixture_json("members_api", "spec_shaped_member.json"))
    member["value"]["nameDisplayAs"] = name
    return member


def _amendments(decision: str, sponsor_name: str) -> dict:
    lead = sponsor(9000511, 1, True) | {"name": sponsor_name}
    return amendment_responses([amendment_item(9000701, "1", decision=decision, sponsors=[lead])])


def _debate(words: str) -> dict:
    """One Example Bill contribution; both wordings put "new clause 2" at the same place."""
    return hansard_responses({"00000000-0000-0000-0000-000009200001": debate_body([contribution(f"<p>{words}</p>")])})


def _division(ayes: int) -> dict:
    commons, lords = division_search_urls()
    found = commons_division(9000801, "Example Bill: Amendment 1", aye_count=ayes, no_count=3)
    return {commons: [found], lords: [],
            "https://commonsvotes-api.parliament.uk/data/division/9000801.json": found}


@dataclass(frozen=True)
class Case:
    name: str
    source: Callable[[str], dict[str, Any]]  # "before" / "after" -> responses
    record: Callable[[], Any]
    field: str
    correction: Any
    source_after: Any
    steps: tuple[Step, ...] = AMENDMENT_STEPS


CASES = [
    Case("bill", lambda v: {f"{BILLS}/Bills/9000001": _bill("Example Bill" if v == "before" else "Example Bill (No. 2)")},
         lambda: Bill.objects.get(bills_api_id=9000001), "short_title", "Example Bill [HL]", "Example Bill (No. 2)"),
    Case("stage", lambda v: {f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20": _stages("2nd reading" if v == "before" else "Second reading")},
         lambda: BillStage.objects.get(bills_api_id=9000402), "description", "2nd reading (Commons)", "Second reading"),
    Case("sitting", lambda v: {f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20": _sitting_date("2023-03-01T00:00:00" if v == "before" else "2023-03-02T00:00:00")},
         lambda: Sitting.objects.get(bill_stage__bills_api_id=9000402), "date", dt.date(2023, 3, 8), dt.date(2023, 3, 2)),
    Case("member", lambda v: {f"{MEMBERS}/Members/9000501": _member("Example Member" if v == "before" else "Example Member MP")},
         lambda: Member.objects.get(members_api_id=9000501), "name_display_as", "Dr Example Member", "Example Member MP"),
    Case("amendment", lambda v: _amendments("NoDecision" if v == "before" else "Withdrawn", "Example Member 9000511"),
         lambda: Amendment.objects.get(bills_api_id=9000701), "decision", "Agreed", "Withdrawn"),
    Case("sponsorship", lambda v: _amendments("NoDecision", "Example Member 9000511" if v == "before" else "E. Member"),
         lambda: Sponsorship.objects.get(amendment__bills_api_id=9000701), "name", "Example Member (corrected)", "E. Member"),
    Case("division", lambda v: _division(10 if v == "before" else 11),
         lambda: Division.objects.get(source_id=9000801), "for_count", 12, 11),
    Case("hansard stance", lambda v: _debate("I support new clause 2." if v == "before" else "We oppose new clause 2."),
         lambda: Mention.objects.get(), "stance", "neutral", "opposes", steps=HANSARD_STEPS),
]


def scrape_version(tmp_path, case: Case, version: str, run: int):
    directory = write_snapshot(tmp_path / f"{version}-{run}", example_bill_responses(**case.source(version)))
    return scrape(bill_ids=[9000001], session=build_session(snapshot_dir=directory), source=version,
                  steps=case.steps)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_correction_survives_rescrapes_and_a_source_change_opens_one_conflict(tmp_path, case):
    editor = User.objects.create_user("editor", is_staff=True)
    scrape_version(tmp_path, case, "before", 0)
    override_save(obj=case.record(), field=case.field, value=case.correction, reason=f"fixing the {case.name}",
                  user=editor)
    for run, version in enumerate(("before", "after", "after"), start=1):
        scrape_version(tmp_path, case, version, run)
        assert getattr(case.record(), case.field) == case.correction, (case.name, version)
    conflict = Conflict.objects.get()
    assert conflict.resolution == Conflict.Resolution.OPEN
    override = Override.objects.get()
    [version] = override.history.all()
    assert (version.history_user, version.history_change_reason) == (editor, f"fixing the {case.name}")
    assert version.history_date is not None

    override_remove(override=override, user=editor, reason="the source is right now")
    assert getattr(case.record(), case.field) == case.source_after
