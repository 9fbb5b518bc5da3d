"""Rebuild the bundled snapshot of the Social Housing (Regulation) Bill [HL] 2022-23 from its
two real LawMaker prints.

The prints (data/reference/parliament/bill-text/, copied byte for byte into the repository) are
the only source: Bill 177 "As brought from the Lords" and Bill 206 "As amended in Public Bill
Committee", both House of Commons prints of session 58/3 (2022-23). No Bills API response for
this bill was ever captured, so the snapshot answers, in the Bills API's shapes, only what the
prints say:
  - the bill: its title (varBillTitle), long title (the preface's <longTitle>), type
    (varDocSubType "Government Bill", the real bill type 1 of samples/bills_billtypes.json),
    the House it started in (the "[HL]" of its title and "As brought from the Lords") and the
    House of its latest print (varHouse);
  - one stage: the Commons Committee stage, which the later print names ("As amended in
    Public Bill Committee", House of Commons), with no sitting (no date is in the prints);
  - two publications of type "Bill" (the real type 5 of samples/bills_bill_512_publications.json),
    titled by their bill number and stage version (varBillNo, varStageVersion) and dated by
    varPublicationDate, each with one file, the print itself, served the way the Bills API
    serves a publication's document: GET /Publications/{id}/Documents/{documentId}/Download;
  - BillTypes and Stages (first page): the real sample bodies, byte for byte.
Everything else (other stages, sittings, sponsors, amendments, divisions, debates, members) is
not in the snapshot: the scrape asks for it and is answered 404 "not in snapshot". Every id
the prints do not give is made up, from 9160000 up (the session id is the one the Procurement
snapshot made up for session 2022-23), and listed in the manifest. Running this again rewrites
the snapshot byte for byte.

    python data/snapshots/reconstruct_social_housing_bill.py
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACK = REPO / "data" / "reference" / "parliament"
PRINTS_DIR = PACK / "bill-text"
SAMPLES = PACK / "samples"
OUT = Path(__file__).resolve().parent / "social-housing-regulation-bill-2022-23"

BILLS = "https://bills-api.parliament.uk/api/v1"
JSON_TYPE = {"Content-Type": "application/json; charset=utf-8"}
XML_TYPE = "application/xml"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"

RECORDED_AT = "2026-12-04T00:00:00Z"  # when this reconstruction was written; nothing was recorded live
BILL_ID = 9160001  # made up: the prints carry no Bills API id
SESSION_2022_23 = 9001001  # made up by the Procurement snapshot for session 2022-23 (the prints' "58/3")
COMMITTEE_STAGE = 9160101  # made up: bill-stage id of the Commons Committee stage
COMMONS_COMMITTEE_TYPE = 8  # samples/bills_stages_reference.json: 8 "Committee stage", Commons
GOVERNMENT_BILL = 1  # samples/bills_billtypes.json: 1 "Government Bill"
BILL_PUBLICATION_TYPE = 5  # samples/bills_bill_512_publications.json: 5 "Bill"

# (publication id, document id): both made up; in the order the prints were published
PRINTS = {
    "lawmaker_social-housing-regulation-bill_commons_brought-from-lords.xml": (9160201, 9160211),
    "lawmaker_social-housing-regulation-bill_commons_as-amended-in-committee.xml": (9160202, 9160212),
}
LATEST_PRINT = "lawmaker_social-housing-regulation-bill_commons_as-amended-in-committee.xml"
OMIT = object()  # the API sends this key, the prints cannot fill it and null is not allowed


# ---------------------------------------------------------------------------------------------
# What each print says of itself
# ---------------------------------------------------------------------------------------------


def _references(bill: ET.Element) -> dict[str, str]:
    return {r.get("eId"): r.get("showAs", "") for r in bill.find(f"{AKN}meta/{AKN}references") if r.get("eId")}


def _words(element: ET.Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def print_facts(name: str) -> dict:
    """The metadata one print carries: title, long title, type, House, stage version, bill
    number, session, publication date."""
    bill = ET.fromstring((PRINTS_DIR / name).read_bytes()).find(f"{AKN}bill")
    refs = _references(bill)
    long_title = bill.find(f"{AKN}preface/{AKN}longTitle")
    return {
        "title": refs["varBillTitle"], "long_title": _words(long_title), "type": refs["varDocSubType"],
        "house": refs["varHouse"], "stage": refs["varStageVersion"], "bill_no": refs["varBillNo"],
        "session": refs["varSession"], "published": refs["varPublicationDate"],
    }


def _house(words: str) -> str:
    """"House of Commons" -> "Commons" (the Bills API's House)."""
    match = re.fullmatch(r"House of (Commons|Lords)", words)
    if not match:
        raise ValueError(f"not a House: {words!r}")
    return match[1]


# ---------------------------------------------------------------------------------------------
# Response shapes
# ---------------------------------------------------------------------------------------------


def _sample(name: str):
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def _publication_type(type_id: int) -> dict:
    return next(p["publicationType"] for p in _sample("bills_bill_512_publications.json")["publications"]
                if p["publicationType"]["id"] == type_id)


def _checked_facts() -> dict:
    """The latest print's facts, after checking the two prints are of one bill and session, a
    Government Bill, as bill type 1 of the samples is."""
    facts = [print_facts(name) for name in PRINTS]
    assert len({(f["title"], f["session"], f["type"]) for f in facts}) == 1, facts
    bill_types = {t["id"]: t["name"] for t in _sample("bills_billtypes.json")["items"]}
    assert bill_types[GOVERNMENT_BILL] == facts[0]["type"]
    assert facts[0]["title"].endswith("[HL]") and facts[0]["stage"] == "As brought from the Lords"
    return print_facts(LATEST_PRINT)


def committee_stage() -> dict:
    """Bills API StageSummary of the Commons Committee stage, which the later print names."""
    stage_types = {s["id"]: s for s in _sample("bills_stages_reference.json")["items"]}
    stage_type = stage_types[COMMONS_COMMITTEE_TYPE]
    latest = _checked_facts()
    assert latest["stage"] == "As amended in Public Bill Committee" and _house(latest["house"]) == stage_type["house"]
    return {"id": COMMITTEE_STAGE, "stageId": COMMONS_COMMITTEE_TYPE, "sessionId": SESSION_2022_23,
            "description": stage_type["name"], "abbreviation": None, "house": stage_type["house"],
            "stageSittings": [], "sortOrder": 1}


def bill() -> dict:
    latest = _checked_facts()
    return {
        "billId": BILL_ID, "shortTitle": latest["title"], "formerShortTitle": None,
        "currentHouse": _house(latest["house"]),  # the House of the latest print
        "originatingHouse": "Lords",  # "[HL]" in the title; "As brought from the Lords"
        "lastUpdate": OMIT, "billWithdrawn": None,
        "isDefeated": False, "isAct": False,  # as the latest print shows it: a bill, reprinted as amended
        "billTypeId": GOVERNMENT_BILL, "introducedSessionId": SESSION_2022_23, "includedSessionIds": [SESSION_2022_23],
        "currentStage": OMIT, "longTitle": latest["long_title"], "summary": None, "sponsors": None,
        "promoters": None, "petitioningPeriod": None, "petitionInformation": None, "agent": OMIT,
    }


def stages_page() -> dict:
    return {"items": [committee_stage()], "totalResults": 1, "itemsPerPage": 20}


def publications() -> dict:
    found = []
    for name, (publication_id, document_id) in reversed(PRINTS.items()):  # newest first, as the API lists them
        facts = print_facts(name)
        found.append({
            "house": _house(facts["house"]), "id": publication_id, "title": f"{facts['bill_no']}: {facts['stage']}",
            "publicationType": _publication_type(BILL_PUBLICATION_TYPE),
            "displayDate": f"{facts['published']}T00:00:00", "links": [],
            "files": [{"id": document_id, "filename": name, "contentType": XML_TYPE,
                       "contentLength": (PRINTS_DIR / name).stat().st_size}],
        })
    return {"billId": BILL_ID, "publications": found}


# ---------------------------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------------------------


def made_up_ids() -> dict:
    ids = {
        BILL_ID: "Bills API bill id of the Social Housing (Regulation) Bill [HL] (the prints carry none)",
        SESSION_2022_23: "Bills API session id of session 2022-23, the prints' session 58/3: the id the "
                         "Procurement snapshot made up for that session, reused so both bills share it",
        COMMITTEE_STAGE: "bill-stage id: Commons Committee stage (named by the print 'As amended in Public Bill "
                         "Committee')",
    }
    for name, (publication_id, document_id) in PRINTS.items():
        facts = print_facts(name)
        ids[publication_id] = f"publication id: {facts['bill_no']} ({facts['stage']})"
        ids[document_id] = f"publication document id: the LawMaker XML of {facts['bill_no']}"
    return {"range": "every made-up id is >= 9000000; those first made up here are 9160000 to 9169999; the other ids "
                     "are real sample values (bill type 1, stage type 8, publication type 5)",
            "ids": {str(k): v for k, v in sorted(ids.items())}}


def manifest() -> dict:
    first, latest = (print_facts(name) for name in PRINTS)
    return {
        "format": 1,
        "name": "social-housing-regulation-bill-2022-23",
        "description": (
            f"{latest['title']} 2022-23 (made-up Bills API id {BILL_ID}). RECONSTRUCTED, not recorded: no API "
            "response for this bill was ever captured. Built from two real LawMaker prints alone, "
            f"{first['bill_no']} ({first['stage']}, {first['published']}) and {latest['bill_no']} "
            f"({latest['stage']}, {latest['published']}), served as the Bills API serves a publication's "
            "document, so they go through the real fetch, parse, store and derive steps. Stages, sittings, "
            "sponsors, amendments, divisions and debates are not in the prints, so they are not in the snapshot."
        ),
        "recorded_at": RECORDED_AT,
        "bills": [BILL_ID],
        "reconstructed": True,
        "reconstructed_from": [f"data/reference/parliament/bill-text/{name}" for name in PRINTS],
        "made_up_ids": made_up_ids(),
        "covers": [
            f"GET Bills/{BILL_ID}: short and long title, Government Bill, from the Lords, in the Commons (the House "
            "of the latest print), session 2022-23 (made-up id); not an Act and not defeated as the latest print "
            "shows it",
            f"GET Bills/{BILL_ID}/Stages (one page): the Commons Committee stage only, with no sitting",
            f"GET Bills/{BILL_ID}/Publications: the two prints, each with its LawMaker XML as a file",
            "GET Publications/{id}/Documents/{documentId}/Download: each print, byte for byte as in "
            "data/reference/parliament/bill-text/",
            "GET BillTypes and GET Stages (first page): the real sample bodies, byte for byte",
        ],
        "omits": [
            "Every other stage of the bill (the Lords stages, the Commons readings, Report and beyond) and every "
            "sitting date: the prints give none. Requests for them are answered 404 'not in snapshot'",
            "Sponsors and members, amendments and ping-pong items, divisions and Hansard debates: not in the prints",
            "The bill's last update, current stage and agent (keys left out: the spec does not allow null), summary, "
            "and the Bills API's own ids, titles and file names of the publications",
            "The Lords prints HL Bill 21 and HL Bill 54, which the prints name among the bill's addresses; the "
            "prints after Bill 206 and the Act",
        ],
        "notes": [
            "Publication titles are the print's bill number and stage version (varBillNo, varStageVersion); "
            "displayDate is the print's varPublicationDate; a file's filename is the name of the reference copy "
            "and its contentLength the copy's size.",
            "The Commons Committee stage is in the snapshot because the later print is 'As amended in Public Bill "
            "Committee', a House of Commons print: the Commons Committee stage (real stage type 8) amended the bill. "
            "Its sittings are not recorded, so the list is empty; the print as brought from the Lords is the text "
            "that entered it.",
            "isAct and isDefeated are false and currentHouse is Commons as the latest print (29 Nov 2022) shows the "
            "bill; the spec requires them. The bill's later history is not in this snapshot.",
            "totalResults counts only the items reconstructed here.",
        ],
    }


# ---------------------------------------------------------------------------------------------
# Writer
# ---------------------------------------------------------------------------------------------


def _without_omitted(value):
    if isinstance(value, dict):
        return {k: _without_omitted(v) for k, v in value.items() if v is not OMIT}
    if isinstance(value, list):
        return [_without_omitted(v) for v in value]
    return value


def _dump(value) -> str:
    return json.dumps(_without_omitted(value), indent=2, ensure_ascii=False) + "\n"


def responses() -> list[tuple[str, str, dict, object]]:
    """Every (url, body path, headers, body) of the snapshot, in index order. bytes bodies are
    copied as they are."""
    bill_url = f"{BILLS}/Bills/{BILL_ID}"
    out = [
        (bill_url, f"bodies/bills/{BILL_ID}.json", JSON_TYPE, bill()),
        (f"{bill_url}/Stages?Skip=0&Take=20", f"bodies/bills/{BILL_ID}-stages-0.json", JSON_TYPE, stages_page()),
        (f"{bill_url}/Publications", f"bodies/bills/{BILL_ID}-publications.json", JSON_TYPE, publications()),
        (f"{BILLS}/BillTypes?Skip=0&Take=20", "bodies/bills/billtypes-0.json", JSON_TYPE,
         (SAMPLES / "bills_billtypes.json").read_bytes()),
        (f"{BILLS}/Stages?Skip=0&Take=20", "bodies/bills/stages-reference-0.json", JSON_TYPE,
         (SAMPLES / "bills_stages_reference.json").read_bytes()),
    ]
    out += [(f"{BILLS}/Publications/{publication_id}/Documents/{document_id}/Download", f"bodies/prints/{name}",
             {"Content-Type": XML_TYPE}, (PRINTS_DIR / name).read_bytes())
            for name, (publication_id, document_id) in PRINTS.items()]
    return out


def write(out: Path = OUT) -> None:
    if (out / "bodies").exists():
        shutil.rmtree(out / "bodies")
    index = []
    for url, path, headers, body in responses():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body if isinstance(body, bytes) else _dump(body).encode("utf-8"))
        entry = {"method": "GET", "url": url, "status": 200, "headers": headers, "body": path}
        index.append(json.dumps(entry, ensure_ascii=False) + "\n")
    (out / "index.jsonl").write_text("".join(index), encoding="utf-8")
    (out / "manifest.json").write_text(_dump(manifest()), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
