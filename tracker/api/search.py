"""/api/v1/search: the search page's selector as JSON, each result linked to its page and, where
the API has it, its resource."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.decorators import decorate_view
from pydantic import Field

from tracker.search.models import DocumentType
from tracker.search.selectors import PER_PAGE, SearchInputError, SearchResult, search

from . import schemas
from .http import rate_limited
from .links import api_url, page_links

router = Router(tags=["search"])


class SearchQuery(Schema):
    q: str = Field("", description='words and "quoted phrases", every one of which a result contains')
    type: DocumentType | None = Field(None, description="only results of this type")
    page: int = Field(1, ge=1, le=2**31 - 1)


@router.get("/search", response={200: schemas.SearchResults, 400: schemas.Error}, url_name="search",
            summary="Bills, clauses, amendments, divisions, members and speeches matching words, best first")
@decorate_view(rate_limited)  # not cached: any words may come, as on the search page
def search_results(request: HttpRequest, filters: Query[SearchQuery]):
    try:
        found = search(filters.q, type=filters.type.value if filters.type else None, page=filters.page)
    except SearchInputError as error:
        return Status(400, {"detail": str(error)})
    shown = Paginator(range(found.total), PER_PAGE).page(found.page)  # page links only: no query
    return {**page_links(request, shown), "query": found.query, "type": found.type, "counts": found.counts,
            "results": [_result(request, result) for result in found.results]}


def _result(request: HttpRequest, result: SearchResult) -> dict:
    return {"type": result.type, "id": result.id, "title": result.title, "context": result.context,
            "snippet_html": str(result.snippet),
            "links": {"page": request.build_absolute_uri(result.url), "api": _api_link(request, result)}}


def _api_link(request: HttpRequest, result: SearchResult) -> str | None:
    """The result's own API resource, whose path takes the parts of the result's id; null for
    what the API has no resource of (a speech, a motion between the Houses)."""
    if result.type not in _API_RESOURCES or not _has_resource(result):
        return None
    return api_url(request, _API_RESOURCES[result.type], *result.id.split("/", 1))


_API_RESOURCES = {DocumentType.BILL: "bill", DocumentType.CLAUSE: "clause", DocumentType.AMENDMENT: "amendment",
                  DocumentType.DIVISION: "division", DocumentType.MEMBER: "member"}


def _has_resource(result: SearchResult) -> bool:
    return result.type != DocumentType.AMENDMENT or result.id.isdigit()  # "ping-pong-…": a motion
