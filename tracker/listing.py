"""One pager for the long lists (the clause table, the clause-by-stage matrix, a clause's
ledger, a member's votes and sponsorships): 100 a page, links to the other pages, and the
whole list one click away (`?all=1`). Rendered by templates/includes/show_all.html.

A queryset is paged in the database (a count and one page of rows: two queries, whatever its
size); a list is sliced. Several lists on one page each keep their own page parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.http import QueryDict

PER_PAGE = 100
SHOW_ALL = "all"
WHOLE = {SHOW_ALL: "1"}  # the query that shows every list whole (for exports and the API)


@dataclass(frozen=True)
class PageLink:
    label: str  # a page number, or "…" for pages left out
    href: str  # blank for "…"
    current: bool = False


@dataclass(frozen=True)
class Listing:
    items: list  # what this page shows (every item when shown whole)
    total: int
    first: int  # 1-based position of items[0]; 0 when empty
    whole: bool  # every item is shown
    links: list[PageLink]  # page links; none when one page holds the list
    previous: str  # href of the previous page, blank on the first
    next: str  # href of the next page, blank on the last
    all_href: str  # the whole list (blank when it already is)
    paged_href: str  # back to 100 a page (blank unless shown whole and longer than a page)
    noun: str  # what is listed, plural ("clauses"), for the links' words

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1 if self.items else 0

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return self.total > 0


def listing(items: Sequence | Any, *, query: Mapping[str, str], noun: str, param: str = "page",
            anchor: str = "", build: Callable[[Any], Any] | None = None) -> Listing:
    """`items` (a queryset or a list) paged by `query[param]`, or whole when `query` says
    `all=1`. `build` turns each item shown into what the template reads. Links keep the rest of
    the query and end in `#anchor`."""
    fragment = f"#{anchor}" if anchor else ""

    def href(**changes: Any) -> str:
        kept = QueryDict(mutable=True)
        for key in query:
            if key not in (param, SHOW_ALL):
                kept.setlist(key, query.getlist(key) if hasattr(query, "getlist") else [query[key]])
        for key, value in changes.items():
            kept[key] = str(value)
        return f"?{kept.urlencode()}{fragment}"

    build = build or (lambda item: item)
    if query.get(SHOW_ALL) == "1":
        shown = [build(item) for item in items]
        return Listing(shown, len(shown), 1 if shown else 0, True, [], "", "", "",
                       href(**{param: 1}) if len(shown) > PER_PAGE else "", noun)
    paginator = Paginator(items, PER_PAGE)
    page = paginator.get_page(query.get(param))
    shown = [build(item) for item in page.object_list]
    total = paginator.count
    links = [] if paginator.num_pages < 2 else [
        PageLink(str(number), "" if number == Paginator.ELLIPSIS else href(**{param: number}), number == page.number)
        for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)]
    return Listing(shown, total, page.start_index() if shown else 0, paginator.num_pages < 2, links,
                   href(**{param: page.previous_page_number()}) if page.has_previous() else "",
                   href(**{param: page.next_page_number()}) if page.has_next() else "",
                   href(**{SHOW_ALL: 1}) if paginator.num_pages > 1 else "", "", noun)
