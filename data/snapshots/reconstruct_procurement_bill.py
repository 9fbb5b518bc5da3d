"""Rebuild the bundled snapshot of the Procurement Bill [HL] 2022-23 (Bills API id 3159).

No captured API response for this bill exists, so the snapshot is reconstructed in the APIs'
response shapes from the sourced record REFERENCE alone. Every value below is one of:
  - a fact stated in REFERENCE (the citation, "§section: source", sits beside it);
  - a real value copied at run time from a real sample in the pack (party objects, bill types,
    publication types, Commons stage-type names), or a sample's plain convention (see notes);
  - a made-up id >= 9000000 (all listed in the manifest);
  - a structural value with no factual content (sortOrder, paging, indentation).
Anything else is null; where the schema does not allow null the key is left out (OMIT), and
the manifest says so. Running this again rewrites the snapshot byte for byte. It keeps the
index lines of bodies/hansard/, which another script writes.

    python data/snapshots/reconstruct_procurement_bill.py
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

# The reference pack sits beside the repository (../shared), as on every machine of the project.
PACK = Path(__file__).resolve().parents[3] / "shared" / "reference" / "parliament"
REFERENCE = "../shared/reference/parliament/PROCUREMENT_BILL.md"
SAMPLES = PACK / "samples"
OUT = Path(__file__).resolve().parent / "procurement-bill-2022-23"
HANSARD_BODIES = "bodies/hansard/"

BILLS = "https://bills-api.parliament.uk/api/v1"
MEMBERS = "https://members-api.parliament.uk/api"
COMMONS = "https://commonsvotes-api.parliament.uk/data"
LORDS = "https://lordsvotes-api.parliament.uk/data"
JSON_TYPE = {"Content-Type": "application/json; charset=utf-8"}

BILL_ID = 3159  # given by the brief (REFERENCE heading: "this id comes from the brief")
RECORDED_AT = "2026-11-23T00:00:00Z"  # when this reconstruction was written; nothing was recorded live
SESSION_2022_23 = 9001001  # made up: no Bills API session id appears in any sample
GOVERNMENT_BILL = 1  # samples/bills_billtypes.json: id 1 "Government Bill"
OMIT = object()  # the API sends this key, the record cannot fill it and null is not allowed

# ---------------------------------------------------------------------------------------------
# Real values from the samples
# ---------------------------------------------------------------------------------------------


def _sample(name: str):
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def _party(name: str) -> dict:
    """A real Members API party object, from the state-of-the-parties samples."""
    for sample in ("members_parties_stateoftheparties_lords.json", "members_parties_stateoftheparties_commons.json"):
        for item in _sample(sample)["items"]:
            if item["value"]["party"]["name"] == name:
                return item["value"]["party"]
    raise KeyError(name)


def _publication_type(type_id: int) -> dict:
    for publication in _sample("bills_bill_512_publications.json")["publications"]:
        if publication["publicationType"]["id"] == type_id:
            return publication["publicationType"]
    raise KeyError(type_id)


def _commons_stage_name(stage_id: int) -> str:
    return next(s["name"] for s in _sample("bills_stages_reference.json")["items"] if s["id"] == stage_id)


# ---------------------------------------------------------------------------------------------
# Facts from REFERENCE
# ---------------------------------------------------------------------------------------------

# member id (made up, fixed by the snapshot conventions): name as the record gives it, house,
# party name (None = not recorded), membershipFrom (None = not recorded), source
PEOPLE = {
    9000001: ("Lord Alton of Liverpool", "Lords", "Crossbench", None, "§3 table (seed 001; PP-ALTON)"),
    9000002: ("Lord Blencathra", "Lords", "Conservative", None, "§3 table (seed 001)"),
    9000003: ("Lord Fox", "Lords", "Liberal Democrat", None, "§3 table (seed 001)"),
    9000004: ("Lord Coaker", "Lords", "Labour", None, "§3 table (seed 001)"),
    9000005: ("Lord Scriven", "Lords", "Liberal Democrat", None, "§3 table (herokuapp 2022-11-30)"),
    9000006: ("Lord True", "Lords", "Conservative", "Life peer",
              "§1 Ministers in charge (CPC: 'the Conservative life peer Lord True')"),
    9000007: ("Baroness Neville-Rolfe", "Lords", "Conservative", None, "§3 table"),
    9000008: ("Lord Hunt of Kings Heath", "Lords", None, None, "§4, §5 (party not recorded)"),
    9000009: ("Lord Berkeley", "Lords", None, None, "§4 (party not recorded)"),
    9000010: ("Lord Clement-Jones", "Lords", None, None, "§4 (party not recorded)"),
    9000011: ("Baroness Stroud", "Lords", None, None, "§2, §5 (party not recorded)"),
    9000012: ("Jeremy Quin", "Commons", "Conservative", None, "§3 table; §1 Ministers in charge"),
    9000013: ("Alex Burghart", "Commons", None, None, "§1 Ministers in charge (party not recorded)"),
    9000014: ("Tim Loughton", "Commons", "Conservative", None, "§3 table (seed 000)"),
    9000015: ("Alicia Kearns", "Commons", "Conservative", None, "§3 table (seed 000)"),
    9000016: ("Kirsty Blackman", "Commons", "Scottish National Party", None, "§3 table (seed 000)"),
    9000017: ("Sir Iain Duncan Smith", "Commons", "Conservative", "Chingford and Woodford Green",
              "§3 table; §2 Commons Report (Loughton: 'the Member for Chingford and Woodford Green')"),
    # Tellers of Division Nos. 252 and 253 (hansard/2023-06-13_commons_report_votes-and-proceedings.txt)
    9000101: ("Mary Glindon", "Commons", None, None, "V&P 13 Jun 2023, Division Nos. 252, 253 (Aye teller)"),
    9000102: ("Gerald Jones", "Commons", None, None, "V&P 13 Jun 2023, Division Nos. 252, 253 (Aye teller)"),
    9000103: ("Ruth Edwards", "Commons", None, None, "V&P 13 Jun 2023, Division Nos. 252, 253 (No teller)"),
    9000104: ("Jacob Young", "Commons", None, None, "V&P 13 Jun 2023, Division Nos. 252, 253 (No teller)"),
}
LORD_TRUE, NEVILLE_ROLFE, QUIN, BURGHART = 9000006, 9000007, 9000012, 9000013
ALTON, BLENCATHRA, FOX, COAKER, HUNT = 9000001, 9000002, 9000003, 9000004, 9000008
BERKELEY, CLEMENT_JONES = 9000009, 9000010

# Ministers in charge, in the order the record gives them; all Cabinet Office (§1 Department: PP-ALTON; NEWS-2022)
MINISTERS = [LORD_TRUE, NEVILLE_ROLFE, QUIN, BURGHART]  # §1 Ministers in charge
DEPARTMENT = "Cabinet Office"

# stage type key: (stageId, description, abbreviation, house). Commons ids and names are real
# (samples/bills_stages_reference.json); Lords and Royal Assent types are not in the pack, so
# their ids are made up and their names are the record's words. "1R"/"2R" are the only
# abbreviations the pack knows (README, Stage types).
STAGE_TYPES = {
    "L1R": (9002001, "1st reading", "1R", "Lords"),  # §1 House of Lords table
    "L2R": (9002002, "2nd reading", "2R", "Lords"),  # §1 House of Lords table
    "LCS": (9002003, "Committee stage", None, "Lords"),  # §1: "committee stage (day 5)" (davidalton.net)
    "LRS": (9002004, "Report stage", None, "Lords"),  # §1: "commencement of Report Stage" (seed 001)
    "L3R": (9002005, "3rd reading", None, "Lords"),  # §1 House of Lords table
    # §1 Ping-pong: "Lords, consideration of Commons amendments"
    "LCCA": (9002006, "Consideration of Commons amendments", None, "Lords"),
    "LOCT": (9002007, None, None, "Lords"),  # §1 Ping-pong, Lords 25 Oct 2023: the stage is not named in the record
    "C1R": (6, _commons_stage_name(6), "1R", "Commons"),
    "C2R": (7, _commons_stage_name(7), "2R", "Commons"),
    "CCS": (8, _commons_stage_name(8), None, "Commons"),  # Public Bill Committee
    "CRS": (9, _commons_stage_name(9), None, "Commons"),
    "C3R": (10, _commons_stage_name(10), None, "Commons"),
    # Not 12 ("Consideration of Lords amendments"): the record (and V&P 13 Sep 2023) call this
    # stage consideration of a Lords *message*, a stage type the pack does not have.
    "CCLM": (9002008, "Consideration of Lords message", None, "Commons"),  # §1 Ping-pong
    # §1 Ping-pong and Royal Assent; the pack README: the Royal Assent stage has house Unassigned
    "RA": (9002009, "Royal Assent", None, "Unassigned"),
}

# In order: (bill-stage id, stage type key, sittings as (sitting id, date, source)). Only dated
# sittings the record confirms; see the manifest for the ones left out.
STAGES = [
    (9003001, "L1R", [(9004001, "2022-05-11", "§1 Lords table: CBP-9810; CPC")]),
    (9003002, "L2R", [(9004002, "2022-05-25", "§1 Lords table: NEWS-2022; PP-ALTON")]),
    (9003003, "LCS", [(9004003, "2022-07-06", "§1 Lords table: day 2 confirmed, Hansard GrandCommittee 2022-07-06"),
                      (9004004, "2022-07-18", "§1 Lords table: day 5 confirmed, davidalton.net"),
                      (9004005, "2022-10-24", "§1 Lords table: autumn sitting, parallelparliament")]),
    (9003004, "LRS", [(9004006, "2022-11-28", "§1 Lords table: seed 001; PP-ALTON"),
                      (9004007, "2022-11-30", "§1 Lords table: PP-ALTON")]),
    (9003005, "L3R", [(9004008, "2022-12-13", "§1 Lords table: Hansard 2022-12-13; CBP-9810")]),
    (9003006, "C1R", [(9004009, "2022-12-14", "§1 Commons table: CBP-9810; CBP-9402")]),
    (9003007, "C2R", [(9004010, "2023-01-09", "§1 Commons table: CBP-9810; CBP-9402; CPC")]),
    (9003008, "CCS", [(9004011, "2023-02-21", "§1 Commons table: 9th sitting, CBP-9810; Hansard PBC")]),
    (9003009, "CRS", [(9004012, "2023-06-13", "§1 Commons table: CBP-9810")]),
    (9003010, "C3R", [(9004013, "2023-06-13", "§1 Commons table: CBP-9810; wired-gov")]),
    (9003011, "LCCA", [(9004014, "2023-09-11", "§1 Ping-pong: NEWS-2023; parallelparliament")]),
    (9003012, "CCLM", []),  # §1 Ping-pong: the date is "not stated as a date in the stored record"
    (9003013, "LOCT", [(9004015, "2023-10-25", "§1 Ping-pong: parliamenttoday 149797; herokuapp; NEWS-2023")]),
    (9003014, "RA", [(9004016, "2023-10-26", "§1 Ping-pong and Royal Assent: NEWS-2023; CBP-9810")]),
]
LORDS_COMMITTEE, LORDS_REPORT, COMMONS_COMMITTEE, COMMONS_REPORT = 9003003, 9003004, 9003008, 9003009
LORDS_CCA, COMMONS_CLM, LORDS_25_OCT = 9003011, 9003012, 9003013

# (id, house, title, publication type id (real, samples/bills_bill_512_publications.json), displayDate)
PUBLICATIONS = [
    # §1 Identity: "Procurement Act 2023, 2023 c. 54" (vlex; legislation.gov.uk). Title follows the
    # sample's Act title form "<Act> c.<n>". Publication date and house are not recorded.
    (9005003, OMIT, "Procurement Act 2023 c. 54", 6, OMIT),
    # §1 Identity: the Amendment Paper "HL Bill 147-I Marshalled list ... (8 Sep 2023)" (parallelparliament)
    (9005002, "Lords", "HL Bill 147-I Marshalled list for Consideration of Commons Amendments (8 Sep 2023)", 7,
     "2023-09-08T00:00:00"),
    # §1 Identity: "First print: HL Bill 4" (CBP-9810). Publication date not recorded.
    (9005001, "Lords", "HL Bill 4", 5, OMIT),
]

ALTON_CLAUSE_TITLE = "Timeline for removal of suppliers"  # §2 heading
ALTON_CLAUSE_TEXT = [  # §2 Text (seed 001), split at its subsections and paragraphs: (indentation, text)
    (0, "(1) Within 6 months of the passing of this Act, the Secretary of State must publish a timeline for "
        "the removal of physical technology or surveillance equipment from the Government's procurement supply "
        "chain where the Secretary of State is satisfied there is established evidence that a provider has been "
        "involved in—"),
    (1, "(a) modern slavery,"),
    (1, "(b) genocide, or"),
    (1, "(c) crimes against humanity."),
    (0, "(2) The Secretary of State must lay the timeline before Parliament."),
]
NC1_TITLE = ("Removal from the procurement supply chain of physical surveillance equipment produced by companies "
             "subject to the National Intelligence Law of the People's Republic of China")  # §2 Commons Report

# Amendments per bill stage. sponsors: (member id, isLead or OMIT) in the record's order; None = not recorded.
AMENDMENTS = {
    LORDS_COMMITTEE: [
        dict(id=9006002, number="449", type=OMIT, clause=None, position=None,  # §4 (seed 003; davidalton.net)
             sponsors=[(HUNT, True)], decision="NoDecision", explanation=None,  # outcome not recorded
             summary=["would ensure that only limited exceptions would be permitted to providing information about "
                      "public contracts"],
             lines=None),
        dict(id=9006003, number="449A", type=OMIT, clause=None, position=None,  # §4 (seed 003; davidalton.net)
             sponsors=[(BERKELEY, OMIT), (CLEMENT_JONES, OMIT)], decision="NoDecision", explanation=None,
             summary=["would bring information held by a contractor or subcontractor in connection with a contract "
                      "with a public authority within the scope of the Freedom of Information Act"],
             lines=None),
    ],
    LORDS_REPORT: [
        # §2 Text and names (seed 001)
        dict(id=9006001, number=None, type="AddClauseOrSchedule", clause=None, position="After Clause 61",
             sponsors=[(ALTON, True), (BLENCATHRA, False), (FOX, False), (COAKER, False)],  # §2; §3 "lead mover"
             # §2 Outcome: "agreed, against the Government's opposition"; on a division or not: not recorded
             decision="Agreed",
             explanation="passed in the House of Lords … despite the fact that the government opposed the proposals",
             summary=[ALTON_CLAUSE_TITLE], lines=[(0, ALTON_CLAUSE_TITLE)] + ALTON_CLAUSE_TEXT),
    ],
    COMMONS_COMMITTEE: [
        # §2 Commons Public Bill Committee (HL5881: the Government "proposed an amendment ... to delete"; EPOCH-PBC)
        dict(id=9006004, number=None, type="DeleteClauseOrSchedule", clause=65, position=None,
             sponsors=None,  # "The Government proposed the deletion"; the member is not recorded
             decision="AgreedOnDivision",
             explanation="by eight votes against five. All committee members voted along party lines.",  # EPOCH-PBC
             summary=None, lines=None),
    ],
    COMMONS_REPORT: [
        dict(id=9006005, number="NC1", type="AddClauseOrSchedule", clause=None, position=None,  # §2 Commons Report
             sponsors=None,  # the mover (Iain Duncan Smith) is an inference in the record
             decision="NoDecision",  # "not pressed" attaches to NC1 only by inference
             explanation=None,
             summary=[NC1_TITLE,
                      "It required a timeline within six months of the Act's passage, to be laid before Parliament."],
             lines=[(0, NC1_TITLE)]),
    ],
}

# Ping-pong items per bill stage. A motion's group holds the amendment it proposes or concerns.
PING_PONG = {
    LORDS_CCA: [
        dict(id=9007001, type="Motion", number="47A", sponsors=[(ALTON, True)],  # §2 Ping-pong (Alton, 11 Sep 2023)
             decision="NoDecision", explanation=None,  # fate of Motion 47A not recorded
             summary="a timeline for removing surveillance equipment \"connected to the internet and subject to the "
                     "People's Republic of China's national intelligence law\"",
             group_text=None, group_amendment=("47B", "NoDecision", [(ALTON, True)])),
        dict(id=9007002, type="Motion", number="102A", sponsors=[(HUNT, True)],  # §1 Ping-pong (EPOCH-SEP; herokuapp)
             decision="AgreedOnDivision", explanation="agreed by 156 to 151",
             summary="forced organ harvesting amendment",
             group_text=None, group_amendment=("102B", "AgreedOnDivision", [(HUNT, True)])),
    ],
    COMMONS_CLM: [
        dict(id=9007003, type="Amendment", number="102B", sponsors=[(HUNT, True)],  # §1 Ping-pong; §5 (EPOCH-REJ)
             decision="Disagreed", explanation=None, summary="forced organ harvesting amendment"),
        # §1 Ping-pong (orderpaper; parliamenttoday): Burghart moved it
        dict(id=9007004, type="Motion", number=None, sponsors=[(BURGHART, True)],
             decision="AgreedOnDivision", explanation="The Government won \"by 80 votes\"",  # EPOCH-REJ
             summary="That this House disagrees with Lords amendment 102B",
             group_text=None, group_amendment=("102B", "Disagreed", [(HUNT, True)])),
    ],
    LORDS_25_OCT: [
        # §1 Ping-pong (parliamenttoday 149797); who moved it is not recorded
        dict(id=9007005, type="Motion", number="A", sponsors=None,
             decision="Agreed", explanation="agreed without a vote",
             summary="That this House do not insist on its Amendment 102B … Reason 102C",
             group_text="That this House do not insist on its Amendment 102B … Reason 102C", group_amendment=None),
    ],
}

# Lords division on Motion 102A / Amendment 102B, 11 Sep 2023 (§1 Ping-pong; §5: EPOCH-SEP; herokuapp)
LORDS_DIVISION = dict(
    id=9008001, date="2023-09-11T00:00:00", title="Procurement Bill [HL]", content=156, not_content=151,
    sponsor=HUNT, government_lost=True,  # §5 "Lords defeat in ping-pong: Hunt's Amendment 102B, 156 to 151"
    notes="<p>Lord Hunt of Kings Heath's forced organ harvesting amendment (Motion 102A / Amendment 102B) "
          "was agreed by 156 to 151.</p>",
)

# Commons divisions, hansard/2023-06-13_commons_report_votes-and-proceedings.txt (Votes and Proceedings).
# Titles are the V&P's own words, not the Commons Votes API's titles.
COMMONS_DIVISIONS = [
    dict(id=9008003, number=253, date="2023-06-13T00:00:00",
         title="Procurement Bill [Lords]: Amendment 2 proposed.—(Angela Rayner.) "
               "Question put, That the Amendment be made.",
         ayes=230, noes=280, aye_tellers=[9000102, 9000101], no_tellers=[9000103, 9000104]),
    dict(id=9008002, number=252, date="2023-06-13T00:00:00",
         title="Procurement Bill [Lords]: New Clause NC10—(Florence Eshalomi)—brought up, and read the first time. "
               "Question put, That the Clause be read a second time.",
         ayes=231, noes=282, aye_tellers=[9000101, 9000102], no_tellers=[9000103, 9000104]),
]

# ---------------------------------------------------------------------------------------------
# Response shapes
# ---------------------------------------------------------------------------------------------


def _party_or_none(member_id: int) -> dict | None:
    party = PEOPLE[member_id][2]
    return _party(party) if party else None


def bills_member(member_id: int) -> dict:
    """Bills API Member (a bill sponsor's member)."""
    name, house, _, member_from, _ = PEOPLE[member_id]
    party = _party_or_none(member_id)
    return {"memberId": member_id, "name": name, "party": party and party["name"],
            "partyColour": party and party["backgroundColour"], "house": house,
            "memberPhoto": None, "memberPage": None, "memberFrom": member_from}


def amendment_members(sponsors: list | None) -> list | None:
    """Bills API AmendmentMember list, in the record's order."""
    if sponsors is None:
        return None
    return [{**bills_member(member_id), "sortOrder": order, "isLead": is_lead}
            for order, (member_id, is_lead) in enumerate(sponsors, start=1)]


def lines(rows: list | None) -> list | None:
    """Bills API AmendmentLine list."""
    if rows is None:
        return None
    return [{"text": text, "indentation": indent, "hangingIndentation": None, "isImage": False, "imageType": None}
            for indent, text in rows]


def stage_summary(bill_stage_id: int, type_key: str, sittings: list, sort_order: int) -> dict:
    stage_id, description, abbreviation, house = STAGE_TYPES[type_key]
    return {
        "id": bill_stage_id, "stageId": stage_id, "sessionId": SESSION_2022_23, "description": description,
        "abbreviation": abbreviation, "house": house,
        "stageSittings": [{"id": sitting_id, "stageId": stage_id, "billStageId": bill_stage_id, "billId": BILL_ID,
                           "date": f"{date}T00:00:00"} for sitting_id, date, _ in sittings],
        "sortOrder": sort_order,
    }


def all_stage_summaries() -> list[dict]:
    return [stage_summary(bill_stage_id, key, sittings, order)
            for order, (bill_stage_id, key, sittings) in enumerate(STAGES, start=1)]


def bill() -> dict:
    return {
        "billId": BILL_ID,
        "shortTitle": "Procurement Bill [HL]",  # §1 Identity (seed 003; CBP-9810)
        "formerShortTitle": None,
        "currentHouse": "Unassigned",  # an Act (README: Acts have currentHouse Unassigned)
        "originatingHouse": "Lords",  # §1: introduced in the Lords by Lord True (CPC)
        "lastUpdate": OMIT,
        "billWithdrawn": None,  # it became an Act (§1 Identity)
        "isDefeated": False,  # it became an Act (§1 Identity)
        "billTypeId": GOVERNMENT_BILL,  # §1 Ministers in charge; Department: Cabinet Office
        "introducedSessionId": SESSION_2022_23,  # §1 Identity: session 2022-23
        "includedSessionIds": [SESSION_2022_23],  # the only session the record names
        "isAct": True,  # §1 Identity: became the Procurement Act 2023
        "currentStage": all_stage_summaries()[-1],  # Royal Assent, 26 Oct 2023
        "longTitle": None, "summary": None,
        "sponsors": [{"member": bills_member(member_id), "organisation": {"name": DEPARTMENT, "url": None},
                      "sortOrder": order} for order, member_id in enumerate(MINISTERS, start=1)],
        "promoters": None, "petitioningPeriod": None, "petitionInformation": None,
        "agent": OMIT,
    }


def stages_page() -> dict:
    items = all_stage_summaries()
    return {"items": items, "totalResults": len(items), "itemsPerPage": 20}


def publications() -> dict:
    return {"billId": BILL_ID, "publications": [
        {"house": house, "id": publication_id, "title": title, "publicationType": _publication_type(type_id),
         "displayDate": display_date, "links": [], "files": []}
        for publication_id, house, title, type_id, display_date in PUBLICATIONS]}


def amendment(bill_stage_id: int, a: dict, *, detail: bool) -> dict:
    """Bills API AmendmentSearchItem, or AmendmentDetail with detail=True."""
    body = {
        "id": a["id"], "billId": BILL_ID, "billStageId": bill_stage_id, "statusIndicator": None,
        "decision": a["decision"], "decisionExplanation": a["explanation"],
        "sponsors": amendment_members(a["sponsors"]),
        "amendmentId": a["id"], "amendmentType": a["type"], "clause": a["clause"], "schedule": None,
        "pageNumber": None, "lineNumber": None, "amendmentPosition": a["position"], "marshalledListText": a["number"],
    }
    if not detail:
        return {**body, "summaryText": a["summary"]}
    return {**body, "amendmentLines": lines(a["lines"]), "explanatoryTextPrefix": None, "explanatoryText": None,
            "amendmentNote": None, "amendmentLocation": None, "mainHeader": None}


def ping_pong_item(bill_stage_id: int, item: dict, *, detail: bool) -> dict:
    """Bills API ping-pong item: MotionSummary/PingPongAmendmentSummary, or their Detail forms."""
    body = {"id": item["id"], "billId": BILL_ID, "billStageId": bill_stage_id, "statusIndicator": None,
            "decision": item["decision"], "decisionExplanation": item["explanation"],
            "sponsors": amendment_members(item["sponsors"]), "type": item["type"], "number": item["number"],
            "summary": item["summary"]}
    kind = item["type"].lower()
    if detail and kind == "motion":
        text = item["group_text"] and lines([(0, item["group_text"])])
        number, decision, sponsors = item["group_amendment"] or (None, None, None)
        amendments = item["group_amendment"] and [{"number": number, "decision": decision, "sortOrder": 1,
                                                   "text": None, "sponsors": amendment_members(sponsors)}]
        body["motionGroups"] = [{"text": text, "amendments": amendments, "sortOrder": 1}]
    elif detail:
        body["amendmentGroups"] = None
    other = "amendment" if kind == "motion" else "motion"
    return {"type": item["type"], kind: body, other: OMIT}


def members_api_member(member_id: int) -> dict:
    """Members API GET /Members/{id}: {value: Member, links}."""
    name, house, _, member_from, _ = PEOPLE[member_id]
    membership = {"membershipFrom": member_from, "membershipFromId": None, "house": {"Commons": 1, "Lords": 2}[house],
                  "membershipStartDate": None, "membershipEndDate": None, "membershipEndReason": None,
                  "membershipEndReasonNotes": None, "membershipEndReasonId": None, "membershipStatus": None}
    return {"value": {"id": member_id, "nameListAs": None, "nameDisplayAs": name, "nameFullTitle": None,
                      "nameAddressAs": None, "latestParty": _party_or_none(member_id), "gender": None,
                      "latestHouseMembership": membership, "thumbnailUrl": None}, "links": []}


def lords_division() -> dict:
    """Lords Votes DivisionViewModel. Member and teller lists are not recorded: empty arrays."""
    d = LORDS_DIVISION
    return {
        "divisionId": d["id"], "date": d["date"], "number": OMIT, "notes": None, "title": d["title"],
        "isWhipped": OMIT, "isGovernmentContent": not d["government_lost"],
        "authoritativeContentCount": d["content"], "authoritativeNotContentCount": d["not_content"],
        "divisionHadTellers": OMIT, "tellerContentCount": OMIT, "tellerNotContentCount": OMIT,
        "memberContentCount": OMIT, "memberNotContentCount": OMIT, "sponsoringMemberId": d["sponsor"],
        "isHouse": None, "isInquorate": OMIT, "amendmentMotionNotes": d["notes"],
        "isGovernmentWin": not d["government_lost"], "remoteVotingStart": None, "remoteVotingEnd": None,
        "divisionWasExclusivelyRemote": OMIT, "contentTellers": [], "notContentTellers": [], "contents": [],
        "notContents": [],
    }


def commons_teller(member_id: int) -> dict:
    """Commons Votes RecordedMember: only the name is recorded."""
    return {"MemberId": member_id, "Name": PEOPLE[member_id][0], "Party": OMIT, "SubParty": None,
            "PartyColour": OMIT, "PartyAbbreviation": None, "MemberFrom": OMIT, "ListAs": OMIT, "ProxyName": None}


def commons_division(d: dict) -> dict:
    """Commons Votes PublishedDivision with only what Votes and Proceedings records."""
    return {
        "DivisionId": d["id"], "Date": d["date"], "PublicationUpdated": OMIT, "Number": d["number"],
        "IsDeferred": False,  # V&P: "The House divided."
        "EVELType": OMIT, "EVELCountry": OMIT, "Title": d["title"], "AyeCount": d["ayes"], "NoCount": d["noes"],
        "DoubleMajorityAyeCount": None, "DoubleMajorityNoCount": None,
        "AyeTellers": [commons_teller(m) for m in d["aye_tellers"]],
        "NoTellers": [commons_teller(m) for m in d["no_tellers"]],
        "Ayes": [], "Noes": [], "FriendlyDescription": None, "FriendlyTitle": None, "NoVoteRecorded": [],
        "RemoteVotingStart": None, "RemoteVotingEnd": None,
    }


# ---------------------------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------------------------


def made_up_ids() -> dict:
    ids = {SESSION_2022_23: "Bills API session id of session 2022-23 (no session id is in any sample)"}
    ids |= {m: f"Members API member id: {PEOPLE[m][0]} ({PEOPLE[m][1]})" for m in PEOPLE}
    ids |= {t[0]: f"Bills API stage type id: {t[3]} {t[1] or 'stage of 25 Oct 2023 (name not recorded)'}"
            for t in STAGE_TYPES.values() if t[0] >= 9000000}
    for bill_stage_id, key, sittings in STAGES:
        ids[bill_stage_id] = f"bill-stage id: {STAGE_TYPES[key][3]} {STAGE_TYPES[key][1] or 'stage of 25 Oct 2023'}"
        ids |= {s[0]: f"sitting id: {STAGE_TYPES[key][3]} {STAGE_TYPES[key][1] or 'stage'} on {s[1]}" for s in sittings}
    ids |= {p[0]: f"publication id: {p[2]}" for p in PUBLICATIONS}
    ids |= {a["id"]: f"amendment id (id and amendmentId): {a['number'] or 'number not recorded'}"
            f" at bill stage {stage}" for stage, items in AMENDMENTS.items() for a in items}
    ids |= {i["id"]: f"ping-pong item id: {i['type']} {i['number'] or '(number not recorded)'} at bill stage {stage}"
            for stage, items in PING_PONG.items() for i in items}
    ids[LORDS_DIVISION["id"]] = "Lords Votes divisionId: Motion 102A / Amendment 102B, 11 Sep 2023"
    ids |= {d["id"]: f"Commons Votes DivisionId: Division No. {d['number']}, 13 Jun 2023" for d in COMMONS_DIVISIONS}
    return {"range": "every made-up id is >= 9000000; all other ids are Parliament's (3159) or real sample values",
            "ids": {str(k): v for k, v in sorted(ids.items())}}


MANIFEST_TEXT = {
    "name": "procurement-bill-2022-23",
    "description": (
        'Procurement Bill [HL] 2022-23 (Bills API id 3159), now the Procurement Act 2023. RECONSTRUCTED, not '
        "recorded: no API response for this bill was ever captured, so these bodies are rebuilt in the APIs' "
        'shapes from the sourced record only. It covers the bill, its stages in both Houses with the sitting '
        'dates the record confirms, three prints (HL Bill 4, the HL Bill 147-I marshalled list, the Act), the '
        "bill types, the people involved, the amendments and ping-pong motions about Clause 65 (Lord Alton's "
        "'Timeline for removal of suppliers') and Lord Hunt's Amendment 102B, the Lords division of 11 Sep 2023 "
        '(156 to 151) and Commons Division Nos. 252 and 253 of 13 Jun 2023. It omits everything the record does '
        'not give: long title, other prints, unconfirmed sitting dates, amendment numbers and outcomes not '
        'recorded, division member lists and division numbers, and all other amendments and divisions. Lists are '
        'not complete, and every made-up id is 9000000 or more.'
    ),
    "covers": [
        ('GET Bills/3159: titles, Lords origin, Act, Government Bill, session 2022-23 (made-up id), ministers in '
         'charge (Lord True, Baroness Neville-Rolfe, Jeremy Quin, Alex Burghart) with Cabinet Office, current '
         'stage Royal Assent'),
        ('GET Bills/3159/Stages (one page): 14 stages in order, both Houses, with the dated sittings the record '
         'confirms'),
        ('GET Bills/3159/Publications: HL Bill 4, HL Bill 147-I Marshalled list (8 Sep 2023), Procurement Act 2023'
         ' c. 54'),
        'GET BillTypes: the real sample body, byte for byte',
        ('GET Stages (first page only): the real sample body, byte for byte; pages 2 and 3 (28 more stage types, '
         'among them the Lords stages and Royal Assent) were never captured, so the scrape records them as not found'),
        ('GET Members/{id}: the 17 people of the snapshot conventions and the 4 tellers of Division Nos. 252 and '
         '253'),
        ("Amendments: Lords Committee 449 and 449A; Lords Report new clause 'Timeline for removal of suppliers'; "
         'Public Bill Committee deletion of Clause 65 (8 to 5); Commons Report NC1'),
        ('Ping-pong: Lords 11 Sep 2023 Motions 47A (47B) and 102A (102B); Commons disagreement with 102B; Lords 25'
         ' Oct 2023 Motion A'),
        'Lords division: Motion 102A / Amendment 102B, 11 Sep 2023, 156 to 151 (in the search and by id)',
        ('Commons divisions: Division Nos. 252 and 253, 13 Jun 2023, counts and tellers from Votes and Proceedings'
         ' (in the search and by id)'),
    ],
    "omits": [
        'Bill long title, summary, lastUpdate; any stage, sitting or print the record does not give',
        ("Lords Committee days 1, 3 and 4: NEWS-2022 gives 4, 11 and 13 Jul 2022 only as 'scheduled ... subject to"
         " change'; only day 2 (6 Jul) and day 5 (18 Jul) are confirmed, so only those are sittings. Other autumn "
         'Committee days: not recorded'),
        'Public Bill Committee sittings 1 to 8 (dates not recorded; there were nine, the 9th on 21 Feb 2023)',
        ('The date of the Commons consideration of the Lords message (13 Sep 2023 is an inference in the record): '
         'that stage has no sitting'),
        ('Other HL and Commons print numbers; HL Bill 147 itself (its date is not recorded; it is named in the '
         "marshalled list's title); publication dates of HL Bill 4 and the Act; all document links and files"),
        ('Amendment numbers not recorded (the Alton clause at Lords Report, the Public Bill Committee amendment); '
         'outcomes of 449, 449A, NC1, Motion 47A and Amendment 47B; the wording of Commons Amendment 47; the exact'
         ' Public Bill Committee sitting of the Clause 65 vote'),
        ('Lords division numbers, member lists, teller counts and whether it was whipped; the Lords Report '
         'division on the Alton clause; the other two Lords divisions of 11 Sep 2023 (no counts recorded)'),
        ('The Commons division on Lords amendment 102B (only a Government majority of 80 is recorded); the Public '
         "Bill Committee division (8 to 5) is not a chamber division and is carried only on the amendment's "
         'decision'),
        ("Members' Members API ids, genders, list names, titles, membership dates and, where not recorded, parties"
         ' and constituencies'),
        ('Other amendments the record or the V&P mention that are not reconstructed here (e.g. the Lords Third '
         "Reading amendment to Clause 110, Baroness Stroud's amendments, Commons NC15, NC10 and Amendment 2 as "
         'amendments)'),
    ],
    "notes": [
        ('Keys left out: the APIs always send these keys, the specs mark none required, and null is not allowed '
         'for them, so where the record gives no value the key is absent: Bill.lastUpdate, Bill.agent; '
         'BillPublication.displayDate (HL Bill 4, the Act) and .house (the Act); '
         'AmendmentSearchItem/Detail.amendmentType (449, 449A); AmendmentMember.isLead (449A, whose names the '
         "record gives without saying who leads); the unfilled one of a ping-pong item's motion/amendment; Lords "
         'DivisionViewModel number, isWhipped, divisionHadTellers, teller and member counts, isInquorate, '
         'divisionWasExclusivelyRemote; Commons PublishedDivision PublicationUpdated, EVELType, EVELCountry and '
         "the tellers' Party, PartyColour, MemberFrom, ListAs. Parsers must treat these as optional for this "
         'snapshot.'),
        ('Empty arrays in divisions (contents, notContents, contentTellers, notContentTellers; Ayes, Noes, '
         "NoVoteRecorded) mean 'not recorded', not 'nobody'. The counts are the authoritative ones (Lords) or "
         'AyeCount/NoCount (Commons).'),
        ("null sponsors on an amendment or motion mean the member is not recorded; 'NoDecision' means the outcome "
         "is not recorded; 'Agreed' on the Alton clause means agreed, with or without a division (not recorded)."),
        ('Public Bill Committee, Clause 65: the record says the Government proposed an amendment to delete it and '
         'the committee removed it by eight votes against five; which side was counted as Aye is not recorded, so '
         "only the decision and the record's words are given."),
        ("Lords division: 156 is the Content count because the motion 'was agreed by 156 to 151'; isGovernmentWin "
         "and isGovernmentContent are false because the record lists it as a 'Lords defeat'. title follows the "
         "real sample's convention (the bill's short title)."),
        ("Commons Division Nos. 252 and 253: Title is the Votes and Proceedings wording (not the API's title); "
         "Date has no time of day because none is recorded; IsDeferred is false because the V&P records 'The "
         "House divided.'; the tellers' names and order come from that V&P extract alone."),
        ("Session: the only session the record names is 2022-23, so introducedSessionId and includedSessionIds "
         "carry its made-up id and nothing else."),
        'totalResults in every list counts only the items reconstructed here, not what the live API holds.',
        ('Stage types: Commons 6, 7, 8, 9, 10 with their real names; the Commons consideration of the Lords '
         "message, every Lords stage and Royal Assent have made-up stage type ids and the record's words as names;"
         ' the Lords stage of 25 Oct 2023 is not named in the record (description null). Abbreviations 1R and 2R '
         '(the only ones in the pack) are used for first and second readings in both Houses.'),
        ('Members: latestHouseMembership gives the House the record places each person in during the bill '
         '(2022-23), not their latest membership; party objects are copied from the 2024-11-28 '
         'state-of-the-parties samples, including their governmentType as of that date.'),
        'Sponsors: the Bills API sponsors are the ministers in charge as the record gives them, in its order.',
        ("summaryText and summary hold the record's own words describing the amendment or motion; amendmentLines "
         'hold quoted amendment text only.'),
        "recorded_at is when this reconstruction was written; the specs marked no field required, so no "
        "placeholder values were needed beyond the keys left out above.",
    ],
}


def manifest() -> dict:
    return {"format": 1, "name": MANIFEST_TEXT["name"], "description": MANIFEST_TEXT["description"],
            "recorded_at": RECORDED_AT, "bills": [BILL_ID], "reconstructed": True, "reconstructed_from": REFERENCE,
            "made_up_ids": made_up_ids(), "covers": MANIFEST_TEXT["covers"], "omits": MANIFEST_TEXT["omits"],
            "notes": MANIFEST_TEXT["notes"]}


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


def _per_stage(kind: str, items_by_stage: dict, build) -> list:
    """A first page and one detail response per item, for every stage with recorded items."""
    out = []
    for stage, items in items_by_stage.items():
        url = f"{BILLS}/Bills/{BILL_ID}/Stages/{stage}/{kind}"
        path = f"bodies/bills/{BILL_ID}-stage-{stage}-{kind.lower()}"
        page = {"items": [build(stage, i, detail=False) for i in items], "totalResults": len(items),
                "itemsPerPage": 20}
        out.append((f"{url}?Skip=0&Take=20", f"{path}-0.json", page))
        out += [(f"{url}/{i['id']}", f"{path}-{i['id']}.json", build(stage, i, detail=True))
                for i in items]
    return out


def responses() -> list[tuple[str, str, object]]:
    """Every (url, body path, body) of the snapshot, in index order. bytes bodies are copied as they are."""
    bill_url = f"{BILLS}/Bills/{BILL_ID}"
    bill_types = (SAMPLES / "bills_billtypes.json").read_bytes()
    stage_types = (SAMPLES / "bills_stages_reference.json").read_bytes()  # page 1 of 3: all the pack has
    out = [
        (bill_url, "bodies/bills/3159.json", bill()),
        (f"{bill_url}/Stages?Skip=0&Take=20", "bodies/bills/3159-stages-0.json", stages_page()),
        (f"{bill_url}/Publications", "bodies/bills/3159-publications.json", publications()),
        (f"{BILLS}/BillTypes?Skip=0&Take=20", "bodies/bills/billtypes-0.json", bill_types),
        (f"{BILLS}/Stages?Skip=0&Take=20", "bodies/bills/stages-reference-0.json", stage_types),
    ]
    out += _per_stage("Amendments", AMENDMENTS, amendment)
    out += _per_stage("PingPongItems", PING_PONG, ping_pong_item)
    out += [(f"{MEMBERS}/Members/{m}", f"bodies/members/{m}.json", members_api_member(m)) for m in PEOPLE]
    term = "Procurement%20Bill"
    commons = [commons_division(d) for d in COMMONS_DIVISIONS]
    out.append((f"{COMMONS}/divisions.json/search?queryParameters.searchTerm={term}"
                "&queryParameters.skip=0&queryParameters.take=25",
                "bodies/commonsvotes/search-procurement-bill-0.json", commons))
    out += [(f"{COMMONS}/division/{d['DivisionId']}.json", f"bodies/commonsvotes/division-{d['DivisionId']}.json", d)
            for d in commons]
    lords = lords_division()
    out.append((f"{LORDS}/Divisions/search?SearchTerm={term}&skip=0&take=25",
                "bodies/lordsvotes/search-procurement-bill-0.json", [lords]))
    out.append((f"{LORDS}/Divisions/{lords['divisionId']}", f"bodies/lordsvotes/division-{lords['divisionId']}.json",
                lords))
    return out


def _hansard_index_lines(out: Path) -> list[str]:
    """The index lines another script wrote for bodies/hansard/, kept as they are."""
    index = out / "index.jsonl"
    if not index.exists():
        return []
    return [line for line in index.read_text(encoding="utf-8").splitlines(keepends=True)
            if line.strip() and json.loads(line)["body"].startswith(HANSARD_BODIES)]


def write(out: Path = OUT) -> None:
    kept = _hansard_index_lines(out)
    bodies = out / "bodies"
    for child in bodies.iterdir() if bodies.exists() else []:
        if child.name != "hansard":
            shutil.rmtree(child)
    index = []
    for url, path, body in responses():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body if isinstance(body, bytes) else _dump(body).encode("utf-8"))
        entry = {"method": "GET", "url": url, "status": 200, "headers": JSON_TYPE, "body": path}
        index.append(json.dumps(entry, ensure_ascii=False) + "\n")
    (out / "index.jsonl").write_text("".join(index + kept), encoding="utf-8")
    (out / "manifest.json").write_text(_dump(manifest()), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
