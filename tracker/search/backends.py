"""Finding and ranking documents: PostgreSQL's full-text search over the GIN-indexed vector,
or SQLite's FTS5 table. Both take a parsed Query (words and phrases only, never the raw
input), match every phrase, rank numbers and names over headings over words, and answer in
two queries: the count of matches of each type, and one page of the matching documents."""

from __future__ import annotations

from django.db import connection

from .index import CONFIG
from .models import SearchDocument
from .query import Query

RANK_BY_LENGTH = 1  # ts_rank divides by 1 + log(length): a short document naming it beats a long one mentioning it
FTS_WEIGHTS = (10.0, 4.0, 1.0)  # bm25 weights of numbers, heading and body
ORDER = "score DESC, type, ref"  # best first, ties in a fixed order


def matches(query: Query, *, type: str | None, offset: int, limit: int) -> tuple[dict[str, int], list[SearchDocument]]:
    """How many documents of each type match, and the page of them (of `type`, or all) from
    `offset`, best first."""
    if connection.vendor == "postgresql":
        return _postgresql_matches(query, type=type, offset=offset, limit=limit)
    return _sqlite_matches(query, type=type, offset=offset, limit=limit)


def postgresql_page_sql(query: Query, *, type: str | None, offset: int, limit: int) -> tuple[str, list]:
    """One statement reading each match once (the GIN index finds them): ranked, counted by
    type, and one page of their ids in order. `bench/search.py` prints its plan."""
    tsquery = " && ".join(["phraseto_tsquery(%s::regconfig, %s)"] * len(query.phrases))
    tsquery_params = [value for phrase in query.phrases for value in (CONFIG, " ".join(phrase))]
    where = "WHERE type = %s" if type else ""
    sql = (f"WITH matches AS MATERIALIZED (SELECT id, type, ref, ts_rank(search_vector, {tsquery}, {RANK_BY_LENGTH}) "
           f"AS score FROM search_searchdocument WHERE search_vector @@ ({tsquery})) "
           "SELECT (SELECT json_object_agg(type, n) FROM (SELECT type, COUNT(*) AS n FROM matches GROUP BY type) AS c), "
           f"(SELECT array_agg(id ORDER BY {ORDER}) FROM (SELECT id, score, type, ref FROM matches {where} "
           f"ORDER BY {ORDER} LIMIT %s OFFSET %s) AS p)")
    return sql, [*tsquery_params, *tsquery_params, *([type] if type else []), limit, offset]


def _postgresql_matches(query: Query, *, type: str | None, offset: int, limit: int):
    with connection.cursor() as cursor:
        cursor.execute(*postgresql_page_sql(query, type=type, offset=offset, limit=limit))
        counts, ids = cursor.fetchone()
    documents = SearchDocument.objects.defer("search_vector").in_bulk(ids or [])
    return counts or {}, [documents[pk] for pk in ids or []]


_FTS_FROM = ("FROM search_searchdocument_fts JOIN search_searchdocument d ON d.id = search_searchdocument_fts.rowid "
             "WHERE search_searchdocument_fts MATCH %s")


def _sqlite_matches(query: Query, *, type: str | None, offset: int, limit: int):
    match = _fts_match(query)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.type, COUNT(*) {_FTS_FROM} GROUP BY d.type", [match])
        counts = dict(cursor.fetchall())
    where, params = ("AND d.type = %s", [type]) if type else ("", [])
    documents = SearchDocument.objects.raw(
        f"SELECT d.*, -bm25(search_searchdocument_fts, %s, %s, %s) AS score {_FTS_FROM} {where} "
        f"ORDER BY {ORDER} LIMIT %s OFFSET %s", [*FTS_WEIGHTS, match, *params, limit, offset])
    return counts, list(documents)


def _fts_match(query: Query) -> str:
    """FTS5's query language, built only from words (letters and digits), each phrase quoted."""
    return " AND ".join(f'"{" ".join(phrase)}"' for phrase in query.phrases)
