"""The bundled snapshot of the Social Housing (Regulation) Bill [HL], built from its two real
LawMaker prints alone: the script rewrites it byte for byte; every JSON body matches the
official schema of its endpoint; the prints are served, unchanged, at the Bills API's document
download address the publications name; the manifest is honest about what is made up."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tests.test_bundled_snapshot import validator_for

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = REPO / "data/snapshots/social-housing-regulation-bill-2022-23"
SCRIPT = REPO / "data/snapshots/reconstruct_social_housing_bill.py"
PROCUREMENT_MANIFEST = REPO / "data/snapshots/procurement-bill-2022-23/manifest.json"
PRINTS = REPO / "data/reference/parliament/bill-text"
SPEC = REPO / "data/reference/parliament/openapi/bills-api.json"
BILLS = "https://bills-api.parliament.uk/api/v1"
BILL = f"{BILLS}/Bills/9160001"
SHARED_SESSION = 9001001  # the Procurement snapshot's made-up id for session 2022-23, reused on purpose

INDEX = [json.loads(line) for line in (SNAPSHOT / "index.jsonl").read_text(encoding="utf-8").splitlines()]
JSON_LINES = [line for line in INDEX if line["headers"]["Content-Type"].startswith("application/json")]


def _body(url: str):
    return json.loads((SNAPSHOT / next(line["body"] for line in INDEX if line["url"] == url)).read_text("utf-8"))


def _manifest() -> dict:
    return json.loads((SNAPSHOT / "manifest.json").read_text(encoding="utf-8"))


def test_script_rewrites_the_snapshot_byte_for_byte(tmp_path):
    spec = importlib.util.spec_from_file_location("reconstruct_social_housing_bill", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.write(tmp_path)
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    bundled = sorted(p.relative_to(SNAPSHOT).as_posix() for p in SNAPSHOT.rglob("*") if p.is_file())
    assert written == bundled
    for name in written:
        assert (tmp_path / name).read_bytes() == (SNAPSHOT / name).read_bytes(), name


@pytest.mark.parametrize("line", JSON_LINES, ids=[line["body"] for line in JSON_LINES])
def test_every_json_body_matches_the_official_schema_of_its_endpoint(line):
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in validator_for(line["url"]).iter_errors(json.loads((SNAPSHOT / line["body"]).read_bytes()))]
    assert errors == []


def test_each_print_is_served_unchanged_where_its_publication_says_the_bills_api_serves_it():
    spec_paths = json.loads(SPEC.read_text(encoding="utf-8"))["paths"]
    assert "/api/v1/Publications/{publicationId}/Documents/{documentId}/Download" in spec_paths
    by_url = {line["url"]: line for line in INDEX}
    publications = _body(f"{BILL}/Publications")["publications"]
    assert [p["title"] for p in publications] == [
        "Bill 206: As amended in Public Bill Committee", "Bill 177: As brought from the Lords"]
    for publication in publications:
        assert publication["links"] == [] and publication["publicationType"]["name"] == "Bill"
        (document,) = publication["files"]
        line = by_url[f"{BILLS}/Publications/{publication['id']}/Documents/{document['id']}/Download"]
        body = (SNAPSHOT / line["body"]).read_bytes()
        assert body == (PRINTS / document["filename"]).read_bytes()
        assert (document["contentType"], document["contentLength"]) == ("application/xml", len(body))
        assert line["headers"] == {"Content-Type": "application/xml"}
    assert {line["url"] for line in INDEX} == {
        BILL, f"{BILL}/Stages?Skip=0&Take=20", f"{BILL}/Publications", f"{BILLS}/BillTypes?Skip=0&Take=20",
        f"{BILLS}/Stages?Skip=0&Take=20", *(f"{BILLS}/Publications/{p['id']}/Documents/{p['files'][0]['id']}/Download"
                                           for p in publications)}


def test_the_bill_says_only_what_the_prints_say():
    bill = _body(BILL)
    assert (bill["shortTitle"], bill["originatingHouse"], bill["currentHouse"]) == (
        "Social Housing (Regulation) Bill [HL]", "Lords", "Commons")
    assert bill["longTitle"].endswith("about the terms of approved schemes for the investigation of housing "
                                      "complaints; and for connected purposes.")
    assert bill["sponsors"] is None and "currentStage" not in bill and "lastUpdate" not in bill
    (stage,) = _body(f"{BILL}/Stages?Skip=0&Take=20")["items"]
    assert (stage["house"], stage["description"], stage["stageSittings"]) == ("Commons", "Committee stage", [])


def test_the_manifest_lists_every_made_up_id_and_none_collides_with_the_procurement_snapshot():
    manifest = _manifest()
    assert manifest["format"] == 1 and manifest["bills"] == [9160001] and manifest["reconstructed"] is True
    assert all((REPO / source).is_file() for source in manifest["reconstructed_from"])
    listed = {int(i) for i in manifest["made_up_ids"]["ids"]}
    found = {value for line in JSON_LINES
             for _, value in _id_leaves(json.loads((SNAPSHOT / line["body"]).read_bytes())) if value >= 9000000}
    assert found == listed and min(listed) >= 9000000
    procurement = {int(i) for i in json.loads(PROCUREMENT_MANIFEST.read_text(encoding="utf-8"))["made_up_ids"]["ids"]}
    assert listed & procurement == {SHARED_SESSION}
    assert all(9160000 <= i < 9170000 for i in listed - {SHARED_SESSION})


def _id_leaves(value, key: str = ""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _id_leaves(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _id_leaves(item, key)
    elif isinstance(value, int) and not isinstance(value, bool) and key.lower().endswith(("id", "ids")):
        yield key, value

