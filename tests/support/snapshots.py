"""Building small snapshot directories (docs/snapshot-format.md) inside a test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures"
BILLS = "https://bills-api.parliament.uk/api/v1"
MEMBERS = "https://members-api.parliament.uk/api"
COMMONS_VOTES = "https://commonsvotes-api.parliament.uk/data"
LORDS_VOTES = "https://lordsvotes-api.parliament.uk/data"
EMPTY_PAGE = {"items": [], "totalResults": 0, "itemsPerPage": 20}
EXAMPLE_STAGES = (9000401, 9000402, 9000403)


def fixture_json(*parts: str) -> Any:
    return json.loads(FIXTURES.joinpath(*parts).read_text(encoding="utf-8"))


def write_snapshot(directory: Path, responses: dict[str, Any]) -> Path:
    """`responses` maps an absolute URL to a JSON-able body, or to (status, body)."""
    bodies = directory / "bodies"
    bodies.mkdir(parents=True, exist_ok=True)
    lines = []
    for number, (url, answer) in enumerate(responses.items()):
        status, body = answer if isinstance(answer, tuple) else (200, answer)
        path = bodies / f"{number}.json"
        path.write_text(json.dumps(body), encoding="utf-8")
        lines.append({"method": "GET", "url": url, "status": status, "body": f"bodies/{number}.json"})
    (directory / "index.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    (directory / "manifest.json").write_text(json.dumps({"format": 1, "name": directory.name, "bills": []}))
    return directory


def example_bill_responses(**overrides: Any) -> dict[str, Any]:
    """The hand-written, obviously synthetic Example Bill (id 9000001) as the APIs shape it."""
    responses = {
        f"{BILLS}/BillTypes?Skip=0&Take=20": fixture_json("bills_api", "bills_billtypes.json"),
        f"{BILLS}/Stages?Skip=0&Take=20": {"items": [], "totalResults": 0, "itemsPerPage": 20},
        f"{BILLS}/Bills/9000001": fixture_json("bills_api", "spec_shaped_bill.json"),
        f"{BILLS}/Bills/9000001/Stages?Skip=0&Take=20": fixture_json("bills_api", "spec_shaped_bill_stages.json"),
        f"{BILLS}/Bills/9000001/Publications": {"billId": 9000001, "publications": [{
            "house": "Commons", "id": 9000801, "title": "Example Act 2024 c. 1",
            "publicationType": {"id": 6, "name": "Act of Parliament", "description": None},
            "displayDate": "2024-01-02T00:00:00", "links": [], "files": []}]},
        f"{MEMBERS}/Members/9000501": fixture_json("members_api", "spec_shaped_member.json"),
        f"{COMMONS_VOTES}/divisions.json/search?queryParameters.searchTerm=Example%20Bill"
        "&queryParameters.skip=0&queryParameters.take=25": [],
        f"{LORDS_VOTES}/Divisions/search?SearchTerm=Example%20Bill&skip=0&take=25": [],
        # The one past Commons sitting of the Example Bill with a date; Hansard found no debate that day.
        "https://hansard-api.parliament.uk/search/debates.json?queryParameters.house=Commons"
        "&queryParameters.startDate=2023-03-01&queryParameters.endDate=2023-03-01"
        "&queryParameters.searchTerm=Example%20Bill&queryParameters.skip=0&queryParameters.take=20": {"Results": []},
    }
    for stage in EXAMPLE_STAGES:  # a bill on which nothing was tabled
        responses[f"{BILLS}/Bills/9000001/Stages/{stage}/Amendments?Skip=0&Take=20"] = EMPTY_PAGE
        responses[f"{BILLS}/Bills/9000001/Stages/{stage}/PingPongItems?Skip=0&Take=20"] = EMPTY_PAGE
    responses.update(overrides)
    return {url: body for url, body in responses.items() if body is not None}
