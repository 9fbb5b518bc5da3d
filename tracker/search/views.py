"""The search page: read the address, call the selector, render. Not cached: any words may come."""

from django.core.paginator import Paginator
from django.shortcuts import render

from .selectors import PER_PAGE, SearchInputError, search


def search_view(request):
    query, type = request.GET.get("q", ""), request.GET.get("type") or None
    try:
        page = search(query, type=type, page=_page_number(request.GET.get("page")))
    except SearchInputError as error:
        return render(request, "search/search.html", {"error": str(error), "search_query": query[:100]}, status=400)
    page_obj = Paginator(range(page.total), PER_PAGE).page(page.page)  # page links only: no query
    return render(request, "search/search.html", {"page": page, "page_obj": page_obj, "search_query": page.query})


def _page_number(value: str | None) -> int:
    return int(value) if value and value.isascii() and value.isdigit() and len(value) < 10 else 1
