"""Builds the Hansard API bodies for the bundled snapshot from quoted text only.

The debates and their contributions, in order, are FACTS' (data/reference/procurement-bill/
facts.json). A contribution's words are either quoted by the account (`words`) or taken from a
capture in the pack's hansard/ folder (`capture`), and every one is checked to be an exact
substring of where it comes from. Run it after reconstruct_procurement_bill.py; it replaces
only the bodies/hansard/ lines of index.jsonl.

    python data/snapshots/reconstruct_procurement_hansard.py
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FACTS = json.loads((REPO / "data/reference/procurement-bill/facts.json").read_text(encoding="utf-8"))
CAPTURES = REPO / "data" / "reference" / "parliament" / "hansard"
SNAP = Path(__file__).resolve().parent / "procurement-bill-2022-23"
HANSARD_BODIES = "bodies/hansard/"
API = "https://hansard-api.parliament.uk"


def capture_text(name: str) -> str:
    """The stored text of a capture, without its address and completeness note."""
    text = (CAPTURES / name).read_text(encoding="utf-8")
    return text.split("--- stored text as returned (unchanged) ---\n", 1)[1]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def captured_words(extract: dict) -> list[str]:
    """The paragraphs a FACTS `capture` names: its first line, the paragraph starting with
    some words, the paragraphs from one phrase to another (inclusive), or exact words."""
    text = capture_text(extract["file"])
    if extract.get("first_line"):
        words = [text.splitlines()[0]]
    elif "paragraph_starting" in extract:
        words = [next(p for p in paragraphs(text) if p.startswith(extract["paragraph_starting"]))]
    elif "from" in extract:
        start = text.index(extract["from"])
        words = paragraphs(text[start:text.index(extract["to"], start) + len(extract["to"])])
    else:
        words = extract["words"]
    for w in words:
        assert w in text, (extract["file"], w[:60])
    return words


def contribution(item: dict) -> dict:
    person = FACTS["people"][item["person"]] if item["person"] else None
    words = captured_words(item["capture"]) if "capture" in item else item["words"]
    for w in words:
        assert not re.search(r"[<>&]", w), w
    return {
        "ItemType": "Contribution",
        "ItemId": None,
        "MemberId": person and person["made_up_id"],
        "AttributedTo": item.get("attributed_to") or (person and person["name"]),
        "Value": "".join(f"<p>{html.escape(w, quote=False)}</p>" for w in words),
        "OrderInSection": None,
        "Timecode": item.get("timecode"),
        "ExternalId": None,
        "HRSTag": None,
        "HansardSection": None,
        "UIN": None,
        "IsReiteration": None,
    }


def debate(facts: dict) -> dict:
    return {
        "Overview": {
            "Id": None,
            "ExtId": facts["ext_id"] or facts["made_up_ext_id"],
            "Title": facts["title"],
            "HRSTag": None,
            "Date": f"{facts['date']}T00:00:00",
            "Location": facts["location"],
            "House": facts["house"],
            "Source": None,
            "VolumeNo": facts["volume"],
            "ContentLastUpdated": None,
            "DebateTypeId": None,
            "SectionType": None,
            "NextDebateExtId": None,
            "NextDebateTitle": None,
            "PreviousDebateExtId": None,
            "PreviousDebateTitle": None,
        },
        "Navigator": None,
        "Items": [contribution(item) for item in facts["contributions"]],
        "ChildDebates": None,
    }


def search_url(house: str, date: str) -> str:
    query = (
        f"queryParameters.house={house}&queryParameters.startDate={date}"
        f"&queryParameters.endDate={date}&queryParameters.searchTerm=Procurement%20Bill"
        f"&queryParameters.skip=0&queryParameters.take=20"
    )
    return f"{API}/search/debates.json?{query}"


def without_nulls(value):
    """Swagger 2 cannot say "nullable" and the Hansard API has no sample showing which fields
    it sends as null, so a field the record does not give is left out rather than null."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def write(out: Path = SNAP) -> None:
    bodies = out / "bodies" / "hansard"
    bodies.mkdir(parents=True, exist_ok=True)
    lines = []
    for body in (debate(d) for d in FACTS["debates"]):
        ov = body["Overview"]
        date = ov["Date"][:10]
        search = {
            "Results": [{
                "DebateSection": None,
                "SittingDate": ov["Date"],
                "House": ov["House"],
                "Title": ov["Title"],
                "Rank": None,
                "DebateSectionExtId": ov["ExtId"],
            }],
            "TotalResultCount": None,
        }
        search_name = f"search-debates_{ov['House'].lower()}_{date}.json"
        debate_name = f"debate_{ov['ExtId']}.json"
        for name, content in ((search_name, search), (debate_name, body)):
            (bodies / name).write_text(json.dumps(without_nulls(content), indent=2, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
        for url, name in ((search_url(ov["House"], date), search_name),
                          (f"{API}/debates/debate/{ov['ExtId']}.json", debate_name)):
            lines.append({"method": "GET", "url": url, "status": 200,
                          "headers": {"Content-Type": "application/json; charset=utf-8"},
                          "body": f"{HANSARD_BODIES}{name}"})
    index = out / "index.jsonl"
    others = [line for line in (index.read_text(encoding="utf-8").splitlines(keepends=True) if index.exists() else [])
              if line.strip() and not json.loads(line)["body"].startswith(HANSARD_BODIES)]
    index.write_text("".join(others) + "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                     encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else SNAP)
