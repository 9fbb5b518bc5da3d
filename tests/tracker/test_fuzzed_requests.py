"""Property tests: whatever goes into a public URL's ids and slugs, its query string or a
public form (NUL bytes, huge numbers, long or odd text), the answer is never a 500.

Every public URL pattern is taken from the resolver (all but the admin), so a new page is
fuzzed without being listed here. Runs on the bundled snapshot, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

SNAPSHOT = REPO / "data/snapshots/procurement-bill-2022-23"
CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
REAL = ["3159", "9006002", "9007001", "9008002", "9000001", "procurement-bill-hl", "commons", "lords", "bill",
        "member", "clause", "5D74C5CD-FACB-43DB-BC2E-653F8C7DFD92", "amendment-9006001"]
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

values = st.one_of(
    st.sampled_from(REAL),
    st.text(max_size=300),
    st.text(alphabet="\x00abc-_09%", max_size=40),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
)
QUERY_NAMES = ["q", "page", "print", "session", "house", "stage", "act", "decision", "sponsor", "party", "format"]


def public_routes(patterns=None, prefix: str = "") -> list[str]:
    routes = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith("admin/"):
            continue
        if isinstance(entry, URLResolver):
            routes += public_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            routes.append(route)
    return routes


ROUTES = public_routes()


@pytest.fixture
def loaded(db, settings):
    settings.DEBUG = False
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=SNAPSHOT), source="snapshot")
    return Client(raise_request_exception=False)


def test_every_public_route_is_fuzzed():
    assert len(ROUTES) >= 15 and any("hansard_ext_id" in route for route in ROUTES)


@FUZZ
@given(route=st.sampled_from(ROUTES), data=st.data(),
       query=st.dictionaries(st.sampled_from(QUERY_NAMES), values, max_size=4))
def test_no_public_url_answers_500(loaded, route, data, query):
    path = CONVERTER.sub(lambda match: quote(data.draw(values, label=match["name"]), safe=""), route)
    response = loaded.get("/" + path, query)
    assert response.status_code < 500, (path, query)


@FUZZ
@given(fields=st.fixed_dictionaries({}, optional={name: values for name in (
    "email", "target_kind", "target_id", "frequency", "subscription", "csrfmiddlewaretoken")}),
    token=values)
def test_no_public_form_answers_500(loaded, fields, token):
    for path in ("/alerts/subscribe/", f"/alerts/manage/{quote(token, safe='')}/",
                 f"/alerts/unsubscribe/{quote(token, safe='')}/", f"/alerts/confirm/{quote(token, safe='')}/"):
        response = loaded.post(path, urlencode(fields), content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500, (path, fields)


@pytest.mark.parametrize("path", [
    "/hansard/debates/5D74C5CD%00/", "/bills/3159/procurement-bill-hl/?q=a%00b", "/bills/99999999999999999999/",
    "/amendments/99999999999/", "/divisions/commons%00/9008002/",
    "/bills/3159/procurement-bill-hl/amendments/?party=99999999999999", "/alerts/feeds/bill/99999999999.atom",
])
def test_known_bad_inputs_get_404_or_400(loaded, path):
    assert loaded.get(path).status_code in (200, 400, 404)
