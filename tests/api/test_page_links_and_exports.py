"""Each page that shows a resource links to the same records as JSON (with the page's filters)
and to its CSV where it has one; the CSVs analysts asked for that the pages lacked: the bill
list, and a member's amendments and votes."""

import csv
import re

import pytest

from tests.factories import BillFactory

pytestmark = pytest.mark.django_db
PAGES = {  # page: (its JSON, its CSV or None)
    "/bills/?act=yes": ("/api/v1/bills?act=yes", "/bills/list.csv?act=yes"),
    "/bills/3159/procurement-bill-hl/": ("/api/v1/bills/3159", None),
    "/bills/3159/procurement-bill-hl/clauses/": ("/api/v1/bills/3159/clauses",
                                                 "/bills/3159/procurement-bill-hl/clauses.csv"),
    "/bills/3159/procurement-bill-hl/clauses/amendment-9006001/": (
        "/api/v1/bills/3159/clauses/amendment-9006001",
        "/bills/3159/procurement-bill-hl/clauses/amendment-9006001/supporters.csv"),
    "/bills/3159/procurement-bill-hl/amendments/?sponsor=Alton&page=1": (
        "/api/v1/bills/3159/amendments?sponsor=Alton&page=1", "/bills/3159/procurement-bill-hl/amendments.csv?sponsor=Alton"),
    "/amendments/9006001/": ("/api/v1/amendments/9006001", None),
    "/divisions/commons/9008002/": ("/api/v1/divisions/commons/9008002", None),  # counts only: no vote lists
    "/bills/members/9000001/lord-alton-of-liverpool/": (
        "/api/v1/members/9000001", "/bills/members/9000001/lord-alton-of-liverpool/amendments.csv"),
}


def data_links(html: str) -> str:
    found = re.search(r'<p class="govuk-body-s tracker-data-links">(.*?)</p>', html, re.S)
    assert found, "no data links on the page"
    return found.group(1).replace("&amp;", "&")


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(b"".join(response.streaming_content).decode().splitlines()))


@pytest.mark.parametrize(("page", "expected"), PAGES.items())
def test_each_page_links_to_itself_as_json_and_its_csv_and_both_answer(client, procurement_bill, page, expected):
    json_url, csv_url = expected
    links = data_links(client.get(page).content.decode())
    assert f'href="{json_url}" type="application/json">This page as JSON</a>' in links
    assert client.get(json_url).status_code == 200
    if csv_url:
        assert f'href="{csv_url}" download>' in links
        assert client.get(csv_url)["Content-Type"] == "text/csv; charset=utf-8"
    else:
        assert " download>" not in links


def test_the_page_and_its_json_show_the_same_bills(client, both_bills):
    html = client.get("/bills/?q=housing").content.decode()
    json_url = re.search(r'href="([^"]+)" type="application/json"', html).group(1).replace("&amp;", "&")
    assert [b["short_title"] for b in client.get(json_url).json()["results"]] == [
        "Social Housing (Regulation) Bill [HL]"]
    assert "Social Housing (Regulation) Bill [HL]" in html


def test_an_empty_filter_from_the_pages_form_is_no_filter_in_the_api(client, both_bills):
    assert client.get("/api/v1/bills?q=&session=&house=&stage=&act=").json()["count"] == 2
    assert client.get("/api/v1/bills/3159/amendments?q=&decision=&sponsor=&party=").json()["count"] == 5


def test_the_bill_list_as_csv_with_the_lists_filters(client, both_bills):
    rows = csv_rows(client.get("/bills/list.csv"))
    assert rows[0] == ["Bill", "Long title", "Currently in", "Current stage", "Became an Act", "Act",
                       "Latest sitting", "Bill page"]
    assert rows[1] == ["Procurement Bill [HL]", "not recorded", "Both Houses / not assigned", "Royal Assent", "Yes",
                       "Procurement Act 2023 c. 54", "2023-10-26", "http://testserver/bills/3159/procurement-bill-hl/"]
    assert [row[0] for row in csv_rows(client.get("/bills/list.csv?act=no"))[1:]] == [
        "Social Housing (Regulation) Bill [HL]"]


def test_a_bill_title_that_a_spreadsheet_would_run_is_kept_as_text(client):
    BillFactory(short_title='=HYPERLINK("http://example.org","Example")')
    [row] = csv_rows(client.get("/bills/list.csv"))[1:]
    assert row[0] == '\'=HYPERLINK("http://example.org","Example")'


def test_a_members_amendments_and_motions_as_csv(client, procurement_bill):
    rows = csv_rows(client.get("/bills/members/9000001/lord-alton-of-liverpool/amendments.csv"))
    assert rows[0] == ["Number", "Bill", "Stage", "House", "Role", "Decision", "Page"]
    assert rows[1] == ["not recorded", "Procurement Bill [HL]", "Report stage", "Lords", "Lead", "Agreed to",
                       "http://testserver/amendments/9006001/"]
    assert {row[0] for row in rows[1:]} >= {"47A", "47B"}


def test_a_members_votes_as_csv(client, procurement_bill):
    rows = csv_rows(client.get("/bills/members/9000102/gerald-jones/votes.csv"))
    assert rows[0] == ["Date", "Bill", "House", "Division", "Vote", "Teller", "Division page"]
    [vote] = [row for row in rows[1:] if row[6].endswith("/divisions/commons/9008002/")]
    assert vote[:3] == ["2023-06-13", "Procurement Bill [HL]", "Commons"]
    assert vote[4:6] == ["Aye", "Yes"]
