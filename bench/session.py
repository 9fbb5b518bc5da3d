"""A synthetic parliamentary session in the snapshot format (docs/snapshot-format.md).

    .venv/bin/python bench/session.py DIR [--bills N] [--amendments M]

Every bill is the spec-shaped Example Bill of tests/fixtures (three stages, its sponsor) with
ids of its own (all 9,100,000 and above, so none is a real record), M amendments tabled at its
Commons 2nd reading (served 20 a page, as the Bills API pages), no division and no debate.
The session's bill list (GET /Bills?Session=...) lists them all, so `scrape --session` finds them.
"""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
BILLS = "https://bills-api.parliament.uk/api/v1"
MEMBERS = "https://members-api.parliament.uk/api"
SESSION_ID = 9100001
PAGE = 20
SPONSORS = tuple(9000501 + n for n in range(20))  # a pool of members shared by every bill


def _fixture(*parts: str) -> Any:
    return json.loads(FIXTURES.joinpath(*parts).read_text(encoding="utf-8"))


def bill_id_of(index: int) -> int:
    return 9100000 + index


def _page(items: list, total: int) -> dict:
    return {"items": items, "totalResults": total, "itemsPerPage": PAGE}


def _amendment(bill_id: int, stage_id: int, amendment_id: int, number: int) -> dict:
    member_id = SPONSORS[number % len(SPONSORS)]
    return {"id": amendment_id, "billId": bill_id, "billStageId": stage_id, "statusIndicator": None,
            "decision": "NoDecision", "decisionExplanation": None,
            "sponsors": [{"memberId": member_id, "name": f"Example Member {member_id}", "party": "Example Party",
                          "partyColour": "1D5FA8", "house": "Commons", "memberPhoto": None, "memberPage": None,
                          "memberFrom": "Example Constituency", "sortOrder": 1, "isLead": True}],
            "amendmentId": amendment_id, "amendmentType": "EditBillBody", "clause": 1 + number % 40,
            "schedule": None, "pageNumber": 1, "lineNumber": 5, "amendmentPosition": None,
            "marshalledListText": str(number + 1), "summaryText": [f"Synthetic amendment {number + 1}"]}


def _detail(item: dict) -> dict:
    detail = {key: value for key, value in item.items() if key != "summaryText"}
    detail.update(amendmentLines=[{"text": f"Page 1, line 5, leave out “synthetic {item['marshalledListText']}”",
                                   "indentation": 0, "hangingIndentation": None, "isImage": False,
                                   "imageType": None}],
                  explanatoryTextPrefix=None, explanatoryText=None, amendmentNote=None, amendmentLocation=None,
                  mainHeader=None)
    return detail


def bill_responses(index: int, amendments: int) -> dict[str, Any]:
    """Every response one synthetic bill's scrape asks for, by URL."""
    bill_id, title = bill_id_of(index), f"Synthetic Bill {index}"
    bill = copy.deepcopy(_fixture("bills_api", "spec_shaped_bill.json"))
    bill.update(billId=bill_id, shortTitle=title, introducedSessionId=SESSION_ID, includedSessionIds=[SESSION_ID])
    stages = copy.deepcopy(_fixture("bills_api", "spec_shaped_bill_stages.json"))
    stage_ids = []
    for n, stage in enumerate(stages["items"]):
        stage["id"] = stage_ids.append(9200000 + index * 10 + n) or stage_ids[-1]
        for sitting in stage["stageSittings"]:
            sitting.update(id=9300000 + index * 10 + n, billStageId=stage["id"], billId=bill_id)
    amendments_stage = stage_ids[1]
    items = [_amendment(bill_id, amendments_stage, 9400000 + index * 10000 + n, n) for n in range(amendments)]
    list_url = f"{BILLS}/Bills/{bill_id}/Stages/{amendments_stage}/Amendments"
    term = title.replace(" ", "%20")
    responses: dict[str, Any] = {
        f"{BILLS}/Bills/{bill_id}": bill,
        f"{BILLS}/Bills/{bill_id}/Stages?Skip=0&Take=20": stages,
        f"{BILLS}/Bills/{bill_id}/Publications": {"billId": bill_id, "publications": []},
        "https://commonsvotes-api.parliament.uk/data/divisions.json/search?queryParameters.searchTerm="
        f"{term}&queryParameters.skip=0&queryParameters.take=25": [],
        f"https://lordsvotes-api.parliament.uk/data/Divisions/search?SearchTerm={term}&skip=0&take=25": [],
        "https://hansard-api.parliament.uk/search/debates.json?queryParameters.house=Commons"
        "&queryParameters.startDate=2023-03-01&queryParameters.endDate=2023-03-01"
        f"&queryParameters.searchTerm={term}&queryParameters.skip=0&queryParameters.take=20": {"Results": []},
    }
    for stage_id in stage_ids:
        for kind in ("Amendments", "PingPongItems"):
            responses[f"{BILLS}/Bills/{bill_id}/Stages/{stage_id}/{kind}?Skip=0&Take=20"] = _page([], 0)
    for skip in range(0, max(len(items), 1), PAGE):
        responses[f"{list_url}?Skip={skip}&Take=20"] = _page(items[skip:skip + PAGE], len(items))
    for item in items:
        responses[f"{list_url}/{item['amendmentId']}"] = _detail(item)
    return responses


def session_responses(bills: int, amendments: int) -> dict[str, Any]:
    responses: dict[str, Any] = {
        f"{BILLS}/BillTypes?Skip=0&Take=20": _fixture("bills_api", "bills_billtypes.json"),
        f"{BILLS}/Stages?Skip=0&Take=20": _page([], 0),
    }
    summaries = []
    for index in range(bills):
        found = bill_responses(index, amendments)
        summaries.append({key: value for key, value in found[f"{BILLS}/Bills/{bill_id_of(index)}"].items()
                          if key not in ("longTitle", "summary", "sponsors", "promoters", "petitioningPeriod",
                                         "petitionInformation", "agent")})
        responses.update(found)
    for skip in range(0, bills, PAGE):
        responses[f"{BILLS}/Bills?Session={SESSION_ID}&SortOrder=DateUpdatedDescending&Skip={skip}&Take=20"] = \
            _page(summaries[skip:skip + PAGE], len(summaries))
    member = _fixture("members_api", "spec_shaped_member.json")
    for member_id in SPONSORS:
        found = copy.deepcopy(member)
        found["value"].update(id=member_id, nameDisplayAs=f"Example Member {member_id}")
        responses[f"{MEMBERS}/Members/{member_id}"] = found
    return responses


def write_session(directory: Path, *, bills: int, amendments: int) -> Path:
    """The session as a snapshot directory; returns it."""
    bodies = directory / "bodies"
    bodies.mkdir(parents=True, exist_ok=True)
    with open(directory / "index.jsonl", "w", encoding="utf-8") as index:
        for number, (url, body) in enumerate(session_responses(bills, amendments).items()):
            (bodies / f"{number}.json").write_text(json.dumps(body), encoding="utf-8")
            index.write(json.dumps({"method": "GET", "url": url, "status": 200, "body": f"bodies/{number}.json"}) + "\n")
    (directory / "manifest.json").write_text(json.dumps({
        "format": 1, "name": "synthetic-session", "bills": [bill_id_of(i) for i in range(bills)],
        "description": f"Synthetic: {bills} copies of the spec-shaped Example Bill, {amendments} amendments each."}))
    return directory


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--bills", type=int, default=10)
    parser.add_argument("--amendments", type=int, default=40)
    arguments = parser.parse_args()
    print(write_session(arguments.directory, bills=arguments.bills, amendments=arguments.amendments))
