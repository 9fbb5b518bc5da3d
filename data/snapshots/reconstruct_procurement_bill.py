"""Rebuild the bundled snapshot of the Procurement Bill [HL] 2022-23 (Bills API id 3159).

No captured API response for this bill exists, so the snapshot is reconstructed in the APIs'
response shapes from FACTS alone (data/reference/procurement-bill/facts.json: the sourced
account of the bill as structured data, every fact with its citation). Every value below is one of:
  - a fact from FACTS;
  - a real value copied at run time from a real sample in the pack (party objects, bill types,
    publication types, Commons stage-type names), or a sample's plain convention (see notes);
  - a made-up id >= 9000000 (FACTS gives them beside their records; the manifest lists them all);
  - a structural value with no factual content (sortOrder, paging, indentation).
Anything else is null; where the schema does not allow null the key is left out (OMIT), and
the manifest says so. The manifest also carries, per reconstructed record, the sources FACTS
cites for it (and what no API shape can carry: the session's name, Hansard column references,
the sitting of an amendment). Running this again rewrites the snapshot byte for byte. It keeps
the index lines of bodies/hansard/, which reconstruct_procurement_hansard.py writes.

    python data/snapshots/reconstruct_procurement_bill.py
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FACTS_FILE = "data/reference/procurement-bill/facts.json"
FACTS = json.loads((REPO / FACTS_FILE).read_text(encoding="utf-8"))
SAMPLES = REPO / "data" / "reference" / "parliament" / "samples"
OUT = Path(__file__).resolve().parent / "procurement-bill-2022-23"
HANSARD_BODIES = "bodies/hansard/"

BILLS = "https://bills-api.parliament.uk/api/v1"
MEMBERS = "https://members-api.parliament.uk/api"
COMMONS = "https://commonsvotes-api.parliament.uk/data"
LORDS = "https://lordsvotes-api.parliament.uk/data"
JSON_TYPE = {"Content-Type": "application/json; charset=utf-8"}

BILL = FACTS["bill"]
BILL_ID = BILL["bills_api_id"]
RECORDED_AT = "2026-11-23T00:00:00Z"  # when this reconstruction was written; nothing was recorded live
SESSION_ID = 9001001  # made up: no Bills API session id appears in any sample, and the API names none
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


def _publication_type(name: str) -> dict:
    for publication in _sample("bills_bill_512_publications.json")["publications"]:
        if publication["publicationType"]["name"] == name:
            return publication["publicationType"]
    raise KeyError(name)


def _bill_type_id(name: str) -> int:
    return next(t["id"] for t in _sample("bills_billtypes.json")["items"] if t["name"] == name)


def _commons_stage_type_id(name: str) -> int:
    return next(s["id"] for s in _sample("bills_stages_reference.json")["items"]
                if (s["house"], s["name"]) == ("Commons", name))


# ---------------------------------------------------------------------------------------------
# Facts, keyed for the shapes below
# ---------------------------------------------------------------------------------------------

PEOPLE = {person["made_up_id"]: person for person in FACTS["people"].values()}
PERSON_ID = {key: person["made_up_id"] for key, person in FACTS["people"].items()}
# The pack knows only these two abbreviations (README, Stage types); other stages have none.
ABBREVIATIONS = {"1st reading": "1R", "2nd reading": "2R"}


def _stage_type_id(stage: dict) -> int:
    """Commons stage types the sample names are real ids; the others are made up in FACTS."""
    return stage.get("made_up_stage_type_id") or _commons_stage_type_id(stage["name"])


STAGES = FACTS["stages"]
BILL_STAGE_ID = {stage["key"]: stage["made_up_bill_stage_id"] for stage in STAGES}


def _by_stage(records: list) -> dict:
    """FACTS records grouped by bill-stage id, in the order of the stages."""
    return {BILL_STAGE_ID[s["key"]]: [r for r in records if r["stage"] == s["key"]]
            for s in STAGES if any(r["stage"] == s["key"] for r in records)}


AMENDMENTS = _by_stage(FACTS["amendments"])
PING_PONG = _by_stage(FACTS["ping_pong"])
LORDS_DIVISION = FACTS["lords_division"]
COMMONS_DIVISIONS = FACTS["commons_divisions"]


def _or_omit(value):
    return OMIT if value is None else value


# ---------------------------------------------------------------------------------------------
# Response shapes
# ---------------------------------------------------------------------------------------------


def _party_or_none(member_id: int) -> dict | None:
    party = PEOPLE[member_id]["party"]
    return _party(party) if party else None


def bills_member(member_id: int) -> dict:
    """Bills API Member (a bill sponsor's member)."""
    person = PEOPLE[member_id]
    party = _party_or_none(member_id)
    return {"memberId": member_id, "name": person["name"], "party": party and party["name"],
            "partyColour": party and party["backgroundColour"], "house": person["house"],
            "memberPhoto": None, "memberPage": None, "memberFrom": person["membership_from"]}


def amendment_members(sponsors: list | None) -> list | None:
    """Bills API AmendmentMember list, in the record's order; isLead is left out where the
    record names the sponsors without saying who leads."""
    if sponsors is None:
        return None
    return [{**bills_member(PERSON_ID[s["person"]]), "sortOrder": order, "isLead": _or_omit(s["lead"])}
            for order, s in enumerate(sponsors, start=1)]


def lines(rows: list | None) -> list | None:
    """Bills API AmendmentLine list."""
    if rows is None:
        return None
    return [{"text": text, "indentation": indent, "hangingIndentation": None, "isImage": False, "imageType": None}
            for indent, text in rows]


def stage_summary(stage: dict, sort_order: int) -> dict:
    stage_id, bill_stage_id = _stage_type_id(stage), stage["made_up_bill_stage_id"]
    return {
        "id": bill_stage_id, "stageId": stage_id, "sessionId": SESSION_ID, "description": stage["name"],
        "abbreviation": ABBREVIATIONS.get(stage["name"]), "house": stage["house"],
        "stageSittings": [{"id": sitting["made_up_id"], "stageId": stage_id, "billStageId": bill_stage_id,
                           "billId": BILL_ID, "date": f"{sitting['date']}T00:00:00"} for sitting in stage["sittings"]],
        "sortOrder": sort_order,
    }


def all_stage_summaries() -> list[dict]:
    return [stage_summary(stage, order) for order, stage in enumerate(STAGES, start=1)]


def bill() -> dict:
    return {
        "billId": BILL_ID,
        "shortTitle": BILL["short_title"],
        "formerShortTitle": None,
        "currentHouse": "Unassigned",  # an Act (README: Acts have currentHouse Unassigned)
        "originatingHouse": BILL["originating_house"],
        "lastUpdate": OMIT,
        "billWithdrawn": None,  # it became an Act
        "isDefeated": False,  # it became an Act
        "billTypeId": _bill_type_id(BILL["bill_type"]),
        "introducedSessionId": SESSION_ID,  # session 2022-23
        "includedSessionIds": [SESSION_ID],  # the only session the record names
        "isAct": BILL["act"] is not None,
        "currentStage": all_stage_summaries()[-1],  # Royal Assent, 26 Oct 2023
        "longTitle": None, "summary": None,
        "sponsors": [{"member": bills_member(PERSON_ID[key]), "organisation": {"name": BILL["department"], "url": None},
                      "sortOrder": order} for order, key in enumerate(BILL["ministers_in_charge"], start=1)],
        "promoters": None, "petitioningPeriod": None, "petitionInformation": None,
        "agent": OMIT,
    }


def stages_page() -> dict:
    items = all_stage_summaries()
    return {"items": items, "totalResults": len(items), "itemsPerPage": 20}


def publications() -> dict:
    return {"billId": BILL_ID, "publications": [
        {"house": _or_omit(p["house"]), "id": p["made_up_id"], "title": p["title"],
         "publicationType": _publication_type(p["type"]),
         "displayDate": _or_omit(p["date"] and f"{p['date']}T00:00:00"), "links": [], "files": []}
        for p in FACTS["publications"]]}


def amendment(bill_stage_id: int, a: dict, *, detail: bool) -> dict:
    """Bills API AmendmentSearchItem, or AmendmentDetail with detail=True."""
    body = {
        "id": a["made_up_id"], "billId": BILL_ID, "billStageId": bill_stage_id, "statusIndicator": None,
        "decision": a["decision"], "decisionExplanation": a["decision_words"],
        "sponsors": amendment_members(a["sponsors"]),
        "amendmentId": a["made_up_id"], "amendmentType": _or_omit(a["type"]), "clause": a["clause"], "schedule": None,
        "pageNumber": None, "lineNumber": None, "amendmentPosition": a["position"], "marshalledListText": a["number"],
    }
    if not detail:
        return {**body, "summaryText": a["summary"]}
    return {**body, "amendmentLines": lines(a["text"]), "explanatoryTextPrefix": None, "explanatoryText": None,
            "amendmentNote": None, "amendmentLocation": None, "mainHeader": None}


def ping_pong_item(bill_stage_id: int, item: dict, *, detail: bool) -> dict:
    """Bills API ping-pong item: MotionSummary/PingPongAmendmentSummary, or their Detail forms."""
    body = {"id": item["made_up_id"], "billId": BILL_ID, "billStageId": bill_stage_id, "statusIndicator": None,
            "decision": item["decision"], "decisionExplanation": item["decision_words"],
            "sponsors": amendment_members(item["sponsors"]), "type": item["type"], "number": item["number"],
            "summary": item["summary"]}
    kind = item["type"].lower()
    if detail and kind == "motion":
        group = item["group_amendment"]
        amendments = group and [{"number": group["number"], "decision": group["decision"], "sortOrder": 1,
                                 "text": None, "sponsors": amendment_members(group["sponsors"])}]
        body["motionGroups"] = [{"text": item["group_text"] and lines([(0, item["group_text"])]),
                                 "amendments": amendments, "sortOrder": 1}]
    elif detail:
        body["amendmentGroups"] = None
    other = "amendment" if kind == "motion" else "motion"
    return {"type": item["type"], kind: body, other: OMIT}


def members_api_member(member_id: int) -> dict:
    """Members API GET /Members/{id}: {value: Member, links}."""
    person = PEOPLE[member_id]
    membership = {"membershipFrom": person["membership_from"], "membershipFromId": None,
                  "house": {"Commons": 1, "Lords": 2}[person["house"]],
                  "membershipStartDate": None, "membershipEndDate": None, "membershipEndReason": None,
                  "membershipEndReasonNotes": None, "membershipEndReasonId": None, "membershipStatus": None}
    return {"value": {"id": member_id, "nameListAs": None, "nameDisplayAs": person["name"], "nameFullTitle": None,
                      "nameAddressAs": None, "latestParty": _party_or_none(member_id), "gender": None,
                      "latestHouseMembership": membership, "thumbnailUrl": None}, "links": []}


def lords_division() -> dict:
    """Lords Votes DivisionViewModel. Member and teller lists are not recorded: empty arrays."""
    d = LORDS_DIVISION
    return {
        "divisionId": d["made_up_id"], "date": f"{d['date']}T00:00:00", "number": OMIT, "notes": None,
        "title": d["title"], "isWhipped": OMIT, "isGovernmentContent": not d["government_lost"],
        "authoritativeContentCount": d["content"], "authoritativeNotContentCount": d["not_content"],
        "divisionHadTellers": OMIT, "tellerContentCount": OMIT, "tellerNotContentCount": OMIT,
        "memberContentCount": OMIT, "memberNotContentCount": OMIT, "sponsoringMemberId": PERSON_ID[d["sponsor"]],
        "isHouse": None, "isInquorate": OMIT, "amendmentMotionNotes": d["notes"],
        "isGovernmentWin": not d["government_lost"], "remoteVotingStart": None, "remoteVotingEnd": None,
        "divisionWasExclusivelyRemote": OMIT, "contentTellers": [], "notContentTellers": [], "contents": [],
        "notContents": [],
    }


def commons_teller(key: str) -> dict:
    """Commons Votes RecordedMember: only the name is recorded."""
    return {"MemberId": PERSON_ID[key], "Name": FACTS["people"][key]["name"], "Party": OMIT, "SubParty": None,
            "PartyColour": OMIT, "PartyAbbreviation": None, "MemberFrom": OMIT, "ListAs": OMIT, "ProxyName": None}


def commons_division(d: dict) -> dict:
    """Commons Votes PublishedDivision with only what Votes and Proceedings records."""
    return {
        "DivisionId": d["made_up_id"], "Date": f"{d['date']}T00:00:00", "PublicationUpdated": OMIT,
        "Number": d["number"],
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


def _stage_words(stage: dict, unnamed: str) -> str:
    if stage["name"]:
        return f"{stage['house']} {stage['name']}"
    first = stage["sittings"][0]["date"]
    day = f"{int(first[8:])} {_MONTHS[int(first[5:7]) - 1]} {first[:4]}"
    return f"{stage['house']} {unnamed.format(day=day)}"


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _records():
    """Every reconstructed record: (key, what it is, its citation in FACTS, what else to say of it).
    Keys are the ids the bodies give the record (Hansard contributions, which have none, are
    "<debate ExtId>/contribution-<n>", n counting the debate's contributions from 1)."""
    yield BILL_ID, "Bills API bill id (Parliament's, given by the brief)", BILL["bills_api_id_cite"], {}
    yield (SESSION_ID, f"Bills API session id of session {BILL['session']} (no session id is in any sample)",
           BILL["cite"], {"session_name": BILL["session"]})
    for member_id, person in PEOPLE.items():
        yield member_id, f"Members API member id: {person['name']} ({person['house']})", person["cite"], {}
    for stage in STAGES:
        if "made_up_stage_type_id" in stage:
            yield (stage["made_up_stage_type_id"],
                   f"Bills API stage type id: {_stage_words(stage, 'stage of {day} (name not recorded)')}",
                   stage["cite"], {})
        yield (stage["made_up_bill_stage_id"], f"bill-stage id: {_stage_words(stage, 'stage of {day}')}",
               stage["cite"], {})
        for sitting in stage["sittings"]:
            yield (sitting["made_up_id"], f"sitting id: {_stage_words(stage, 'stage')} on {sitting['date']}",
                   sitting["cite"], {})
    for p in FACTS["publications"]:
        yield p["made_up_id"], f"publication id: {p['title']}", p["cite"], {}
    for stage_id, items in AMENDMENTS.items():
        for a in items:
            sitting = {k: v for k, v in a["sitting"].items() if k != "cite"} if "sitting" in a else None
            yield (a["made_up_id"], f"amendment id (id and amendmentId): {a['number'] or 'number not recorded'}"
                   f" at bill stage {stage_id}", a["cite"], {"sitting": sitting} if sitting else {})
    for stage_id, items in PING_PONG.items():
        for i in items:
            yield (i["made_up_id"], f"ping-pong item id: {i['type']} {i['number'] or '(number not recorded)'}"
                   f" at bill stage {stage_id}", i["cite"], {})
    yield (LORDS_DIVISION["made_up_id"], "Lords Votes divisionId: Motion 102A / Amendment 102B, 11 Sep 2023",
           LORDS_DIVISION["cite"], {})
    for d in COMMONS_DIVISIONS:
        yield d["made_up_id"], f"Commons Votes DivisionId: Division No. {d['number']}, 13 Jun 2023", d["cite"], {}
    for debate in FACTS["debates"]:
        ext_id = debate["ext_id"] or debate["made_up_ext_id"]
        made_up = "made-up ExtId" if debate["ext_id"] is None else "ExtId"
        yield ext_id, f"Hansard debate ({made_up}): {debate['house']}, {debate['date']}", debate["cite"], {}
        for order, item in enumerate(debate["contributions"], start=1):
            speaker = FACTS["people"][item["person"]]["name"] if item["person"] else item.get("attributed_to")
            extra = {"column_reference": item["column_reference"]} if "column_reference" in item else {}
            what = f"Hansard contribution {order}: {speaker or 'speaker not recorded'}"
            yield f"{ext_id}/contribution-{order}", what, item["cite"], extra


def made_up_ids() -> dict:
    ids = {key: what for key, what, _, _ in _records() if isinstance(key, int) and key >= 9000000}
    return {"range": "every made-up id is >= 9000000; all other ids are Parliament's (3159) or real sample values",
            "ids": {str(k): v for k, v in sorted(ids.items())}}


def _cited(cite: dict) -> dict:
    return {"account": cite["account"],
            "sources": [{"name": name, "url": FACTS["sources"][name]["url"]} for name in cite["sources"]]}


def reconstructed_records() -> dict:
    """Per record: what it is, the sources FACTS cites for it (a page links to these instead of
    Parliament's website, which knows none of the made-up ids), and what no API shape carries."""
    return {str(key): {"record": what, **_cited(cite), **extra} for key, what, cite, extra in _records()}


MANIFEST_TEXT = {
    "name": "procurement-bill-2022-23",
    "description": (
        'Procurement Bill [HL] 2022-23 (Bills API id 3159), now the Procurement Act 2023. RECONSTRUCTED, not '
        "recorded: no API response for this bill was ever captured, so these bodies are rebuilt in the APIs' "
        'shapes from the sourced record only (data/reference/procurement-bill/facts.json: each fact with its '
        'citation; reconstructed_records gives, per record, the sources cited for it). It covers the bill, its '
        'stages in both Houses with the sitting dates the record confirms, three prints (HL Bill 4, the HL Bill 147-I marshalled list, the Act), the '
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
         'confirms, and the Commons consideration of the Lords message on 13 Sep 2023 (Votes and Proceedings of '
         'that day, hansard/2023-09-13_commons_lords-message_votes-and-proceedings.txt)'),
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
        ('reconstructed_records: per record (keyed by the id its body gives it; a Hansard contribution by '
         '"<debate ExtId>/contribution-<n>"), what it is, the section of the account and the sources it cites '
         '(name and address, null where the source is a seed document with no address), and what no API shape '
         "carries: the session's name (session_name 2022-23 on the session id), Hansard column references "
         '(column_reference 825 c1830 and 823 cc554-7GC) and the sitting of Amendments 449 and 449A (sitting: '
         '18 Jul 2022, Grand Committee, Committee day 5)'),
    ],
    "omits": [
        'Bill long title, summary, lastUpdate; any stage, sitting or print the record does not give',
        ("Lords Committee days 1, 3 and 4: NEWS-2022 gives 4, 11 and 13 Jul 2022 only as 'scheduled ... subject to"
         " change'; only day 2 (6 Jul) and day 5 (18 Jul) are confirmed, so only those are sittings. Other autumn "
         'Committee days: not recorded'),
        'Public Bill Committee sittings 1 to 8 (dates not recorded; there were nine, the 9th on 21 Feb 2023)',
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
         "carry its made-up id and nothing else. The Bills API gives a session only as an id (no endpoint names "
         "sessions), so the name 2022-23 is in reconstructed_records."),
        ("Hansard column references: the Hansard API's DebateItem has no column field (HRSTag and HansardSection "
         "are tags, not columns) and DebateOverview only VolumeNo, so the columns the record gives (825 c1830 for "
         "Lord Scriven, 823 cc554-7GC for the Grand Committee contribution of 18 Jul 2022) are in "
         "reconstructed_records, on the contributions they belong to."),
        ("Kirsty Blackman and Sir Iain Duncan Smith: their Members API bodies are here, but no response the APIs "
         "would send names them (the record gives no words of theirs in a dated debate, no amendment they signed "
         "that it does not call an inference, and no division list), so they are reached through "
         "reconstructed_records and the facts file's stances, not through the bill's data."),
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
            "recorded_at": RECORDED_AT, "bills": [BILL_ID], "reconstructed": True, "reconstructed_from": FACTS_FILE,
            "made_up_ids": made_up_ids(), "covers": MANIFEST_TEXT["covers"], "omits": MANIFEST_TEXT["omits"],
            "notes": MANIFEST_TEXT["notes"], "reconstructed_records": reconstructed_records()}


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
        out += [(f"{url}/{i['made_up_id']}", f"{path}-{i['made_up_id']}.json", build(stage, i, detail=True))
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
