"""Spec-shaped Bills API amendment and ping-pong documents, Members API members and votes API
divisions for the synthetic Example Bill (id 9000001) of tests/support/snapshots.py, and a
scrape of them.

No amendment or ping-pong response was ever captured, so these follow the 2025 spec's
AmendmentSearchItem, AmendmentDetail, MotionDetail and AmendmentMember schemas; divisions
follow the shapes of the real votes API samples. Every id is 9,000,000 or more and every name
says "Example"."""

from __future__ import annotations

import copy
from typing import Any

from tests.support.snapshots import BILLS, COMMONS_VOTES, LORDS_VOTES, MEMBERS, example_bill_responses, fixture_json
from tests.support.snapshots import write_snapshot
from tracker.http.client import build_session
from tracker.scraping.models import ScrapeRun
from tracker.scraping.pipeline import STEPS, scrape

BILL = 9000001
STAGE = 9000402  # the Example Bill's Commons 2nd reading stage
# The steps these documents feed, and those they rely on: other steps' requests are not answered.
AMENDMENT_STEPS = tuple(step for step in STEPS if step.name in ("bill types", "stage types", "bill", "amendments",
                                                                 "divisions"))
EXAMPLE_PARTY = {"id": 9300001, "name": "Example Party", "abbreviation": "EX", "backgroundColour": "1D5FA8",
                 "foregroundColour": "FFFFFF", "isLordsMainParty": False, "isLordsSpiritualParty": False,
                 "governmentType": None, "isIndependentParty": False}


def list_url(stage: int = STAGE, kind: str = "Amendments") -> str:
    return f"{BILLS}/Bills/{BILL}/Stages/{stage}/{kind}"


def sponsor(member_id: int, sort_order: int, is_lead: bool | None) -> dict[str, Any]:
    found = {"memberId": member_id, "name": f"Example Member {member_id}", "party": "Example Party",
             "partyColour": "1D5FA8", "house": "Commons", "memberPhoto": None, "memberPage": None,
             "memberFrom": "Example Constituency", "sortOrder": sort_order}
    if is_lead is not None:
        found["isLead"] = is_lead
    return found


def amendment_item(amendment_id: int, number: str | None, *, decision: str = "NoDecision", sponsors=(),
                   clause: int | None = 1, amendment_type: str = "EditBillBody", summary=("Example summary",),
                   explanation: str | None = None, stage: int = STAGE) -> dict[str, Any]:
    return {
        "id": amendment_id, "billId": BILL, "billStageId": stage, "statusIndicator": None, "decision": decision,
        "decisionExplanation": explanation, "sponsors": list(sponsors), "amendmentId": amendment_id,
        "amendmentType": amendment_type, "clause": clause, "schedule": None, "pageNumber": 1, "lineNumber": 5,
        "amendmentPosition": None, "marshalledListText": number, "summaryText": list(summary),
    }


def amendment_detail(item: dict[str, Any], lines=("Example line",), explanatory: str | None = None) -> dict[str, Any]:
    detail = {key: value for key, value in item.items() if key != "summaryText"}
    detail.update(
        amendmentLines=[{"text": text, "indentation": 0, "hangingIndentation": None, "isImage": False,
                         "imageType": None} for text in lines],
        explanatoryTextPrefix="Member's explanatory statement" if explanatory else None,
        explanatoryText=explanatory, amendmentNote=None, amendmentLocation=None, mainHeader=None,
    )
    return detail


def page(items: list[dict], total: int | None = None) -> dict[str, Any]:
    return {"items": items, "totalResults": len(items) if total is None else total, "itemsPerPage": 20}


def member(member_id: int, *, with_party: bool = True) -> dict[str, Any]:
    found = copy.deepcopy(fixture_json("members_api", "spec_shaped_member.json"))
    found["value"].update(id=member_id, nameDisplayAs=f"Example Member {member_id}",
                          latestParty=EXAMPLE_PARTY if with_party else None)
    return found


def amendment_responses(items: list[dict], *, stage: int = STAGE, details: dict[int, dict] | None = None,
                        member_ids=()) -> dict[str, Any]:
    """The stage's list on one page, each amendment's detail, and the members named."""
    responses = {f"{list_url(stage)}?Skip=0&Take=20": page(items)}
    for item in items:
        detail = (details or {}).get(item["amendmentId"], amendment_detail(item))
        responses[f"{list_url(stage)}/{item['amendmentId']}"] = detail
    named = set(member_ids) | {s["memberId"] for item in items for s in item["sponsors"]}
    responses.update({f"{MEMBERS}/Members/{member_id}": member(member_id) for member_id in named})
    return responses


def motion_detail(item_id: int, number: str, *, decision: str = "Agreed", grouped=(), stage: int = STAGE,
                  sponsors=()) -> dict[str, Any]:
    """A ping-pong Motion item with one group of amendments: [(number, decision, sponsors)]."""
    return {"type": "Motion", "motion": {
        "id": item_id, "billId": BILL, "billStageId": stage, "statusIndicator": None, "decision": decision,
        "decisionExplanation": None, "sponsors": list(sponsors), "type": "Motion", "number": number,
        "summary": f"Example motion {number}",
        "motionGroups": [{"text": [{"text": f"Example motion text {number}", "indentation": 0,
                                    "hangingIndentation": None, "isImage": False, "imageType": None}],
                          "amendments": [{"number": n, "decision": d, "sortOrder": i + 1, "text": None,
                                          "sponsors": list(s)} for i, (n, d, s) in enumerate(grouped)],
                          "sortOrder": 1}],
    }}


def ping_pong_responses(details: list[dict], *, stage: int = STAGE) -> dict[str, Any]:
    summaries = []
    for detail in details:
        side = "motion" if detail["type"] == "Motion" else "amendment"
        summaries.append({"type": detail["type"], side: {k: v for k, v in detail[side].items()
                                                         if not k.endswith("Groups")}})
    url = list_url(stage, "PingPongItems")
    responses = {f"{url}?Skip=0&Take=20": page(summaries)}
    for detail in details:
        side = detail.get("motion") or detail.get("amendment")
        responses[f"{url}/{side['id']}"] = detail
    return responses


def commons_division(division_id: int, title: str, *, ayes=(), noes=(), aye_count: int = 0,
                     no_count: int = 0) -> dict[str, Any]:
    """A PublishedDivision shaped like the real sample, with Example members."""
    def recorded(member_id: int) -> dict[str, Any]:
        return {"MemberId": member_id, "Name": f"Example Member {member_id}", "Party": "Example Party",
                "SubParty": None, "PartyColour": "1D5FA8", "PartyAbbreviation": "EX",
                "MemberFrom": "Example Constituency", "ListAs": None, "ProxyName": None}
    return {
        "DivisionId": division_id, "Date": "2024-01-02T18:00:00", "PublicationUpdated": None, "Number": 9,
        "IsDeferred": False, "EVELType": None, "EVELCountry": None, "Title": title, "AyeCount": aye_count,
        "NoCount": no_count, "DoubleMajorityAyeCount": None, "DoubleMajorityNoCount": None,
        "AyeTellers": [recorded(9000591)], "NoTellers": [recorded(9000592)],
        "Ayes": [recorded(m) for m in ayes], "Noes": [recorded(m) for m in noes],
        "FriendlyDescription": None, "FriendlyTitle": None, "NoVoteRecorded": [],
        "RemoteVotingStart": None, "RemoteVotingEnd": None,
    }


def division_search_urls(term: str = "Example Bill") -> tuple[str, str]:
    encoded = term.replace(" ", "%20")
    return (f"{COMMONS_VOTES}/divisions.json/search?queryParameters.searchTerm={encoded}"
            "&queryParameters.skip=0&queryParameters.take=25",
            f"{LORDS_VOTES}/Divisions/search?SearchTerm={encoded}&skip=0&take=25")


def scrape_example(tmp_path, responses: dict[str, Any], name: str) -> ScrapeRun:
    """Scrape the Example Bill from these responses (over the default ones) through the steps
    up to and including amendments and divisions."""
    directory = write_snapshot(tmp_path / name, example_bill_responses(**responses))
    return scrape(bill_ids=[BILL], session=build_session(snapshot_dir=directory), source=name, steps=AMENDMENT_STEPS)
