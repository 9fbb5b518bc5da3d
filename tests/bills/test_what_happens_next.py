"""What happens next, at every stage of a bill that started in the Lords (cuts of the bundled
Procurement Bill snapshot, as the alerts walk-through makes them) and of one that started in the
Commons (a small test snapshot of the synthetic Example Bill: made-up ids, test fixture only):
the next step by the procedure, its sitting or "not yet scheduled", what it can do to a clause,
and plainly nothing more for a finished bill or a clause left out."""

from __future__ import annotations

import copy
import html as html_module
import re

import pytest

from bills import procedure
from tests.alerts import procurement_cuts
from tests.support.snapshots import BILLS, example_bill_responses, fixture_json, write_snapshot
from tracker.clauses.models import Clause
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
ALTON_CLAUSE = "amendment-9006001"
NOTHING_MORE = "Nothing more will happen to it: the bill has completed its passage."
LORDS_CONSIDERS = "Consideration of Commons amendments, House of Lords: not yet scheduled"
COMMONS_CONSIDERS = "Consideration of Lords amendments, House of Commons: not yet scheduled"

# The Procurement Bill [HL]'s stages (bill-stage ids of the bundled manifest) and what comes next at each.
LORDS_BILL = [
    (9003001, "2nd reading, House of Lords: not yet scheduled."),
    (9003002, "Committee stage, House of Lords: not yet scheduled."),
    (9003003, "Report stage, House of Lords: not yet scheduled."),
    (9003004, "3rd reading, House of Lords: not yet scheduled."),
    (9003005, "1st reading, House of Commons: not yet scheduled."),
    (9003006, "2nd reading, House of Commons: not yet scheduled."),
    (9003007, "Committee stage, House of Commons: not yet scheduled."),
    (9003008, "Report stage, House of Commons: not yet scheduled."),
    (9003009, "3rd reading, House of Commons: not yet scheduled."),
    (9003010, f"{LORDS_CONSIDERS} (if the Commons made amendments; otherwise Royal Assent)."),
    (9003011, f"{COMMONS_CONSIDERS} (if the Lords still disagrees; otherwise Royal Assent)."),
    (9003012, f"{LORDS_CONSIDERS} (if the Commons still disagrees; otherwise Royal Assent)."),
    (9003013, f"{COMMONS_CONSIDERS} (if the Lords still disagrees; otherwise Royal Assent)."),  # a stage not named
    (9003014, NOTHING_MORE),
]
# What the next step can do to Clause 65 (inserted at Lords Report, left out in Commons Committee).
CLAUSE_65 = {
    9003004: "3rd reading in the Lords: amendments are still possible",
    9003005: "1st reading is a formality",
    9003006: "2nd reading debates the bill's general principles: no clause can be amended at it.",
    9003007: "Committee stage goes through the bill clause by clause: this clause can be amended, or left out",
    **{stage: "It was left out of the bill: nothing more will happen to it in this bill." for stage in
       range(9003008, 9003015)},
}


def plain(html: str, start: str, end: str) -> str:
    part = html[html.index(start):]
    part = part[:part.index(end)]
    text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", part)).split())
    return text.replace(" ,", ",").replace(" :", ":").replace(" .", ".")


def what_next_on(client, url: str) -> str:
    return plain(client.get(url).content.decode(), "What happens next</dt>", "</dd>")


@pytest.mark.parametrize(("bill_stage_id", "expected"), LORDS_BILL)
def test_at_every_stage_of_a_bill_started_in_the_lords(client, tmp_path, bill_stage_id, expected):
    cut = procurement_cuts.cut(name=f"at-{bill_stage_id}", bill_stage_id=bill_stage_id, out=tmp_path)
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=cut), source="cut", reconstructed=True)

    assert expected in what_next_on(client, "/bills/3159/procurement-bill-hl/")
    clause = Clause.objects.filter(key=ALTON_CLAUSE).first()
    if bill_stage_id in CLAUSE_65:
        assert CLAUSE_65[bill_stage_id] in what_next_on(client, clause.get_absolute_url())


def test_subscribing_to_a_clause_left_out_says_nothing_more_will_happen_to_it(client):
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=procurement_cuts.BUNDLED), source="bundled",
           reconstructed=True)
    clause = Clause.objects.get(key=ALTON_CLAUSE)

    html = client.get(f"/alerts/subscribe/clause/{clause.pk}/").content.decode()
    assert "It was left out of the bill: nothing more will happen to it in this bill." in html


# The Example Bill, started in the Commons: its stages in order, as (description, House, Bills API stage type).
COMMONS_STAGES = [("1st reading", "Commons", 6), ("2nd reading", "Commons", 7), ("Committee stage", "Commons", 8),
                  ("Report stage", "Commons", 9), ("3rd reading", "Commons", 10), ("1st reading", "Lords", 9000311),
                  ("2nd reading", "Lords", 9000312), ("Committee stage", "Lords", 9000313),
                  ("Report stage", "Lords", 9000314), ("3rd reading", "Lords", 9000315),
                  ("Consideration of Lords amendments", "Commons", 12),
                  ("Consideration of Commons amendments", "Lords", 9000316), ("Royal Assent", "Unassigned", 9000317)]
COMMONS_BILL = [
    "2nd reading, House of Commons", "Committee stage, House of Commons", "Report stage, House of Commons",
    "3rd reading, House of Commons", "1st reading, House of Lords", "2nd reading, House of Lords",
    "Committee stage, House of Lords", "Report stage, House of Lords", "3rd reading, House of Lords",
    "Consideration of Lords amendments, House of Commons: not yet scheduled (if the Lords made amendments; "
    "otherwise Royal Assent)",
    "Consideration of Commons amendments, House of Lords: not yet scheduled (if the Commons still disagrees; "
    "otherwise Royal Assent)",
    "Consideration of Lords amendments, House of Commons: not yet scheduled (if the Lords still disagrees; "
    "otherwise Royal Assent)",
    NOTHING_MORE,
]


def commons_bill_at(position: int, *, scheduled: str | None = None) -> dict:
    """The Example Bill standing at its `position`th stage; with `scheduled`, the next stage is
    listed too, with that sitting date."""
    stages = []
    for n, (description, house, stage_type) in enumerate(COMMONS_STAGES[:position + 1 + bool(scheduled)]):
        date = scheduled if n > position else f"2023-{1 + n % 12:02d}-01"
        stages.append({"id": 9000900 + n, "stageId": stage_type, "sessionId": 9000101, "description": description,
                       "abbreviation": None, "house": house, "sortOrder": n + 1, "stageSittings": [
                           {"id": 9000950 + n, "stageId": stage_type, "billStageId": 9000900 + n,
                            "billId": 9000001, "date": f"{date}T00:00:00"}]})
    bill = copy.deepcopy(fixture_json("bills_api", "spec_shaped_bill.json"))
    bill.update(isAct=False, currentStage=stages[position], currentHouse=stages[position]["house"])
    return example_bill_responses(**{
        f"{BILLS}/Bills/9000001": bill,
        f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20": {"items": stages, "totalResults": len(stages),
                                                         "itemsPerPage": 20},
        f"{BILLS}/Bills/9000001/Publications": {"billId": 9000001, "publications": []},
    })


@pytest.mark.parametrize(("position", "expected"), list(enumerate(COMMONS_BILL)))
def test_at_every_stage_of_a_bill_started_in_the_commons(client, tmp_path, position, expected):
    snapshot = write_snapshot(tmp_path / "snap", commons_bill_at(position))
    scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source="test")

    assert expected in what_next_on(client, "/bills/9000001/example-bill/")


def test_the_next_steps_sitting_when_the_source_lists_one(client, tmp_path):
    snapshot = write_snapshot(tmp_path / "snap", commons_bill_at(2, scheduled="2099-03-04"))
    scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source="test")

    assert ("Report stage, House of Commons: sitting on Wednesday 4 March 2099."
            in what_next_on(client, "/bills/9000001/example-bill/"))


@pytest.mark.parametrize(("stages", "expected"), [
    ([], ("first", "Commons")),
    ([("Programme motion", "Commons")], ("first", "Commons")),  # a stage the model does not know
    ([("2nd reading", "Commons"), ("Money resolution", "Commons")], ("committee", "Commons")),
    ([("Committee of the whole House", "Commons")], ("report", "Commons")),
    ([("3rd reading", "Commons"), ("3rd reading", "Lords"), (None, "Lords")], ("ping_pong", "Commons")),
    ([("Royal Assent", "Unassigned")], None),
])
def test_the_model_reads_the_sources_stage_names(stages, expected):
    step = procedure.next_step(started_in="Commons", stages_so_far=[procedure.Stage(*s) for s in stages])
    assert (step and (step.kind, step.house)) == expected

