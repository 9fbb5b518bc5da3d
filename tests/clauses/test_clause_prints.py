"""The real LawMaker print pair (Social Housing (Regulation) Bill [HL], Bill 177 as brought from
the Lords and Bill 206 as amended in Public Bill Committee) fetched, parsed and followed through
the store, with and without their GUIDs. The bill around them is the synthetic Example Bill
(id 9000001); its stage dates and publication ids and addresses are made up."""

from __future__ import annotations

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.queries import data_writes
from tests.support.snapshots import BILLS, FIXTURES, example_bill_responses, write_snapshot
from tracker.clauses.models import Clause, ClauseLink, ClauseVersion, Print
from tracker.http.client import build_session
from tracker.scraping.models import ScrapeRun
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
PRINTS = {  # publication id: (fixture, made-up address, the print's own date)
    9000811: ("lawmaker_social-housing-regulation-bill_commons_brought-from-lords.xml",
              "https://bills.example/prints/177.xml", "2022-10-31T00:00:00"),
    9000812: ("lawmaker_social-housing-regulation-bill_commons_as-amended-in-committee.xml",
              "https://bills.example/prints/206.xml", "2022-11-30T00:00:00"),
}
STAGES = [  # (id, stage type, description, sitting date): made up around the prints' dates
    (9000401, 6, "1st reading", "2022-10-20"), (9000402, 7, "2nd reading", "2022-10-25"),
    (9000404, 8, "Committee stage", "2022-11-08"), (9000405, 9, "Report stage", "2022-12-06"),
    (9000403, 9000301, "Royal Assent", "2024-01-02"),
]


def stages_page() -> dict:
    items = [{"id": stage_id, "stageId": type_id, "sessionId": 9000102, "description": description,
              "abbreviation": None, "house": "Unassigned" if type_id == 9000301 else "Commons", "sortOrder": order,
              "stageSittings": [{"id": stage_id + 1000, "stageId": type_id, "billStageId": stage_id,
                                 "billId": 9000001, "date": f"{date}T00:00:00"}]}
             for order, (stage_id, type_id, description, date) in enumerate(STAGES, start=1)]
    return {"items": items, "totalResults": len(items), "itemsPerPage": 20}


def publications() -> dict:
    bill_type = {"id": 5, "name": "Bill", "description": None}
    found = [{"house": "Commons", "id": pub_id, "title": f"Bill {url.rsplit('/', 1)[1][:-4]}",
              "publicationType": bill_type, "displayDate": date, "files": [],
              "links": [{"id": pub_id + 10, "title": "XML", "url": url, "contentType": "application/xml"}]}
             for pub_id, (_, url, date) in PRINTS.items()]
    return {"billId": 9000001, "publications": found}


def print_pair_snapshot(directory, *, without_guids: bool = False):
    snapshot = write_snapshot(directory, example_bill_responses(**{
        f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20": stages_page(),
        f"{BILLS}/Bills/9000001/Publications": publications(),
    }))
    with open(snapshot / "index.jsonl", "a") as index:
        for pub_id, (name, url, _) in PRINTS.items():
            body = (FIXTURES / "bill_text" / name).read_bytes()
            if without_guids:
                body = re.sub(rb'\sGUID="[^"]*"', b"", body)
            (snapshot / "bodies" / f"{pub_id}.xml").write_bytes(body)
            index.write(json.dumps({"method": "GET", "url": url, "status": 200,
                                    "headers": {"Content-Type": "application/xml"}, "body": f"bodies/{pub_id}.xml"})
                        + "\n")
    return snapshot


def run(snapshot, name: str = "test") -> ScrapeRun:
    return scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source=name)


def pair_links() -> list[ClauseLink]:
    return list(ClauseLink.objects.filter(older_print__key="publication-9000811").select_related("older", "newer"))


def successors() -> dict[str, str | None]:
    return {f"{l.older.kind} {l.older.number}": f"{l.newer.kind} {l.newer.number}" if l.newer else None
            for l in pair_links() if l.older}


@pytest.mark.parametrize("without_guids, method", [(False, "source id"), (True, "similarity")])
def test_the_print_pair_is_followed_clause_by_clause(tmp_path, without_guids, method):
    scraped = run(print_pair_snapshot(tmp_path / "snap", without_guids=without_guids))
    assert scraped.failed == 0, list(scraped.problems.values_list("message", flat=True))
    assert list(Print.objects.values_list("key", "label", "source")) == [
        ("publication-9000811", "As brought from the Lords", "lawmaker_xml"),
        ("publication-9000812", "As amended in Public Bill Committee", "lawmaker_xml"),
        ("act", "The Act (name not recorded)", "reconstructed")]  # no Act publication listed here
    linked = [l for l in pair_links() if l.older and l.newer]
    assert {l.method for l in linked} == {method}
    assert sum(l.older.kind == "clause" for l in linked) == 43
    assert sum(l.older.kind == "schedule" for l in linked) == 5
    [left_out] = [l for l in pair_links() if l.newer is None]
    assert (left_out.older.number, left_out.older.heading) == ("24", "Standards relating to energy demand")
    assert not [l for l in pair_links() if l.older is None]
    assert successors()["clause 25"] == "clause 24" and successors()["clause 44"] == "clause 43"

    energy = Clause.objects.get(key="publication-9000811-clause-24")
    assert [e.kind for e in energy.events.all()] == ["numbered", "left_out", "not_enacted"]  # the bill is an Act
    assert energy.events.get(kind="left_out").note.startswith('Clause 24 is not in the print "As amended in Public')
    renumbered = ClauseVersion.objects.get(print__key="publication-9000812", kind="clause", number="24").clause
    assert renumbered.key == "publication-9000811-clause-25" and renumbered.label == "Clause 24"
    renumbering = renumbered.events.get(kind="numbered", print__key="publication-9000812")
    assert renumbering.note == 'Clause 24 in the print "As amended in Public Bill Committee".'


def test_without_guids_the_matcher_agrees_with_them(tmp_path):
    run(print_pair_snapshot(tmp_path / "with"))
    by_guid = successors()
    Print.objects.all().delete()
    Clause.objects.all().delete()
    run(print_pair_snapshot(tmp_path / "without", without_guids=True))
    assert successors() == by_guid


def test_an_unchanged_print_is_not_parsed_again_and_a_rerun_writes_nothing(tmp_path, monkeypatch):
    snapshot = print_pair_snapshot(tmp_path / "snap")
    run(snapshot, "first")

    def parse_print(_):
        raise AssertionError("an unchanged print was parsed again")

    monkeypatch.setattr("tracker.clauses.prints.parse_print", parse_print)
    with CaptureQueriesContext(connection) as queries:
        again = run(snapshot, "second")
    assert (again.created, again.updated, again.failed) == (0, 0, 0)
    assert data_writes(queries.captured_queries) == []
    assert ClauseVersion.objects.filter(print__key="publication-9000812").count() == 48


def test_the_clause_page_shows_the_words_changed_in_committee(client, tmp_path):
    run(print_pair_snapshot(tmp_path / "snap"))
    fees = ClauseVersion.objects.get(print__key="publication-9000812", kind="clause", number="4").clause
    assert fees.heading == "Power to charge fees"
    html = client.get(fees.get_absolute_url()).content.decode()
    assert "<del>follows.</del> <ins>set out in subsections (2) to (6).</ins>" in html
    numbers = html[html.index('id="numbers"'):html.index('id="text"')]
    assert numbers.index("As brought from the Lords") < numbers.index("As amended in Public Bill Committee")
    short_title = ClauseVersion.objects.get(print__key="publication-9000812", kind="clause", number="43").clause
    assert "<del>(1)</del>" in client.get(short_title.get_absolute_url()).content.decode()
