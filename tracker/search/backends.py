"""Finding and ranking documents: PostgreSQL's full-text search over the GIN-indexed vector,
or SQLite's FTS5 table. Both take a parsed Query (words and phrases only, never the raw
input), match every phrase, and rank numbers and names over headings over words."""

from __future__ import annotations

import functools
import operator

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F

from .index import CONFIG
from .models import SearchDocument
from .query import Query

FTS_WEIGHTS = (10.0, 4.0, 1.0)  # bm25 weights of numbers, heading and body
RANK_BY_LENGTH = 1  # ts_rank divides by 1 + log(length): a short document naming it beats a long one mentioning it


def type_counts(query: Query) -> dict[str, int]:
    if connection.vendor == "postgresql":
        rows = (SearchDocument.objects.filter(search_vector=_tsquery(query)).values_list("type")
                .annotate(count=Count("id")).order_by())
        return dict(rows)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.type, COUNT(*) {_FTS_FROM} GROUP BY d.type", [_fts_match(query)])
        return dict(cursor.fetchall())


def ranked(query: Query, *, type: str | None, offset: int, limit: int) -> list[SearchDocument]:
    """The matching documents (of one type, or all), best first, ties in a fixed order."""
    if connection.vendor == "postgresql":
        return list(ranked_queryset(query, type=type)[offset:offset + limit])
    where, params = ("AND d.type = %s", [type]) if type else ("", [])
    return list(SearchDocument.objects.raw(
        f"SELECT d.* {_FTS_FROM} {where} ORDER BY bm25(search_searchdocument_fts, %s, %s, %s), d.type, d.ref "
        "LIMIT %s OFFSET %s", [_fts_match(query), *params, *FTS_WEIGHTS, limit, offset]))


def ranked_queryset(query: Query, *, type: str | None):
    """PostgreSQL: the matching documents, best first (bench/search.py prints its plan)."""
    tsquery = _tsquery(query)
    matches = SearchDocument.objects.filter(search_vector=tsquery).defer("search_vector")
    if type:
        matches = matches.filter(type=type)
    return (matches.annotate(rank=SearchRank(F("search_vector"), tsquery, normalization=RANK_BY_LENGTH))
            .order_by("-rank", "type", "ref"))


def _tsquery(query: Query) -> SearchQuery:
    return functools.reduce(operator.and_, (SearchQuery(" ".join(phrase), search_type="phrase", config=CONFIG)
                                            for phrase in query.phrases))


_FTS_FROM = ("FROM search_searchdocument_fts JOIN search_searchdocument d ON d.id = search_searchdocument_fts.rowid "
             "WHERE search_searchdocument_fts MATCH %s")


def _fts_match(query: Query) -> str:
    """FTS5's query language, built only from words (letters and digits), each phrase quoted."""
    return " AND ".join(f'"{" ".join(phrase)}"' for phrase in query.phrases)
