"""The amendments and division vote lists as CSV downloads: the same rows the pages show (every
matching amendment, not one page), the page's filters, cells a spreadsheet cannot run as
formulas, and a number of queries that does not grow with the amendments."""

from __future__ import annotations

import csv

import pytest

from amendments.models import Division
from tests.amendments.example_responses import amendment_detail, amendment_item, amendment_responses, sponsor
from tests.amendments.example_responses import scrape_example as run_scrape
from tests.amendments.test_divisions_store import example_division, with_division
from tests.amendments.test_procurement_bill import AMENDMENTS_PAGE, scrape_bundled
from tests.amendments.test_views import MAX_QUERIES, bill_with

# As measured: the amendments page's selector, then the matching amendments with their sponsors
# and divisions in rounds of up to 2,000.
MAX_AMENDMENTS_CSV_QUERIES = 19  # with the editors' corrections (one query, and the content types' first lookup)
# and the division links of the motions between the Houses (one query)

pytestmark = pytest.mark.django_db
AMENDMENTS_CSV = "/bills/3159/procurement-bill-hl/amendments.csv"
HEADER = ["Number", "Stage", "House", "Target", "Decision", "Lead sponsor", "Other sponsors", "Division",
          "Division page", "Amendment page"]
ALTON_ROW = ["not recorded", "Report stage", "Lords", "New clause or schedule: Timeline for removal of suppliers",
             "Agreed to", "Lord Alton of Liverpool", "Lord Blencathra; Lord Fox; Lord Coaker", "none linked",
             "none linked", "http://testserver/amendments/9006001/"]
EXAMPLE_CSV = "/bills/9000001/example-bill/amendments.csv"


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(b"".join(response.streaming_content).decode().splitlines()))


# The bundled Procurement Bill snapshot


@pytest.fixture
def procurement(db):
    scrape_bundled()


def test_the_download_is_a_csv_attachment_named_after_the_bill(procurement, client):
    response = client.get(AMENDMENTS_CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="procurement-bill-hl-amendments.csv"'
    assert csv_rows(response)[0] == HEADER


def test_the_alton_new_clause_has_its_four_names_in_order_and_no_recorded_number(procurement, client):
    rows = csv_rows(client.get(AMENDMENTS_CSV))[1:]
    assert ALTON_ROW in rows
    by_number = {row[0]: row for row in rows}
    assert by_number["449"][5:7] == ["Lord Hunt of Kings Heath", "none"]
    assert by_number["449A"][5:7] == ["not recorded", "Lord Berkeley; Lord Clement-Jones"]  # lead not recorded
    amendments = [row for row in rows if not row[3].startswith("Between the Houses")]
    assert len(amendments) == 5
    motions = {row[0]: row for row in rows if row[3].startswith("Between the Houses")}
    assert motions["47A"][3:6] == ["Between the Houses: Motion (Amendment 47B)", "No decision recorded",
                                   "Lord Alton of Liverpool"]
    assert motions["47A"][9].endswith("/bills/3159/procurement-bill-hl/amendments/#ping-pong-9007001")


@pytest.mark.parametrize(("query", "first_columns"), [
    ("decision=Agreed", [ALTON_ROW[:3], ["A", "not recorded", "Lords"]]),  # Motion A: its stage has no name recorded
    ("sponsor=berkeley", [["449A", "Committee stage", "Lords"]]),
    ("q=449a&page=2", [["449A", "Committee stage", "Lords"]]),  # the page it came from is ignored
])
def test_the_pages_filters_apply(procurement, client, query, first_columns):
    assert [row[:3] for row in csv_rows(client.get(f"{AMENDMENTS_CSV}?{query}"))[1:]] == first_columns


def test_the_page_links_to_the_download_with_its_filters_but_not_its_page_number(procurement, client):
    html = client.get(f"{AMENDMENTS_PAGE}?decision=Agreed&sponsor=&page=1").content.decode()
    assert f'href="{AMENDMENTS_CSV}?decision=Agreed&amp;sponsor=" download>Download as CSV' in html


def test_a_wrong_slug_redirects_with_the_filters(procurement, client):
    response = client.get("/bills/3159/wrong/amendments.csv?decision=Agreed")
    assert (response.status_code, response["Location"]) == (301, f"{AMENDMENTS_CSV}?decision=Agreed")


def test_a_lords_division_without_vote_lists_offers_no_download(procurement, client):
    division = Division.objects.get(house="Lords")
    assert "votes.csv" not in client.get(division.get_absolute_url()).content.decode()
    assert csv_rows(client.get(f"{division.get_absolute_url()}votes.csv")) == [["Member", "Party", "Vote", "Teller"]]


# The synthetic Example Bill, scraped from spec-shaped responses


def test_example_amendments_with_their_division_and_a_formula_name_kept_as_text(tmp_path, client):
    formula_lead = sponsor(9000203, 1, True) | {"name": "=HYPERLINK(\"http://example.org\",\"Example\")"}
    items = [
        amendment_item(9000301, "1", decision="NegativedOnDivision", sponsors=[formula_lead]),
        amendment_item(9000302, "NC1", clause=None, amendment_type="AddClauseOrSchedule",
                       sponsors=[sponsor(9000201, 1, None), sponsor(9000202, 2, None)]),
        amendment_item(9000303, None, decision="NotMoved", clause=2),
    ]
    details = {9000302: amendment_detail(items[1], lines=("-Example new clause heading", "(1) Example text."))}
    run_scrape(tmp_path, {**amendment_responses(items, details=details), **with_division(example_division())},
               "exports")

    assert csv_rows(client.get(EXAMPLE_CSV))[1:] == [  # in the page's order: clauses, then new clauses
        ["1", "2nd reading", "Commons", "Clause 1, page 1, line 5", "Negatived on division",
         "'=HYPERLINK(\"http://example.org\",\"Example\")", "none", "Commons division No. 9 on 2 January 2024",
         "http://testserver/divisions/commons/9000901/", "http://testserver/amendments/9000301/"],
        ["not recorded", "2nd reading", "Commons", "Clause 2, page 1, line 5", "Not moved", "not recorded",
         "not recorded", "none linked", "none linked", "http://testserver/amendments/9000303/"],
        ["NC1", "2nd reading", "Commons", "New clause or schedule: -Example new clause heading", "No decision recorded",
         "not recorded", "Example Member 9000201; Example Member 9000202", "none linked", "none linked",
         "http://testserver/amendments/9000302/"],
    ]


def test_example_division_votes_with_tellers_marked(tmp_path, client):
    run_scrape(tmp_path, with_division(example_division()), "votes")
    page = client.get("/divisions/commons/9000901/").content.decode()
    assert 'href="/divisions/commons/9000901/votes.csv" download>Download as CSV' in page

    response = client.get("/divisions/commons/9000901/votes.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="example-bill-commons-division-9000901-votes.csv"'
    assert csv_rows(response) == [
        ["Member", "Party", "Vote", "Teller"],
        ["Example Member 9000581", "Example Party", "Aye", "No"],
        ["Example Member 9000582", "Example Party", "Aye", "No"],
        ["Example Member 9000583", "Example Party", "No", "No"],
        ["Example Member 9000591", "Example Party", "Aye", "Yes"],
        ["Example Member 9000592", "Example Party", "No", "Yes"],
    ]


# Query counts on generated data


def counted(client, django_assert_max_num_queries, url: str, most: int) -> tuple[int, list[list[str]]]:
    """The queries a download runs, reading it to its end, and its rows."""
    with django_assert_max_num_queries(most) as captured:
        rows = csv_rows(client.get(url))
    return len(captured), rows


PING_PONG_ITEMS = 10  # bill_with's motions between the Houses, listed after the amendments


def test_the_downloads_run_the_same_queries_for_10_amendments_as_for_1000(client, django_assert_max_num_queries):
    sizes = {}
    for amendments, voters in ((10, 6), (1000, 600)):
        bill, _, division = bill_with(amendments, voters=voters)
        listed = counted(client, django_assert_max_num_queries,
                         f"/bills/{bill.bills_api_id}/{bill.slug}/amendments.csv", MAX_AMENDMENTS_CSV_QUERIES)
        votes = counted(client, django_assert_max_num_queries, f"{division.get_absolute_url()}votes.csv",
                        MAX_QUERIES["division"])
        assert (len(listed[1]), len(votes[1])) == (1 + amendments + PING_PONG_ITEMS, 1 + voters)
        sizes[amendments] = (listed[0], votes[0])
    assert sizes[10] == sizes[1000]
