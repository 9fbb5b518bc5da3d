"""The bundled snapshot of the Procurement Bill [HL] (bill 3159), reconstructed from the sourced
record (data/reference/procurement-bill/facts.json): every body exists, parses and matches the
official schema of its endpoint; the manifest is honest about being a reconstruction and cites
a source for every record; and the facts it carries are the record's."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "data/snapshots/procurement-bill-2022-23"
SCRIPTS = [REPO / "data/snapshots/reconstruct_procurement_bill.py",  # first: it keeps the Hansard index lines
           REPO / "data/snapshots/reconstruct_procurement_hansard.py"]
PACK = REPO / "data" / "reference" / "parliament"
FACTS_FILE = "data/reference/procurement-bill/facts.json"
FACTS = json.loads((REPO / FACTS_FILE).read_text(encoding="utf-8"))
VOTES_AND_PROCEEDINGS = PACK / "hansard/2023-06-13_commons_report_votes-and-proceedings.txt"
LORDS_MESSAGE_VOTES_AND_PROCEEDINGS = PACK / "hansard/2023-09-13_commons_lords-message_votes-and-proceedings.txt"
SCRIVEN_RECORD = PACK / "hansard/2022-11-30_lords_report_proceeding-contribution_lord-scriven.txt"
HANSARD_BODIES = "bodies/hansard/"
BILLS = "https://bills-api.parliament.uk/api/v1"
BILL = f"{BILLS}/Bills/3159"
LORDS = "https://lordsvotes-api.parliament.uk/data"

SPECS = {
    "bills-api.parliament.uk": "bills-api.json",
    "members-api.parliament.uk": "members-api.json",
    "commonsvotes-api.parliament.uk": "commonsvotes-api.json",
    "lordsvotes-api.parliament.uk": "lordsvotes-api.json",
    "hansard-api.parliament.uk": "hansard-api.json",
}
WEB_PAGE_HOSTS = {"hansard.parliament.uk"}  # HTML pages, which have no schema

# Swagger 2 cannot say "nullable". A property may be null in a Swagger 2 body only where a real
# response of that API sends null: these are the property names that are null in
# samples/commonsvotes_division_1873.json and samples/commonsvotes_divisions_search.json.
# The Hansard API has no sample, so none of its properties may be null.
SWAGGER2_SEEN_NULL = {
    "commonsvotes-api.json": frozenset({
        "AyeTellers", "NoTellers", "SubParty", "ProxyName", "PartyAbbreviation", "DoubleMajorityAyeCount",
        "DoubleMajorityNoCount", "FriendlyDescription", "FriendlyTitle", "RemoteVotingStart", "RemoteVotingEnd",
    }),
    "hansard-api.json": frozenset(),
}

# Ids that are Parliament's own: bill 3159 (the brief), bill types 1-9 (samples/bills_billtypes.json),
# Commons stage types (samples/bills_stages_reference.json), publication types 5, 6, 7
# (samples/bills_bill_512_publications.json), parties (samples/members_parties_stateoftheparties_*.json).
REAL_IDS = {3159, *range(1, 10), 6, 7, 8, 9, 10, 5, 4, 15, 17, 29}
COMMONS_STAGE_TYPES = {6: "1st reading", 7: "2nd reading", 8: "Committee stage", 9: "Report stage", 10: "3rd reading"}


def _index() -> list[dict]:
    lines = (SNAPSHOT / "index.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


INDEX = _index()
SAMPLE_BYTES = {path.read_bytes() for path in (PACK / "samples").glob("*.json")}
# Reconstructed bodies: not the Hansard ones (checked by their own builder) and not the
# byte-for-byte copies of real samples, whose ids are Parliament's.
OUR_LINES = [line for line in INDEX if not line["body"].startswith(HANSARD_BODIES)
             and (SNAPSHOT / line["body"]).read_bytes() not in SAMPLE_BYTES]


def _body(path: str):
    return json.loads((SNAPSHOT / path).read_text(encoding="utf-8"))


def _body_for(url: str):
    return _body(next(line["body"] for line in INDEX if line["url"] == url))


def _manifest() -> dict:
    return json.loads((SNAPSHOT / "manifest.json").read_text(encoding="utf-8"))


# --- official schemas ----------------------------------------------------------------------------


def _json_schema(node, seen_null: frozenset):
    """OpenAPI 3 / Swagger 2 schema -> JSON Schema: refs point at #/definitions, `nullable: true`
    admits null, and Swagger 2 properties admit null only when named in seen_null."""
    if isinstance(node, list):
        return [_json_schema(item, seen_null) for item in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "$ref":
            out[key] = "#/definitions/" + value.rsplit("/", 1)[1]
        elif key == "properties":
            out[key] = {name: _or_null(_json_schema(schema, seen_null), name in seen_null)
                        for name, schema in value.items()}
        elif key != "nullable":
            out[key] = _json_schema(value, seen_null)
    return _or_null(out, node.get("nullable") is True)


def _or_null(schema: dict, nullable: bool) -> dict:
    return {"anyOf": [schema, {"type": "null"}]} if nullable else schema


def _template_regex(template: str) -> re.Pattern:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("json" if part == "{format}" else "[^/]+" if part.startswith("{") else re.escape(part)
                              for part in parts) + "$")


def validator_for(url: str) -> jsonschema.Draft7Validator:
    """The validator of the 200 response of the spec path that this URL requests."""
    parts = urlsplit(url)
    spec_file = SPECS[parts.netloc]
    spec = json.loads((PACK / "openapi" / spec_file).read_text(encoding="utf-8"))
    path = unquote(parts.path)
    matches = [t for t in spec["paths"] if _template_regex(t).match(path)]
    assert matches, f"no path of {spec_file} matches {path}"
    template = min(matches, key=lambda t: t.count("{"))  # a literal segment beats a placeholder
    ok = spec["paths"][template]["get"]["responses"]["200"]
    response = ok["schema"] if "schema" in ok else ok["content"]["application/json"]["schema"]
    seen_null = SWAGGER2_SEEN_NULL.get(spec_file, frozenset())
    definitions = spec.get("definitions") or spec["components"]["schemas"]
    root = {"definitions": {name: _json_schema(s, seen_null) for name, s in definitions.items()},
            **_json_schema(response, seen_null)}
    return jsonschema.Draft7Validator(root)


def test_every_index_line_has_its_body_and_requests_are_unique():
    assert len(INDEX) > 40
    for line in INDEX:
        assert line["method"] == "GET" and line["status"] == 200
        assert (SNAPSHOT / line["body"]).is_file(), line["body"]
    keys = [(line["url"].split("?")[0], tuple(sorted(urlsplit(line["url"]).query.split("&")))) for line in INDEX]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("line", INDEX, ids=[line["body"] for line in INDEX])
def test_body_parses_and_matches_the_official_schema_of_its_endpoint(line):
    host = urlsplit(line["url"]).netloc
    if host in WEB_PAGE_HOSTS:
        assert (SNAPSHOT / line["body"]).stat().st_size > 0
        return
    body = _body(line["body"])
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator_for(line["url"]).iter_errors(body)]
    assert errors == []


def test_schema_check_rejects_what_the_spec_forbids():
    check = validator_for(BILL)
    good = _body_for(BILL)
    assert check.is_valid(good) and check.is_valid({**good, "summary": None})
    assert not check.is_valid({**good, "billId": None})  # not nullable
    assert not check.is_valid({**good, "isAct": "yes"})
    assert not check.is_valid({**good, "actName": "Procurement Act 2023"})  # no such field
    division = _body("bodies/commonsvotes/division-9008002.json")
    commons = validator_for("https://commonsvotes-api.parliament.uk/data/division/9008002.json")
    assert not commons.is_valid({**division, "Title": None})  # never seen null in a real response


# --- the manifest and the made-up ids -------------------------------------------------------------


def test_manifest_says_it_is_a_reconstruction_and_made_up_ids_are_high():
    manifest = _manifest()
    assert manifest["format"] == 1 and manifest["bills"] == [3159]
    assert manifest["reconstructed"] is True
    assert manifest["reconstructed_from"] == FACTS_FILE and (REPO / FACTS_FILE).is_file()
    made_up = [int(i) for i in manifest["made_up_ids"]["ids"]]
    assert len(made_up) > 50 and min(made_up) >= 9000000
    assert manifest["covers"] and manifest["omits"]


def _leaves(value, key: str = ""):
    """Every (key, scalar) in a JSON body; a list item carries the key of its list."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item, key)
    else:
        yield key, value


def _ids_in(body):
    return {(key, value) for key, value in _leaves(body)
            if isinstance(value, int) and not isinstance(value, bool) and key.lower().endswith(("id", "ids"))}


def test_every_id_is_parliaments_a_real_samples_or_a_listed_made_up_one():
    listed = {int(i) for i in _manifest()["made_up_ids"]["ids"]}
    found = set().union(*(_ids_in(_body(line["body"])) for line in OUR_LINES))
    strays = {(key, value) for key, value in found if value not in REAL_IDS and value not in listed}
    assert strays == set()
    assert {value for _, value in found if value >= 9000000} == listed


# --- facts ----------------------------------------------------------------------------------------


def test_bill_is_the_procurement_bill_hl_a_government_bill_that_became_an_act():
    bill = _body_for(BILL)
    assert bill["shortTitle"] == "Procurement Bill [HL]"
    assert (bill["originatingHouse"], bill["currentHouse"], bill["isAct"]) == ("Lords", "Unassigned", True)
    bill_types = {t["id"]: t["name"] for t in _body_for(f"{BILLS}/BillTypes?Skip=0&Take=20")["items"]}
    assert bill_types[bill["billTypeId"]] == "Government Bill"
    assert [s["member"]["name"] for s in bill["sponsors"]] == [
        "Lord True", "Baroness Neville-Rolfe", "Jeremy Quin", "Alex Burghart"]
    assert {s["organisation"]["name"] for s in bill["sponsors"]} == {"Cabinet Office"}


def test_royal_assent_is_the_current_stage_sitting_on_26_october_2023():
    stage = _body_for(BILL)["currentStage"]
    assert (stage["description"], stage["house"]) == ("Royal Assent", "Unassigned")
    assert [s["date"] for s in stage["stageSittings"]] == ["2023-10-26T00:00:00"]
    assert _body_for(f"{BILL}/Stages?Skip=0&Take=20")["items"][-1] == stage


def test_stages_carry_only_the_sitting_dates_the_record_confirms():
    page = _body_for(f"{BILL}/Stages?Skip=0&Take=20")
    assert page["totalResults"] == len(page["items"]) <= 20
    sittings = [(s["house"], s["description"], [d["date"][:10] for d in s["stageSittings"]]) for s in page["items"]]
    assert sittings == [
        ("Lords", "1st reading", ["2022-05-11"]),
        ("Lords", "2nd reading", ["2022-05-25"]),
        ("Lords", "Committee stage", ["2022-07-06", "2022-07-18", "2022-10-24"]),  # days 2 and 5, and 24 Oct
        ("Lords", "Report stage", ["2022-11-28", "2022-11-30"]),
        ("Lords", "3rd reading", ["2022-12-13"]),
        ("Commons", "1st reading", ["2022-12-14"]),
        ("Commons", "2nd reading", ["2023-01-09"]),
        ("Commons", "Committee stage", ["2023-02-21"]),  # 9th sitting only
        ("Commons", "Report stage", ["2023-06-13"]),
        ("Commons", "3rd reading", ["2023-06-13"]),
        ("Lords", "Consideration of Commons amendments", ["2023-09-11"]),
        ("Commons", "Consideration of Lords message", ["2023-09-13"]),  # Votes and Proceedings of that day
        ("Lords", None, ["2023-10-25"]),
        ("Unassigned", "Royal Assent", ["2023-10-26"]),
    ]
    for stage in page["items"]:
        if stage["house"] == "Commons" and stage["stageId"] < 9000000:
            assert COMMONS_STAGE_TYPES[stage["stageId"]] == stage["description"]
        assert stage["abbreviation"] in (None, "1R", "2R")


def test_the_act_is_a_publication_of_type_act_of_parliament():
    publications = _body_for(f"{BILL}/Publications")["publications"]
    acts = [p for p in publications if p["publicationType"]["name"] == "Act of Parliament"]
    assert [a["title"] for a in acts] == ["Procurement Act 2023 c. 54"]
    assert {p["title"] for p in publications} >= {"HL Bill 4"}
    assert all(p["links"] == [] and p["files"] == [] for p in publications)


def _stage_id(house: str, description: str | None) -> int:
    items = _body_for(f"{BILL}/Stages?Skip=0&Take=20")["items"]
    return next(s["id"] for s in items if (s["house"], s["description"]) == (house, description))


def _ping_pong_url(house: str, description: str) -> str:
    return f"{BILL}/Stages/{_stage_id(house, description)}/PingPongItems?Skip=0&Take=20"


def test_alton_new_clause_at_lords_report_with_its_four_sponsors_in_order():
    stage = _stage_id("Lords", "Report stage")
    listed = _body_for(f"{BILL}/Stages/{stage}/Amendments?Skip=0&Take=20")["items"]
    (clause,) = [a for a in listed if a["summaryText"] == ["Timeline for removal of suppliers"]]
    detail = _body_for(f"{BILL}/Stages/{stage}/Amendments/{clause['amendmentId']}")
    assert [(s["name"], s["isLead"]) for s in detail["sponsors"]] == [
        ("Lord Alton of Liverpool", True), ("Lord Blencathra", False), ("Lord Fox", False), ("Lord Coaker", False)]
    assert (detail["amendmentType"], detail["amendmentPosition"]) == ("AddClauseOrSchedule", "After Clause 61")
    assert detail["marshalledListText"] is None  # its number is not recorded
    assert detail["amendmentLines"][0]["text"] == "Timeline for removal of suppliers"
    assert detail["amendmentLines"][-1]["text"] == "(2) The Secretary of State must lay the timeline before Parliament."


def test_lords_division_on_motion_102a_amendment_102b_was_156_to_151():
    search = _body_for(f"{LORDS}/Divisions/search?SearchTerm=Procurement%20Bill&skip=0&take=25")
    (division,) = search
    assert _body_for(f"{LORDS}/Divisions/{division['divisionId']}") == division
    assert (division["authoritativeContentCount"], division["authoritativeNotContentCount"]) == (156, 151)
    assert division["date"] == "2023-09-11T00:00:00"
    assert "Motion 102A / Amendment 102B" in division["amendmentMotionNotes"]
    assert "number" not in division  # the division number is not recorded


def test_motion_102a_is_agreed_and_the_commons_disagree_with_102b():
    lords = _body_for(_ping_pong_url("Lords", "Consideration of Commons amendments"))
    motions = {i["motion"]["number"]: i["motion"] for i in lords["items"]}
    assert motions["102A"]["decision"] == "AgreedOnDivision" and motions["47A"]["decision"] == "NoDecision"
    commons = _body_for(_ping_pong_url("Commons", "Consideration of Lords message"))
    amendments = {i["amendment"]["number"]: i["amendment"] for i in commons["items"] if i["type"] == "Amendment"}
    assert amendments["102B"]["decision"] == "Disagreed"


def test_commons_divisions_252_and_253_are_those_in_votes_and_proceedings():
    text = VOTES_AND_PROCEEDINGS.read_text(encoding="utf-8")
    recorded = {int(n): (int(ayes), a.split(", "), int(noes), b.split(", ")) for n, ayes, a, noes, b in re.findall(
        r"Division No\. (\d+)\s+Ayes: (\d+) \(Tellers: ([^)]+)\)\s+Noes: (\d+) \(Tellers: ([^)]+)\)", text)}
    search = _body_for("https://commonsvotes-api.parliament.uk/data/divisions.json/search"
                       "?queryParameters.searchTerm=Procurement%20Bill&queryParameters.skip=0&queryParameters.take=25")
    ours = {d["Number"]: (d["AyeCount"], [t["Name"] for t in d["AyeTellers"]], d["NoCount"],
                          [t["Name"] for t in d["NoTellers"]]) for d in search}
    assert ours == recorded == {252: (231, ["Mary Glindon", "Gerald Jones"], 282, ["Ruth Edwards", "Jacob Young"]),
                                253: (230, ["Gerald Jones", "Mary Glindon"], 280, ["Ruth Edwards", "Jacob Young"])}


def test_public_bill_committee_vote_is_on_the_amendment_not_a_commons_division():
    stage = _stage_id("Commons", "Committee stage")
    (deletion,) = _body_for(f"{BILL}/Stages/{stage}/Amendments?Skip=0&Take=20")["items"]
    assert (deletion["amendmentType"], deletion["clause"]) == ("DeleteClauseOrSchedule", 65)
    assert "eight votes against five" in deletion["decisionExplanation"]
    assert deletion["sponsors"] is None  # the member is not recorded
    counts = {(d["AyeCount"], d["NoCount"]) for line in OUR_LINES if "commonsvotes" in line["url"]
              for d in ([_body(line["body"])] if "/division/" in line["url"] else _body(line["body"]))}
    assert not counts & {(8, 5), (5, 8)}


def test_amendment_and_motion_texts_are_the_records_own_words():
    cited = {t for record in FACTS["amendments"] + FACTS["ping_pong"] for _, t in _leaves(record)
             if isinstance(t, str)}
    texts = {t for line in OUR_LINES if "/Amendments" in line["url"] or "/PingPongItems" in line["url"]
             for key, t in _leaves(_body(line["body"]))
             if key in ("summaryText", "text", "summary", "decisionExplanation") and isinstance(t, str)}
    assert len(texts) >= 15
    assert [t for t in texts if t not in cited] == []


# --- what the APIs cannot carry, and the citation of every record ---------------------------------


def test_every_record_the_snapshot_makes_up_cites_its_sources_in_the_manifest():
    manifest = _manifest()
    records = manifest["reconstructed_records"]
    assert set(manifest["made_up_ids"]["ids"]) <= set(records)
    for key, record in records.items():
        assert record["record"] and record["sources"], key
        for source in record["sources"]:
            assert source["url"] is None or source["url"].startswith("https://"), (key, source)
    # a made-up id never leads to Parliament's website: the sources are what a page links to
    alton = records["9000001"]
    assert {s["name"] for s in alton["sources"]} == {"seed 001", "PP-ALTON"}


def test_the_session_is_named_2022_23_beside_its_made_up_id():
    (session_id,) = _body_for(BILL)["includedSessionIds"]
    assert session_id >= 9000000
    assert _manifest()["reconstructed_records"][str(session_id)]["session_name"] == "2022-23"


def _contribution_key(speaker: str, house: str, date: str) -> str:
    for line in INDEX:
        if "/debates/debate/" in line["url"]:
            debate = _body(line["body"])
            if (debate["Overview"]["House"], debate["Overview"]["Date"][:10]) == (house, date):
                order = [i.get("AttributedTo") for i in debate["Items"]].index(speaker) + 1
                return f"{debate['Overview']['ExtId']}/contribution-{order}"
    raise AssertionError((speaker, house, date))


def test_hansard_column_references_are_carried_on_their_contributions():
    records = _manifest()["reconstructed_records"]
    scriven = records[_contribution_key("Lord Scriven", "Lords", "2022-11-30")]
    assert scriven["column_reference"] == "825 c1830"
    assert "Reference\n825 c1830" in SCRIVEN_RECORD.read_text(encoding="utf-8")  # the real record says so
    alton = records[_contribution_key("Lord Alton of Liverpool", "Lords", "2022-07-18")]
    assert alton["column_reference"] == "823 cc554-7GC"
    assert sum("column_reference" in r for r in records.values()) == 2  # no other column is recorded


def test_amendments_449_and_449a_were_before_grand_committee_on_18_july_2022():
    stage = _stage_id("Lords", "Committee stage")
    listed = _body_for(f"{BILL}/Stages/{stage}/Amendments?Skip=0&Take=20")["items"]
    records = _manifest()["reconstructed_records"]
    assert {a["marshalledListText"]: records[str(a["amendmentId"])]["sitting"]["date"] for a in listed} == {
        "449": "2022-07-18", "449A": "2022-07-18"}
    sittings = [s for s in _body_for(f"{BILL}/Stages?Skip=0&Take=20")["items"] if s["id"] == stage][0]["stageSittings"]
    assert "2022-07-18T00:00:00" in [s["date"] for s in sittings]


def test_the_commons_sitting_of_13_september_2023_is_the_one_votes_and_proceedings_records():
    text = LORDS_MESSAGE_VOTES_AND_PROCEEDINGS.read_text(encoding="utf-8")
    assert "Wednesday 13 September 2023" in text and "Procurement Bill [Lords]: Consideration of Lords Message" in text
    stage = _stage_id("Commons", "Consideration of Lords message")
    (stage_body,) = [s for s in _body_for(f"{BILL}/Stages?Skip=0&Take=20")["items"] if s["id"] == stage]
    (sitting,) = stage_body["stageSittings"]
    cited = _manifest()["reconstructed_records"][str(sitting["id"])]["sources"]
    assert [s["name"] for s in cited] == ["hansard/2023-09-13_commons_lords-message_votes-and-proceedings.txt"]


def test_blackman_and_duncan_smith_are_members_with_the_records_parties():
    for member_id, name, party, seat in ((9000016, "Kirsty Blackman", "Scottish National Party", None),
                                         (9000017, "Sir Iain Duncan Smith", "Conservative",
                                          "Chingford and Woodford Green")):
        member = _body_for(f"https://members-api.parliament.uk/api/Members/{member_id}")["value"]
        assert (member["nameDisplayAs"], member["latestParty"]["name"]) == (name, party)
        assert member["latestHouseMembership"]["membershipFrom"] == seat


# --- reproducibility -------------------------------------------------------------------------------


def _run_script(path: Path, out: Path) -> None:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.write(out)


def test_scripts_rewrite_the_snapshot_byte_for_byte(tmp_path):
    for script in SCRIPTS:
        _run_script(script, tmp_path)
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {p.relative_to(SNAPSHOT).as_posix() for p in SNAPSHOT.rglob("*") if p.is_file()}
    for name in written:
        assert (tmp_path / name).read_bytes() == (SNAPSHOT / name).read_bytes(), name
