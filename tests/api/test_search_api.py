"""/api/v1/search: the search page's results as JSON, each linked to its page and to its own
resource, which answers with the same thing."""

from __future__ import annotations

import pytest

from tests.test_public_pages_crawl import demo  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db
MAX_SEARCH_QUERIES = 2  # as the search page: the matches of each type, one ranked page


def api_search(client, **params):
    return client.get("/api/v1/search", params)


def test_surveillance_finds_clause_65_whose_api_link_gives_the_clause(client, demo):  # noqa: F811
    found = api_search(client, q="surveillance", type="clause").json()
    (clause_65,) = [r for r in found["results"] if r["title"] == "Clause 65: Timeline for removal of suppliers"]
    assert (clause_65["type"], clause_65["id"]) == ("clause", "3159/amendment-9006001")
    assert clause_65["links"]["page"] == "http://testserver/bills/3159/procurement-bill-hl/clauses/amendment-9006001/"
    assert "<mark>surveillance</mark>" in clause_65["snippet_html"].lower()
    clause = client.get(clause_65["links"]["api"]).json()
    assert clause["heading"] == "Timeline for removal of suppliers"


def test_counts_cover_every_type_whatever_the_filter(client, demo):  # noqa: F811
    found = api_search(client, q="surveillance", type="speech").json()
    assert found["counts"] == {"clause": 2, "amendment": 3, "speech": 6}
    assert found["count"] == 6 and {r["type"] for r in found["results"]} == {"speech"}
    assert all(r["links"]["api"] is None for r in found["results"])  # the API has no speech resource


def test_alton_finds_the_member_and_links_to_the_member_resource(client, demo):  # noqa: F811
    first = api_search(client, q="Alton").json()["results"][0]
    assert (first["type"], first["title"]) == ("member", "Lord Alton of Liverpool")
    assert client.get(first["links"]["api"]).json()["name"] == "Lord Alton of Liverpool"


def test_a_motion_between_the_houses_links_to_its_page_only(client, demo):  # noqa: F811
    (result,) = api_search(client, q="47B", type="amendment").json()["results"]
    assert result["title"] == "Amendment 47B (in Motion 47A)"
    assert result["links"] == {"page": "http://testserver/bills/3159/procurement-bill-hl/amendments/#ping-pong-9007001",
                               "api": None}


@pytest.mark.parametrize("params", [{"q": "x" * 2000}, {"q": "surveillance", "type": "speeches"},
                                    {"q": "a", "page": "0"}, {"q": "a", "page": "two"}])
def test_what_cannot_be_searched_is_a_400_that_says_why(client, demo, params):  # noqa: F811
    response = api_search(client, **params)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_no_words_is_no_results(client, demo):  # noqa: F811
    found = api_search(client, q='  "" ').json()
    assert (found["count"], found["results"], found["counts"]) == (0, [], {})


def test_queries_do_not_grow_with_the_results(client, demo, django_assert_max_num_queries):  # noqa: F811
    with django_assert_max_num_queries(MAX_SEARCH_QUERIES):
        assert api_search(client, q="the").status_code == 200
