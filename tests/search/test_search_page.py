"""The search page on the bundled snapshots, as `make run` loads them: the four searches an
analyst tried, grouping, the type filter, pages, and the same number of queries whatever is
found. Runs on SQLite (FTS5) and, with DATABASE_URL, on PostgreSQL (the GIN-indexed vector)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.test_public_pages_crawl import demo  # noqa: F401  (a fixture)
from tracker.search.selectors import PER_PAGE, search

pytestmark = pytest.mark.django_db
CLAUSE_65 = "/bills/3159/procurement-bill-hl/clauses/amendment-9006001/"
MAX_SEARCH_QUERIES = 2  # the matches of each type, and one ranked page of results


def results(response) -> list[tuple[str, str]]:
    """(link, title) of each result, in page order."""
    html = response.content.decode()
    return [(href, unescape(title)) for href, title in
            re.findall(r'<li class="tracker-search-results__item">\s*<a class="[^"]*" href="([^"]+)">([^<]+)</a>', html)]


def group_headings(response) -> list[str]:
    return [unescape(h) for h in re.findall(r'<h2 class="govuk-heading-m" id="results-\w+">([^<]+)<', response.content.decode())]


def test_clause_65_finds_the_procurement_bills_clause_65_first(client, demo):  # noqa: F811
    response = client.get("/search/", {"q": "Clause 65"})
    assert response.status_code == 200
    assert results(response)[0] == (CLAUSE_65, "Clause 65: Timeline for removal of suppliers")


def test_47b_finds_the_amendment_in_motion_47a(client, demo):  # noqa: F811
    response = client.get("/search/", {"q": "47B", "type": "amendment"})
    assert results(response) == [("/bills/3159/procurement-bill-hl/amendments/#ping-pong-9007001",
                                  "Amendment 47B (in Motion 47A)")]


def test_alton_finds_the_member_first(client, demo):  # noqa: F811
    response = client.get("/search/", {"q": "Alton"})
    assert results(response)[0] == ("/bills/members/9000001/lord-alton-of-liverpool/", "Lord Alton of Liverpool")
    assert group_headings(response)[0].strip() == "Members"


def test_surveillance_finds_the_clause_the_amendments_and_the_speeches_that_say_it(client, demo):  # noqa: F811
    response = client.get("/search/", {"q": "surveillance"})
    links = [link for link, _ in results(response)]
    assert CLAUSE_65 in links
    assert "/amendments/9006001/" in links and "/amendments/9006005/" in links
    assert any(link.startswith("/hansard/debates/") for link in links)
    assert {"Clauses", "Amendments", "Speeches"} <= {h.strip() for h in group_headings(response)}
    assert "<mark>surveillance</mark>" in response.content.decode()


def test_counts_per_type_and_the_filter_keep_one_type(client, demo):  # noqa: F811
    everything = search("surveillance")
    assert everything.counts == {"clause": 2, "amendment": 3, "speech": 6}
    response = client.get("/search/", {"q": "surveillance", "type": "speech"})
    html = response.content.decode()
    assert "6 results for <strong>surveillance</strong> among speeches" in html
    assert 'href="?q=surveillance&amp;type=clause">Clauses (2)</a>' in html
    assert all(link.startswith("/hansard/debates/") for link, _ in results(response))


def test_a_quoted_phrase_matches_the_words_together(demo):  # noqa: F811
    together = search('"supply chain"')
    apart = search('"chain supply"')
    assert together.counts and not apart.counts
    assert "<mark>supply</mark> <mark>chain</mark>" in together.results[0].snippet


def test_welsh_letters_search_without_error(client, demo):  # noqa: F811
    response = client.get("/search/", {"q": "Gŵyl ŷd ŵ"})
    assert response.status_code == 200
    assert "0 results for <strong>Gŵyl ŷd ŵ</strong>" in response.content.decode()


def test_results_come_a_page_at_a_time_at_a_stable_address(client, demo):  # noqa: F811
    first = search("procurement", page=1)
    assert first.total > PER_PAGE, "the snapshots hold more than a page of matches"
    second = search("procurement", page=2)
    assert len(first.results) == PER_PAGE and second.results
    assert not {r.id for r in first.results} & {r.id for r in second.results}
    assert search("procurement", page=2) == second  # the same address gives the same page
    assert search("procurement", page=999).page == first.pages
    response = client.get("/search/", {"q": "procurement", "page": "2"})
    assert f"page 2 of {first.pages}" in response.content.decode()
    assert [link for link, _ in results(response)] == [r.url for g in second.groups for r in g.results]


def test_the_page_runs_the_same_queries_whatever_it_finds(client, demo, django_assert_max_num_queries):  # noqa: F811
    for query in ("procurement", "surveillance", "Clause 65", "nothing-matches-this"):
        with django_assert_max_num_queries(MAX_SEARCH_QUERIES):
            assert client.get("/search/", {"q": query}).status_code == 200


def test_every_page_has_the_search_box_in_its_header(client, demo):  # noqa: F811
    for path in ("/", "/bills/", CLAUSE_65, "/search/?q=Alton"):
        html = client.get(path).content.decode()
        assert re.search(r'<form class="tracker-site-search" role="search" aria-label="Site search" method="get" action="/search/">', html), path
        assert '<label class="govuk-visually-hidden" for="site-search">' in html
    assert 'id="site-search" name="q" type="search" value="Alton"' in client.get("/search/?q=Alton").content.decode()
