"""Snapshot replay and record, as docs/snapshot-format.md specifies."""

from __future__ import annotations

import json
import logging

import pytest

from tests.support.http_server import Reply, ScriptedServer
from tracker.http.client import build_session
from tracker.http.snapshot import NOT_IN_SNAPSHOT


@pytest.fixture
def snapshot(tmp_path):
    (tmp_path / "bodies").mkdir()
    (tmp_path / "bodies" / "stages.json").write_bytes(b'{"items": [], "totalResults": 0, "itemsPerPage": 20}')
    (tmp_path / "bodies" / "bill.xml").write_bytes(b"<bill/>")
    lines = [
        {"method": "GET", "url": "https://bills-api.parliament.uk/api/v1/Bills/3159/Stages?Skip=0&Take=20",
         "status": 200, "headers": {"Content-Type": "application/json; charset=utf-8"},
         "body": "bodies/stages.json"},
        {"method": "GET", "url": "https://example.org/search?SearchTerm=Procurement%20Bill&skip=0",
         "status": 200, "body": "bodies/bill.xml"},
    ]
    (tmp_path / "index.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1, "name": "t", "bills": [3159]}))
    return tmp_path


def test_replay_matches_whatever_the_query_order(snapshot):
    session = build_session(snapshot_dir=snapshot)
    response = session.get("https://bills-api.parliament.uk/api/v1/Bills/3159/Stages", params={"Take": 20, "Skip": 0})
    assert response.status_code == 200
    assert response.json()["itemsPerPage"] == 20
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"


def test_replay_decodes_encoded_values_and_defaults_content_type_from_extension(snapshot):
    response = build_session(snapshot_dir=snapshot).get(
        "https://example.org/search", params={"skip": "0", "SearchTerm": "Procurement Bill"})
    assert response.content == b"<bill/>"
    assert response.headers["Content-Type"] == "application/xml"


def test_replay_answers_unmatched_requests_404_and_logs_each_url_once(snapshot, caplog):
    session = build_session(snapshot_dir=snapshot)
    url = "https://bills-api.parliament.uk/api/v1/Bills/3159/Stages?Skip=20&Take=20"
    with caplog.at_level(logging.WARNING, logger="tracker.http.snapshot"):
        first, second = session.get(url), session.get(url)
    assert first.status_code == second.status_code == 404
    assert first.content == NOT_IN_SNAPSHOT
    assert [r.getMessage() for r in caplog.records] == [f"not in snapshot: {url}"]


def test_parameter_names_are_compared_exactly(snapshot):
    session = build_session(snapshot_dir=snapshot)
    response = session.get("https://bills-api.parliament.uk/api/v1/Bills/3159/Stages", params={"skip": 0, "take": 20})
    assert response.status_code == 404


def test_record_then_replay_round_trips_byte_for_byte(tmp_path, settings):
    settings.HTTP_RATE_LIMIT_PER_SECOND = 0
    body = json.dumps({"billId": 3159, "shortTitle": "Procurement Bill [HL]", "note": "é"}).encode()
    with ScriptedServer() as server:
        server.script["/api/v1/Bills/3159"] = [Reply(200, body, {"Content-Type": "application/json; charset=utf-8"})]
        server.script["/api/v1/Bills/3159/Publications"] = [Reply(404, b"gone", {"Content-Type": "text/plain"})]
        recording = build_session(record_dir=tmp_path / "rec")
        live = recording.get(f"{server.url}/api/v1/Bills/3159", params={"b": 2, "a": 1})
        recording.get(f"{server.url}/api/v1/Bills/3159/Publications")
    replayed = build_session(snapshot_dir=tmp_path / "rec").get(f"{server.url}/api/v1/Bills/3159?a=1&b=2")
    assert live.content == body
    assert replayed.content == body
    assert replayed.headers["Content-Type"] == "application/json; charset=utf-8"
    not_found = build_session(snapshot_dir=tmp_path / "rec").get(f"{server.url}/api/v1/Bills/3159/Publications")
    assert (not_found.status_code, not_found.content) == (404, b"gone")
    assert json.loads((tmp_path / "rec" / "manifest.json").read_text())["format"] == 1


def test_replay_and_record_cannot_be_combined(snapshot, tmp_path):
    with pytest.raises(ValueError):
        build_session(snapshot_dir=snapshot, record_dir=tmp_path / "rec")
