"""Hansard API responses for the obviously synthetic Example Bill (id 9000001, whose one dated
Commons sitting is 1 March 2023), and a scrape that runs only the steps Hansard needs.

Every id made up here is 9,000,000 or more; every debate and its words are synthetic."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from tests.support.snapshots import example_bill_responses, write_snapshot
from tracker.http.client import build_session
from tracker.scraping.models import ScrapeRun
from tracker.scraping.pipeline import STEPS, scrape

HANSARD_API = "https://hansard-api.parliament.uk"
EXAMPLE_SITTING = "2023-03-01"  # tests/fixtures/bills_api/spec_shaped_bill_stages.json: Commons 1st reading
DEBATE_ID = "00000000-0000-0000-0000-000009200001"
OTHER_DEBATE_ID = "00000000-0000-0000-0000-000009200002"
HANSARD_STEPS = tuple(step for step in STEPS if step.name in {"bill types", "stage types", "bill", "hansard"})


def search_url(house: str, date: str, term: str = "Example%20Bill") -> str:
    return (f"{HANSARD_API}/search/debates.json?queryParameters.house={house}&queryParameters.startDate={date}"
            f"&queryParameters.endDate={date}&queryParameters.searchTerm={term}"
            "&queryParameters.skip=0&queryParameters.take=20")


def debate_url(ext_id: str) -> str:
    return f"{HANSARD_API}/debates/debate/{ext_id}.json"


def search_result(ext_id: str, title: str = "Example Bill") -> dict:
    return {"SittingDate": f"{EXAMPLE_SITTING}T00:00:00", "House": "Commons", "Title": title,
            "DebateSectionExtId": ext_id}


def contribution(value: str, *, member_id: int | None = 9000501, attributed_to: str | None = "Example Member",
                 external_id: str | None = None) -> dict:
    item = {"ItemType": "Contribution", "Value": value}
    for key, field in (("MemberId", member_id), ("AttributedTo", attributed_to), ("ExternalId", external_id)):
        if field is not None:
            item[key] = field
    return item


def debate_body(items: list[dict], *, ext_id: str = DEBATE_ID, content_last_updated: str | None = None,
                children: list[dict] | None = None) -> dict:
    overview = {"ExtId": ext_id, "Title": "Example Bill", "Date": f"{EXAMPLE_SITTING}T00:00:00",
                "House": "Commons", "Location": "Example Chamber (synthetic)"}
    if content_last_updated:
        overview["ContentLastUpdated"] = content_last_updated
    return {"Overview": overview, "Items": items, "ChildDebates": children or []}


FIRST_WORDS = [
    contribution("<p>I beg to move Amendment 1. I support new clause 2.</p>", external_id="SYNTHETIC-1"),
    contribution("<p>I cannot support Clause 3 stand part.</p>", member_id=None),
]


def hansard_responses(debates: dict[str, Any] | None = None, *, results: list[str] | None = None,
                      **overrides: Any) -> dict[str, Any]:
    """The Example Bill's responses plus a Hansard search of its sitting finding `results`
    (default: every debate given) and each debate's body."""
    debates = {DEBATE_ID: debate_body(FIRST_WORDS)} if debates is None else debates
    responses = example_bill_responses(**{
        search_url("Commons", EXAMPLE_SITTING): {"Results": [search_result(i) for i in (results or list(debates))]},
        **{debate_url(ext_id): body for ext_id, body in debates.items()},
    })
    responses.update(overrides)
    return responses


def run_hansard(directory: Path, responses: dict[str, Any], *, raw_bodies: dict[str, bytes] | None = None,
                headers: dict[str, dict[str, str]] | None = None) -> ScrapeRun:
    """Replay `responses`; `raw_bodies` replaces a URL's body with bytes as given (e.g. not
    JSON), `headers` adds response headers to a URL's line of the index."""
    write_snapshot(directory, copy.deepcopy(responses))
    _edit_index(directory, raw_bodies or {}, headers or {})
    return scrape(bill_ids=[9000001], session=build_session(snapshot_dir=directory), source=directory.name,
                  steps=HANSARD_STEPS)


def _edit_index(directory: Path, raw_bodies: dict[str, bytes], headers: dict[str, dict[str, str]]) -> None:
    index = directory / "index.jsonl"
    lines = [json.loads(line) for line in index.read_text().splitlines()]
    for line in lines:
        if line["url"] in raw_bodies:
            (directory / line["body"]).write_bytes(raw_bodies[line["url"]])
        if line["url"] in headers:
            line["headers"] = {"Content-Type": "application/json", **headers[line["url"]]}
    index.write_text("".join(json.dumps(line) + "\n" for line in lines))
