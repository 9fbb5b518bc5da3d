"""A crawl of the tracker loaded from the bundled Social Housing (Regulation) Bill [HL] snapshot
(its two real LawMaker prints, through the real fetch, parse, store and derive steps). The
ground truth is read straight from the prints' XML: a provision's LawMaker GUID is the same in
both prints, so each GUID gives its number in each print, the one left out, and whether its
words changed. Every page the crawl opens runs no more queries than the page's fixed bound."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from tests.clauses.test_clause_pages import MAX_CLAUSE_PAGE_QUERIES, MAX_CLAUSES_PAGE_QUERIES
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[2]
SNAPSHOT = REPO / "data/snapshots/social-housing-regulation-bill-2022-23"
PRINTS = REPO / "data/reference/parliament/bill-text"
LORDS_PRINT, COMMITTEE_PRINT = "As brought from the Lords", "As amended in Public Bill Committee"
FILES = {LORDS_PRINT: "lawmaker_social-housing-regulation-bill_commons_brought-from-lords.xml",
         COMMITTEE_PRINT: "lawmaker_social-housing-regulation-bill_commons_as-amended-in-committee.xml"}
NS = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
CLAUSES = "/bills/9160001/social-housing-regulation-bill-hl/clauses/"


@dataclass(frozen=True)
class Printed:
    label: str  # "Clause 25", "Schedule 1"
    words: str  # every printed word of it, numbers and headings aside


def printed_provisions(print_label: str) -> dict[str, Printed]:
    """GUID -> the provision as the print has it: the body's own clauses and schedules."""
    body = etree.parse(str(PRINTS / FILES[print_label])).getroot().find("akn:bill/akn:body", NS)
    found = {}
    for element in body.xpath(".//akn:section[not(ancestor::akn:quotedStructure)]"
                              " | .//akn:hcontainer[@name='schedule'][not(ancestor::akn:quotedStructure)]",
                              namespaces=NS):
        number = " ".join(element.find("akn:num", NS).itertext()).split()
        label = " ".join(number[:2]) if number[0] == "Schedule" else f"Clause {number[0]}"  # not its note
        heading = element.find("akn:heading", NS)
        lead = number + (" ".join(heading.itertext()).split() if heading is not None else [])
        words = " ".join(element.itertext()).split()  # the number and heading come first
        assert words[:len(lead)] == lead
        found[element.get("GUID")] = Printed(label, " ".join(words[len(lead):]))
    return found


def load_the_snapshot():
    run = scrape(bill_ids=[9160001], session=build_session(snapshot_dir=SNAPSHOT), source="bundled",
                 reconstructed=True)
    assert run.failed == 0


def numbers_shown(page: str) -> dict[str, str]:
    """Print label -> the number the clause page shows for it."""
    section = page[page.index('id="numbers"'):page.index('id="text"')]
    labels = re.findall(r'tracker-print-numbers__label">([^<]*)', section)
    numbers = re.findall(r'tracker-print-numbers__number">([^<]*)', section)
    return dict(zip(labels, numbers, strict=True))


def test_every_clause_of_both_prints_has_its_number_in_each_print_and_its_changes_marked(
        client, django_assert_max_num_queries):
    load_the_snapshot()
    lords, committee = printed_provisions(LORDS_PRINT), printed_provisions(COMMITTEE_PRINT)
    assert (len(lords), len(committee)) == (49, 48)
    clause_pages = {}  # url -> the row label in each print's table
    for print_key, truth in (("publication-9160201", lords), ("publication-9160202", committee)):
        with django_assert_max_num_queries(MAX_CLAUSES_PAGE_QUERIES):
            table = client.get(f"{CLAUSES}?print={print_key}").content.decode()
        rows = re.findall(r'<td class="govuk-table__cell tracker-nowrap">'
                          r'<a class="govuk-link" href="([^"]+)">([^<]+)</a>', table)
        assert sorted(label for _, label in rows) == sorted(p.label for p in truth.values())
        for url, label in rows:
            clause_pages.setdefault(url, set()).add(label)
    assert len(clause_pages) == 49  # 43 clauses in both, 1 left out, 5 schedules

    renumbered = changed = 0
    for guid, older in lords.items():
        newer = committee.get(guid)
        url = next(url for url, labels in clause_pages.items() if older.label in labels
                   and (newer is None or newer.label in labels))
        with django_assert_max_num_queries(MAX_CLAUSE_PAGE_QUERIES):
            page = client.get(url).content.decode()
        assert numbers_shown(page) == {LORDS_PRINT: older.label,
                                       COMMITTEE_PRINT: newer.label if newer else "Left out"}, url
        texts = page[page.index('id="text"'):page.index('id="history"')]
        if newer is None:
            continue
        renumbered += older.label != newer.label
        if older.words != newer.words:
            changed += 1
            diff = re.search(r'<p class="govuk-body tracker-diff">(.*?)</p>', texts, re.S)
            assert diff and re.search(r"<(ins|del)>", diff[1]), url
            assert "words added are <ins" in texts and "words taken out are <del" in texts
        else:
            assert "tracker-diff" not in texts and "The same words as in the previous print." in texts, url
    assert (renumbered, changed) == (20, 7)
    assert set(committee) <= set(lords)  # nothing new in committee


def test_the_clause_left_out_in_committee_shows_where_and_why(client):
    load_the_snapshot()
    table = client.get(f"{CLAUSES}?print=publication-9160201").content.decode()
    url = re.search(r'href="([^"]+)">Clause 24</a>', table)[1]
    page = html_lib.unescape(client.get(url).content.decode())
    assert "Standards relating to energy demand" in page
    status = page[page.index("Status now"):page.index('id="numbers"')]
    assert "Left out" in status and "Committee stage (Commons)" in status
    history = page[page.index('id="history"'):page.index('id="supporters"')]
    assert 'Clause 24 is not in the print "As amended in Public Bill Committee"' in history
    how = page[page.index('id="how-we-know"'):page.index('id="text"')]
    assert "it is not in “As amended in Public Bill Committee”: it was left out" in how
    assert "No version in the newer print carries its LawMaker GUID either." in how


def test_a_renumbered_clause_says_how_the_two_numbers_were_linked(client):
    load_the_snapshot()
    table = client.get(f"{CLAUSES}?print=publication-9160202").content.decode()
    url = re.search(r'href="([^"]+)">Clause 27</a>', table)[1]
    how = client.get(url).content.decode()
    how = html_lib.unescape(how[how.index('id="how-we-know"'):how.index('id="text"')])
    assert "Clause 28 in “As brought from the Lords” is Clause 27 in “As amended in Public Bill Committee”" in how
    assert "the same LawMaker GUID" in how
    assert re.search(r"the text matcher links the same two versions by their headings and words, "
                     r"with confidence 0\.9\d+", how)


def test_the_matrix_has_a_row_for_every_clause_and_schedule(client):
    load_the_snapshot()
    page = client.get(CLAUSES).content.decode()
    matrix = page[page.index('id="matrix"'):]
    assert len(re.findall(r'<th scope="row"', matrix)) == 49
    assert matrix.count('<abbr title="Left out">LO</abbr>') == 1
    assert 'id="table-clause">Clauses (43)' in page and 'id="table-schedule">Schedules (5)' in page
