"""Search: `search(query, type, page)` is what the search page and the JSON API read."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from . import backends
from .highlight import snippet
from .models import DocumentType, SearchDocument
from .query import Query, QueryTooLong, query_parse

PER_PAGE = 20
TYPES = tuple(DocumentType.values)


class SearchInputError(ValueError):
    """The input cannot be searched as given (too long, an unknown type): a 400, saying why."""


@dataclass(frozen=True)
class SearchResult:
    type: str
    id: str
    title: str
    context: str
    url: str
    snippet: SafeString  # the document's words, HTML-escaped, matching words in <mark>


@dataclass(frozen=True)
class SearchGroup:
    type: str
    label: str
    count: int  # matches of the type in all, on every page
    results: list[SearchResult]


@dataclass(frozen=True)
class SearchPage:
    query: str  # what was searched for, as read: words and "quoted phrases"
    type: str | None
    page: int
    per_page: int
    counts: dict[str, int]  # matches of every type, whatever the filter
    results: list[SearchResult] = field(default_factory=list)

    @property
    def all_count(self) -> int:
        return sum(self.counts.values())

    @property
    def total(self) -> int:
        """Matches of the type filtered by, or of all types."""
        return self.counts.get(self.type, 0) if self.type else self.all_count

    @property
    def type_label(self) -> str:
        return DocumentType(self.type).label if self.type else ""

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def groups(self) -> list[SearchGroup]:
        """This page's results by type, the types in the order of their best result."""
        by_type: dict[str, list[SearchResult]] = {}
        for result in self.results:
            by_type.setdefault(result.type, []).append(result)
        return [SearchGroup(type, DocumentType(type).label, self.counts[type], results)
                for type, results in by_type.items()]

    @property
    def filters(self) -> list[SearchGroup]:
        """Each type with a match, and its count (no results: for the filter links)."""
        return [SearchGroup(type, DocumentType(type).label, count, []) for type, count in self.counts.items()]


def search(query: str, type: str | None = None, page: int = 1) -> SearchPage:
    """Documents matching every word and "quoted phrase" of `query`, ranked, PER_PAGE to a page
    (a page past the last gives the last). Two queries, whatever the input; none for no words."""
    if type is not None and type not in TYPES:
        raise SearchInputError(f"Filter by one of: {', '.join(TYPES)}.")
    try:
        parsed = query_parse(query)
    except QueryTooLong as too_long:
        raise SearchInputError(str(too_long)) from too_long
    if not parsed:
        return SearchPage(query="", type=type, page=1, per_page=PER_PAGE, counts={})
    page = max(page, 1)
    counts, documents = backends.matches(parsed, type=type, offset=(page - 1) * PER_PAGE, limit=PER_PAGE)
    counts = {t: counts[t] for t in TYPES if counts.get(t)}
    found = SearchPage(query=str(parsed), type=type, page=page, per_page=PER_PAGE, counts=counts)
    if page > found.pages:  # past the last page: the last (two more queries, for an address no link gives)
        return search(query, type=type, page=found.pages)
    return SearchPage(query=str(parsed), type=type, page=page, per_page=PER_PAGE, counts=counts,
                      results=[_result(document, parsed) for document in documents])


def _result(document: SearchDocument, query: Query) -> SearchResult:
    texts = [text for text in (document.body, document.heading, document.numbers) if text]
    snippets = (snippet(text, query.words) for text in texts)  # made one at a time, until one marks a match
    marked = next((s for s in snippets if "<mark>" in s), None)
    if marked is None:  # only the title matched: the start of the words
        marked = snippet(texts[0], query.words) if texts else ""
    return SearchResult(type=document.type, id=document.ref, title=document.title, context=document.context,
                        url=document.url, snippet=mark_safe(marked))  # noqa: S308 (escaped by highlight.snippet)
