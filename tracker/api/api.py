"""The API itself: its routers, its OpenAPI document at /api/v1/openapi.json, and errors as
JSON (a value of the wrong shape is 400, as on the pages, not 422)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import ValidationError

from . import amendments, bills, clauses, divisions, members, search

api = NinjaAPI(
    title="Clause tracker API",
    version="1",
    description=("Read-only JSON about UK Parliament bills, clause by clause: the same records, built by the same "
                 "queries, as the tracker's pages. Null means the record does not say. Every answer carries an "
                 "ETag: send it back as If-None-Match and an unchanged resource is answered 304."),
    urls_namespace="api-v1",
    docs_url=None,  # the docs page is tracker.api.views.docs, from vendored assets
    openapi_url="/openapi.json",
)
for module in (bills, clauses, amendments, divisions, members, search):
    api.add_router("/", module.router)


@api.exception_handler(ValidationError)
def bad_request(request: HttpRequest, exc: ValidationError):
    return api.create_response(request, {"detail": _first_problem(exc.errors)}, status=400)


def _first_problem(errors: list[dict]) -> str:
    if not errors:
        return "Bad request."
    error = errors[0]
    where = ".".join(str(part) for part in error.get("loc", ()))
    return f"{where}: {error.get('msg', 'invalid')}"
