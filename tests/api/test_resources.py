"""Each API resource on the bundled snapshots: the Procurement Bill [HL] (reconstructed from a
sourced account) and the Social Housing (Regulation) Bill [HL] (its two real LawMaker prints)."""

import re

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from amendments.models import Amendment
from bills.models import Bill, Member
from tracker.corrections.services import override_save
from tracker.made_up_ids import is_made_up

from .conftest import PROCUREMENT, SOCIAL_HOUSING

pytestmark = pytest.mark.django_db
CLAUSE_65 = "amendment-9006001"  # Lord Alton's new clause, Clause 65 as brought from the Lords


def as_json(value) -> str:
    """A date and time as the API writes it (to the millisecond)."""
    return DjangoJSONEncoder().default(value)


def get(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def test_the_bill_list_filters_as_the_page_does_and_links_each_bill(client, both_bills):
    listed = get(client, "/api/v1/bills")
    assert [b["short_title"] for b in listed["results"]] == ["Procurement Bill [HL]",
                                                              "Social Housing (Regulation) Bill [HL]"]
    procurement = listed["results"][0]
    assert procurement["is_act"] is True and procurement["last_sitting"] == "2023-10-26"
    assert procurement["links"] == {"self": "http://testserver/api/v1/bills/3159",
                                    "page": "http://testserver/bills/3159/procurement-bill-hl/"}
    assert [b["bills_api_id"] for b in get(client, "/api/v1/bills?act=yes")["results"]] == [PROCUREMENT]
    assert [b["bills_api_id"] for b in get(client, "/api/v1/bills?q=housing")["results"]] == [SOCIAL_HOUSING]
    assert get(client, "/api/v1/bills?house=Lords")["count"] == 0


def test_the_bill_list_pages_with_next_and_previous_links_keeping_the_filters(client, both_bills):
    first = get(client, "/api/v1/bills?q=bill&per_page=1")
    assert (first["count"], first["pages"], first["previous"]) == (2, 2, None)
    assert first["next"] == "http://testserver/api/v1/bills?q=bill&per_page=1&page=2"
    second = client.get(first["next"]).json()
    assert second["next"] is None and second["previous"] == "http://testserver/api/v1/bills?q=bill&per_page=1&page=1"
    assert {first["results"][0]["bills_api_id"], second["results"][0]["bills_api_id"]} == {PROCUREMENT, SOCIAL_HOUSING}


def test_a_bill_with_its_sponsors_stages_sittings_publications_and_what_next(client, procurement_bill):
    bill = get(client, "/api/v1/bills/3159")
    assert (bill["short_title"], bill["act_name"], bill["originating_house"]) == (
        "Procurement Bill [HL]", "Procurement Act 2023 c. 54", "Lords")
    assert bill["source_url"] == "https://bills.parliament.uk/bills/3159"
    assert "Lord True" in [s["name"] for s in bill["sponsors"]]
    royal_assent = bill["stages"][-1]
    assert royal_assent["description"] == "Royal Assent" and royal_assent["is_current"]
    assert [s["date"] for s in royal_assent["sittings"]] == ["2023-10-26"]
    assert bill["what_next"]["finished"] and bill["what_next"]["name"] is None
    assert bill["resources"] == {"clauses": "http://testserver/api/v1/bills/3159/clauses",
                                 "amendments": "http://testserver/api/v1/bills/3159/amendments"}
    for stage in bill["stages"]:  # follows from the real stage list, not made up
        assert stage["house"] in ("Commons", "Lords", "Unassigned")


def test_clause_65_its_number_in_every_print_its_history_and_its_ledger(client, procurement_bill):
    clause = get(client, f"/api/v1/bills/3159/clauses/{CLAUSE_65}")
    assert (clause["label"], clause["heading"], clause["status"]) == (
        "Clause 65", "Timeline for removal of suppliers", "Not enacted")
    words = [n["words"] for n in clause["numbers"]]
    assert words[:4] == ["Not yet proposed", "Proposed here, after Clause 61", "Clause 65", "Left out"]
    assert words[-1] == "Not in the Act"
    assert [v["number"] for v in clause["versions"]] == ["65"]
    assert clause["proposed_by"] == "http://testserver/api/v1/amendments/9006001"
    supporting = [p["member"]["name"] for p in clause["ledger"]["supporting"]]
    for name in ("Lord Alton of Liverpool", "Lord Blencathra", "Lord Coaker", "Lord Fox",
                 "Tim Loughton", "Alicia Kearns", "Kirsty Blackman", "Sir Iain Duncan Smith"):
        assert supporting.count(name) == 1, name
    assert len(supporting) == 8
    assert clause["ledger"]["decisions"], "the committee's removal, naming no one, is opposition the record shows"
    assert "Left out" in [step["label"] for step in clause["history"]]
    assert clause["links"]["page"] == "http://testserver/bills/3159/procurement-bill-hl/clauses/amendment-9006001/"
    assert clause["links"]["supporters_csv"].endswith("/clauses/amendment-9006001/supporters.csv")


def test_the_clause_list_gives_the_same_record_as_the_clause(client, procurement_bill):
    listed = get(client, "/api/v1/bills/3159/clauses")
    found = next(c for c in listed["results"] if c["key"] == CLAUSE_65)
    assert found == get(client, f"/api/v1/bills/3159/clauses/{CLAUSE_65}")
    assert listed["prints"][0]["label"] == "As introduced" and listed["prints"][-1]["key"] == "act"


def test_the_social_housing_bills_clauses_across_its_two_real_prints(client, social_housing_bill):
    listed = get(client, "/api/v1/bills/9160001/clauses?per_page=100")
    assert listed["count"] == 49
    assert [p["label"] for p in listed["prints"]] == ["As brought from the Lords", "As amended in Public Bill Committee"]
    energy = next(c for c in listed["results"] if c["heading"] == "Standards relating to energy demand")
    assert [n["words"] for n in energy["numbers"]] == ["Clause 24", "Left out"]
    committee = listed["prints"][1]["key"]
    in_committee_print = get(client, f"/api/v1/bills/9160001/clauses?print={committee}&per_page=100")
    assert energy["key"] not in [c["key"] for c in in_committee_print["results"]]
    assert in_committee_print["count"] == 48


def test_an_amendment_with_its_sponsors_decision_and_the_ledger_of_the_clause_it_inserts(client, procurement_bill):
    amendment = get(client, "/api/v1/amendments/9006001")
    assert amendment["stage"] == "Report stage" and amendment["house"] == "Lords"
    assert amendment["sponsors"][0]["member"]["name"] == "Lord Alton of Liverpool"
    assert amendment["sponsors"][0]["is_lead"] is True
    [inserted] = amendment["clause_ledgers"]
    assert inserted["label"] == "Clause 65"
    assert inserted["ledger"] == get(client, f"/api/v1/bills/3159/clauses/{CLAUSE_65}")["ledger"]
    assert amendment["source_url"] is None, "a made-up id never becomes a link to Parliament's site"


def test_an_amendment_carries_the_exchange_between_the_houses_over_the_clause_it_inserts(client, procurement_bill):
    """Lord Alton named Clause 65 with Amendment 47B in Motion 47A: the amendment that inserted
    Clause 65 carries that thread, whole, as the bill's amendments give it."""
    [thread] = get(client, "/api/v1/amendments/9006001")["threads"]
    bill_threads = get(client, "/api/v1/bills/3159/amendments")["threads"]
    assert thread == next(t for t in bill_threads if t["amendment"] == "47")
    assert thread["steps"][0]["label"] == "Motion 47A (Amendment 47B)"
    assert get(client, "/api/v1/amendments/9006002")["threads"] == [], "Amendment 449 touches no clause"


def test_a_bills_amendments_with_the_ping_pong_thread_over_amendment_47(client, procurement_bill):
    found = get(client, "/api/v1/bills/3159/amendments")
    [thread] = [t for t in found["threads"] if t["amendment"] == "47"]
    labels = " ".join(step["label"] for step in thread["steps"])
    assert "47A" in labels and "47B" in labels
    items = {item["bills_api_id"]: item for item in found["ping_pong_items"]}
    assert all(step["ping_pong_item"] in items for step in thread["steps"])
    assert found["links"]["csv"] == "http://testserver/bills/3159/procurement-bill-hl/amendments.csv"
    filtered = get(client, "/api/v1/bills/3159/amendments?sponsor=Alton")
    assert [a["bills_api_id"] for a in filtered["results"]] == [9006001]
    assert filtered["threads"] == [], "as on the page: threads are shown only unfiltered"


def test_a_division_with_its_counts_and_tellers(client, procurement_bill):
    division = get(client, "/api/v1/divisions/commons/9008002")
    assert (division["number"], division["date"], division["for_count"], division["against_count"]) == (
        252, "2023-06-13", 231, 282)
    assert division["title"].startswith("Procurement Bill [Lords]: New Clause NC10")
    tellers = [v["member"]["name"] for v in division["votes"] if v["is_teller"]]
    assert "Gerald Jones" in tellers
    assert division["source_url"] is None
    assert division["links"]["csv"] == "http://testserver/divisions/commons/9008002/votes.csv"


def test_a_member_with_their_amendments_and_words_in_debate(client, procurement_bill):
    alton = Member.objects.get(name_display_as="Lord Alton of Liverpool")
    member = get(client, f"/api/v1/members/{alton.members_api_id}")
    assert (member["name"], member["party"], member["house"]) == ("Lord Alton of Liverpool", "Crossbench", "Lords")
    numbers = [a["number"] for a in member["amendments"]]
    assert "47A" in numbers and "47B" in numbers
    assert member["amendments"][0]["api"] == "http://testserver/api/v1/amendments/9006001"
    assert member["contributions"][0]["text"].startswith("My Lords, I begin by thanking the Minister.")
    assert member["contributions_total"] >= len(member["contributions"])


def test_no_answer_links_to_parliaments_sites_from_a_made_up_id(client, both_bills):
    """Made-up ids are 9,000,000 and up: no address on a Parliament site is built from one (the
    real Hansard addresses the account cites stay), and what would have been is null."""
    assert get(client, "/api/v1/bills/9160001")["source_url"] is None
    assert get(client, "/api/v1/amendments/9006001")["source_url"] is None
    addresses = []
    for url in ("/api/v1/bills/3159", "/api/v1/bills/9160001", "/api/v1/bills/9160001/clauses?per_page=100",
                "/api/v1/amendments/9006001", "/api/v1/divisions/commons/9008002",
                f"/api/v1/bills/3159/clauses/{CLAUSE_65}", "/api/v1/bills/3159/amendments", "/api/v1/members/9000001"):
        addresses += re.findall(r'https?://[^"]*parliament\.uk[^"]*', client.get(url).content.decode())
    assert "https://bills.parliament.uk/bills/3159" in addresses  # real ids do link
    for address in addresses:
        assert not any(is_made_up(part) for part in re.split(r"[/?=&#.]", address)), address


def test_a_value_an_editor_corrected_is_served_corrected_with_the_reason(client, procurement_bill,
                                                                        django_capture_on_commit_callbacks):
    bill = Bill.objects.get(bills_api_id=PROCUREMENT)
    before = client.get("/api/v1/bills/3159")["ETag"]
    with django_capture_on_commit_callbacks(execute=True):  # the correction's commit bumps the edit version
        override = override_save(obj=bill, field="long_title", value="Example long title set by an editor",
                                 reason="An example correction made by this test.", user=None)
    corrected = client.get("/api/v1/bills/3159")
    assert corrected["ETag"] != before, "an editor's change renders the resource afresh"
    assert corrected.json()["long_title"] == "Example long title set by an editor"
    [correction] = corrected.json()["corrected"]
    assert (correction["field"], correction["reason"]) == ("long title", "An example correction made by this test.")
    assert correction["corrected_at"] == as_json(override.updated_at)
    assert get(client, "/api/v1/bills")["results"][0]["corrected"][0]["field"] == "long title"


def test_a_clause_read_from_a_corrected_record_says_which_of_its_values_rest_on_it(client, procurement_bill,
                                                                                   django_capture_on_commit_callbacks):
    """Clause 65's place is read from the amendment inserting it: corrected there, it is marked here,
    in the clause and in the bill's clause list alike."""
    assert get(client, f"/api/v1/bills/3159/clauses/{CLAUSE_65}")["corrected"] == []
    with django_capture_on_commit_callbacks(execute=True):
        override = override_save(obj=Amendment.objects.get(bills_api_id=9006001), field="position",
                                 value="After Clause 60", reason="An example correction made by this test.", user=None)
    clause = get(client, f"/api/v1/bills/3159/clauses/{CLAUSE_65}")
    assert clause["corrected"] == [{"field": "number", "reason": "An example correction made by this test.",
                                    "corrected_at": as_json(override.updated_at)}]
    listed = get(client, "/api/v1/bills/3159/clauses")["results"]
    assert next(c for c in listed if c["key"] == CLAUSE_65) == clause


def test_an_amendments_corrected_field_is_served_with_its_reason_and_when(client, procurement_bill,
                                                                          django_capture_on_commit_callbacks):
    amendment = Amendment.objects.get(bills_api_id=9006001)
    with django_capture_on_commit_callbacks(execute=True):
        override = override_save(obj=amendment, field="position", value="After Clause 60",
                                 reason="An example correction made by this test.", user=None)
    served = get(client, "/api/v1/amendments/9006001")
    assert served["position"] == "After Clause 60"
    assert served["corrected"] == [{"field": "position", "reason": "An example correction made by this test.",
                                    "corrected_at": as_json(override.updated_at)}]
