"""The clause table as a CSV download: the rows the clauses page shows for the chosen print,
"not recorded" where the record is silent, cells a spreadsheet cannot run as formulas, and a
number of queries that does not grow with the bill; and the cell rule itself."""

from __future__ import annotations

import csv

import pytest

from tests.clauses.test_clause_procurement import ALTON_CLAUSE, BROUGHT_FROM_LORDS, load
from tests.factories import bill_with_clause_amendments
from tracker.clauses.derive import bill_clauses_derive
from tracker.clauses.models import Clause, ClauseVersion, Print
from tracker.exports import EMPTY, csv_cell

CLAUSES_CSV = "/bills/3159/procurement-bill-hl/clauses.csv"
HEADER = ["Kind", "Number", "Heading", "Status now", "Last change stage", "Last change House", "Last change date",
          "Supporters and opponents", "Clause page"]
MAX_CLAUSES_CSV_QUERIES = 8  # the clauses page's selector (whole lists), nothing more


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(b"".join(response.streaming_content).decode().splitlines()))


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+2", "'=1+2"), ("+44 20", "'+44 20"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\r=x", "'\r=x"), ("Lord Fox", "Lord Fox"), ("a=b", "a=b"), (None, "not recorded"), ("", "not recorded"),
    (0, "0"), (EMPTY, ""),
])
def test_a_cell_is_not_recorded_when_blank_and_never_a_formula(value, cell):
    assert csv_cell(value) == cell


# The bundled Procurement Bill snapshot


@pytest.mark.django_db
def test_the_alton_clause_row_in_the_bill_brought_from_the_lords(client):
    load()
    response = client.get(f"{CLAUSES_CSV}?print={BROUGHT_FROM_LORDS}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == \
        f'attachment; filename="procurement-bill-hl-clauses-{BROUGHT_FROM_LORDS}.csv"'
    header, *rows = csv_rows(response)
    assert header == HEADER
    assert ["Clause", "65", "Timeline for removal of suppliers", "Not enacted", "Royal Assent", "Unassigned",
            "2023-10-26", "4 supporting: 4 signed the amendment; left out by an amendment (number not recorded), agreed "
            "to on division (by eight votes against five. All committee members voted along party lines.); members' "
            "votes not recorded; 1 spoke on it without a side recorded",
            f"http://testserver/bills/3159/procurement-bill-hl/clauses/{ALTON_CLAUSE}/"] in rows

    html = client.get("/bills/3159/procurement-bill-hl/clauses/").content.decode()
    assert f'href="{CLAUSES_CSV}?print={BROUGHT_FROM_LORDS}" download>Download as CSV' in html


# The synthetic Example Bill of tests/factories.py


@pytest.fixture
def example_bill(db):
    bill = bill_with_clause_amendments(clauses=3, amendments=8)
    bill_clauses_derive(bill=bill)
    return bill


NONE = "no support recorded; no opposition recorded"  # never "0" opposing


def clauses_csv(bill) -> str:
    return f"/bills/{bill.bills_api_id}/{bill.slug}/clauses.csv"


def test_the_chosen_print_and_by_default_the_latest(client, example_bill):
    report = Print.objects.filter(bill=example_bill).order_by("position").last()
    clause_page = f"http://testserver/bills/{example_bill.bills_api_id}/{example_bill.slug}/clauses/"
    new_clause = Clause.objects.get(bill=example_bill, key__startswith="amendment-")
    assert new_clause.heading.startswith("Example new clause ")

    response = client.get(clauses_csv(example_bill))
    assert response["Content-Disposition"] == f'attachment; filename="{example_bill.slug}-clauses-{report.key}.csv"'
    assert [row[:4] + row[7:] for row in csv_rows(response)[1:]] == [
        ["Clause", "1", "not recorded", "not recorded", NONE, f"{clause_page}{report.key}-clause-1/"],
        ["Clause", "2", "not recorded", "Amended", NONE, f"{clause_page}{report.key}-clause-2/"],
        ["Clause", "3", "not recorded", "not recorded", NONE, f"{clause_page}{report.key}-clause-3/"],
        ["Clause", "not recorded", new_clause.heading, "Inserted", "2 supporting: 2 signed the amendment; "
         "no opposition recorded", f"{clause_page}{new_clause.key}/"],
    ]


def test_a_formula_heading_is_kept_as_text_and_a_wrong_slug_keeps_the_print(client, example_bill):
    introduced = Print.objects.filter(bill=example_bill).order_by("position").first()
    ClauseVersion.objects.filter(print=introduced, number="2").update(heading="=HYPERLINK(\"http://example.org\")")
    rows = csv_rows(client.get(f"{clauses_csv(example_bill)}?print={introduced.key}"))
    assert [row[:6] for row in rows[1:]] == [
        ["Clause", "1", "not recorded", "Left out", "Committee stage", "Commons"],
        ["Clause", "2", "'=HYPERLINK(\"http://example.org\")", "Introduced", "1st reading", "Commons"],
        ["Clause", "3", "not recorded", "Introduced", "1st reading", "Commons"],
    ]
    response = client.get(f"/bills/{example_bill.bills_api_id}/wrong/clauses.csv?print={introduced.key}")
    assert (response.status_code, response["Location"]) == (301, f"{clauses_csv(example_bill)}?print={introduced.key}")


@pytest.mark.django_db
def test_the_download_runs_as_many_queries_at_200_clauses_as_at_10(client, django_assert_max_num_queries):
    counts = []
    for clauses, amendments in ((10, 40), (200, 1000)):
        bill = bill_with_clause_amendments(clauses=clauses, amendments=amendments)
        bill_clauses_derive(bill=bill)
        with django_assert_max_num_queries(MAX_CLAUSES_CSV_QUERIES) as captured:
            rows = csv_rows(client.get(clauses_csv(bill)))
        assert len(rows) == 1 + clauses + 1  # the header, the clauses and the new clause
        counts.append(len(captured))
    assert counts[0] == counts[1]
