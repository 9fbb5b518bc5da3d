"""Whatever is typed in the box (garbage, NUL bytes, a database's operators, any page or
type), search answers 200 or 400, never 500; and what it shows of the input is escaped."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

SNAPSHOT = REPO / "data/snapshots/procurement-bill-2022-23"
FUZZ = settings(max_examples=200, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
OPERATORS = ['"', "'", "*", ":", "&", "|", "!", "(", ")", "-", "^", "<->", "NEAR", "AND", "OR", "NOT", "\\", "%",
             "{", "}", "\x00", "ŵ", "ŷ", " ", "47B", "Clause"]

queries = st.one_of(
    st.text(max_size=2000),
    st.lists(st.sampled_from(OPERATORS), max_size=60).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1990, max_size=2000),
)


@pytest.fixture
def loaded(db, settings):
    settings.DEBUG = False
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=SNAPSHOT), source="snapshot")
    return Client(raise_request_exception=False)


@FUZZ
@given(q=queries, type=st.one_of(st.none(), st.sampled_from(["bill", "clause", "speech", "x", ""]), st.text(max_size=20)),
       page=st.one_of(st.none(), st.integers(min_value=-10**20, max_value=10**20).map(str), st.text(max_size=10)))
def test_search_answers_200_or_400_never_500(loaded, q, type, page):
    params = {"q": q, **({"type": type} if type is not None else {}), **({"page": page} if page is not None else {})}
    assert loaded.get("/search/", params).status_code in (200, 400), params


@pytest.mark.parametrize(("params", "status"), [
    ({"q": "a" * 2000}, 400),
    ({"q": "surveil\x00lance"}, 400),
    ({"q": "surveillance", "type": "bills"}, 400),
    ({"q": 'surveillance" OR "a" NEAR(b c) -d*'}, 200),
    ({"q": "surveillance", "page": "-3"}, 200),
    ({"q": "surveillance", "page": "99999999999999999999"}, 200),
])
def test_known_bad_inputs(loaded, params, status):
    assert loaded.get("/search/", params).status_code == status


def test_the_refusal_says_why_and_escapes_what_was_typed(loaded):
    response = loaded.get("/search/", {"q": "<script>x</script>" + "a" * 600})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Search for at most 500 characters." in html
    assert "<script>x" not in html and "&lt;script&gt;x" in html
