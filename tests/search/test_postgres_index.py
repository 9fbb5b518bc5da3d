"""PostgreSQL: the counting and ranking statement can use the GIN index over the documents' vectors, and the
vectors weigh a thing's own number above the words that mention it."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.factories import AmendmentFactory
from tracker.search import backends
from tracker.search.index import bill_search_documents_refresh
from tracker.search.models import SearchDocument
from tracker.search.query import query_parse

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def documents():
    amendments = (AmendmentFactory(number="47B", text_plain="Example amendment text"),
                  AmendmentFactory(number="12", text_plain="An example that names amendment 47B in its words"))
    bill_search_documents_refresh(bills={amendment.bill_stage.bill for amendment in amendments})


def test_the_matches_are_found_through_the_gin_index(documents):
    sql, params = backends.postgresql_page_sql(query_parse("amendment 47B"), type=None, offset=0, limit=20)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: make the planner show what it can use
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on search_document_vector_gin" in plan, plan


def test_the_number_outranks_the_words_naming_it(documents):
    counts, ranked = backends.matches(query_parse("47B"), type=None, offset=0, limit=20)
    assert counts == {"amendment": 2}
    assert [d.title for d in ranked] == ["Amendment 47B", "Amendment 12"]
    assert SearchDocument.objects.filter(search_vector=None).count() == 0
