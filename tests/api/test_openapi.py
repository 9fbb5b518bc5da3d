"""/api/v1/openapi.json is a valid OpenAPI 3 document, and schemathesis, reading it, finds no
operation that answers 500 or anything its document does not describe."""

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from openapi_spec_validator import validate

from tracker.http.client import build_session
from tracker.scraping.pipeline import STEPS, scrape

from .conftest import PROCUREMENT

pytestmark = pytest.mark.django_db
OPERATIONS = {
    ("GET", "/api/v1/bills"), ("GET", "/api/v1/bills/{bills_api_id}"), ("GET", "/api/v1/bills/{bills_api_id}/clauses"),
    ("GET", "/api/v1/bills/{bills_api_id}/clauses/{key}"), ("GET", "/api/v1/bills/{bills_api_id}/amendments"),
    ("GET", "/api/v1/amendments/{bills_api_id}"), ("GET", "/api/v1/divisions/{house}/{source_id}"),
    ("GET", "/api/v1/members/{members_api_id}"), ("GET", "/api/v1/search"),
}


def test_the_document_is_valid_openapi_3_and_lists_every_operation(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.")
    assert {(method.upper(), path) for path, item in document["paths"].items() for method in item} == OPERATIONS


@pytest.fixture
def connection_kept_open_between_requests():
    """As Django's test Client does: the WSGI handler would otherwise close the test's
    database connection (and with it the test's transaction) after each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_schemathesis_finds_no_failure_in_any_operation(both_bills, connection_kept_open_between_requests):
    """Every operation, with generated inputs (and the documented examples: the bundled bills'
    ids, so real records are checked too), through the WSGI app: no 500, every status, header
    and body as the document says."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    failures, checked = {}, set()
    for result in schema.get_all_operations():
        operation = result.ok()
        checked.add((operation.method.upper(), operation.path))

        @settings(max_examples=40, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            # The WSGI client does not undo gzip (GZipMiddleware), so ask for the body as it is.
            case.call_and_validate(headers={"Accept-Encoding": "identity"})

        try:
            check()
        except Exception as error:  # noqa: BLE001 (collected, to report every operation that fails)
            failures[operation.label] = str(error)[:2000]
    assert checked == OPERATIONS
    assert failures == {}



def test_a_merged_clause_keys_301_is_answered_as_the_document_says(db, connection_kept_open_between_requests):
    """Read before its debates, Clause 65 of the print brought from the Lords is a clause of its own;
    the debates show it is Lord Alton's, so its old key answers 301 to the current one, a status and
    `Location` header the document declares."""
    session = build_session(snapshot_dir=django_settings.BUNDLED_SNAPSHOT_DIR)
    for steps in (tuple(step for step in STEPS if step.name != "hansard"), STEPS):
        assert scrape(bill_ids=[PROCUREMENT], session=session, source="bundled snapshot", reconstructed=True,
                      steps=steps).failed == 0
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operation = schema["/api/v1/bills/{bills_api_id}/clauses/{key}"]["GET"]
    assert "Location" in operation.definition.raw["responses"]["301"]["headers"]
    case = operation.Case(path_parameters={"bills_api_id": PROCUREMENT, "key": "stage-9003008-clause-65"})
    response = case.call_and_validate(headers={"Accept-Encoding": "identity"})
    assert (response.status_code, response.headers["location"]) == (
        301, ["/api/v1/bills/3159/clauses/amendment-9006001"])
