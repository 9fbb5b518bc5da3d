"""Absolute addresses in API answers: each resource's own API address and the page that shows it,
and the next and previous pages of a list."""

from __future__ import annotations

from django.core.paginator import Page
from django.http import HttpRequest
from django.urls import reverse


def api_url(request: HttpRequest, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(f"api-v1:{name}", args=args))


def page_url(request: HttpRequest, obj) -> str:
    """The public page of a record (anything with get_absolute_url)."""
    return request.build_absolute_uri(obj.get_absolute_url())


def links(request: HttpRequest, name: str, args: tuple, obj) -> dict:
    return {"self": api_url(request, name, *args), "page": page_url(request, obj)}


def page_links(request: HttpRequest, page: Page) -> dict:
    """The list's neighbours, with the same filters: null at either end."""
    def at(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "next": at(page.next_page_number()) if page.has_next() else None,
        "previous": at(page.previous_page_number()) if page.has_previous() else None,
    }


def blank_as_null(value: str | None) -> str | None:
    """The record's value, or null where the record is silent."""
    return value or None
