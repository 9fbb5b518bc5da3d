"""Services that write the search documents: from the pipeline's last step, for a bill whose
rows this run wrote, and after an editor's correction. Only what changed is written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction

from bills.models import Bill
from tracker.scraping.pipeline import ScrapeContext

from .documents import Document, bill_documents, member_documents
from .models import DocumentType, SearchDocument

CONFIG = "english"  # PostgreSQL's text search configuration: English stems, any letters (ŵ, ŷ) kept
BATCH = 1000


def search_documents_refresh(context: ScrapeContext, bill_id: int) -> None:
    """Pipeline step: the bill's documents and the members', when this run wrote a row of the
    bill or the bill has never been indexed; otherwise they would come out as stored."""
    bill = Bill.objects.filter(bills_api_id=bill_id).first()
    if bill is None:
        return  # the bill step could not store it, and said why
    indexed = SearchDocument.objects.filter(type=DocumentType.BILL, bill=bill).exists()
    if indexed and not context.wrote_for_bill():
        return
    bill_search_documents_refresh(bills=[bill])
    member_search_documents_refresh()


@transaction.atomic
def bill_search_documents_refresh(*, bills: Iterable[Bill]) -> int:
    """Every document of these bills, as their stored rows now say; returns how many changed."""
    return sum(_documents_sync(SearchDocument.objects.filter(bill=bill), bill_documents(bill)) for bill in bills)


@transaction.atomic
def member_search_documents_refresh() -> int:
    return _documents_sync(SearchDocument.objects.filter(type=DocumentType.MEMBER), member_documents())


def search_documents_rebuild() -> int:
    """Everything, for a database indexed before search existed or after members were fetched
    outside a scrape."""
    return bill_search_documents_refresh(bills=Bill.objects.order_by("pk")) + member_search_documents_refresh()


def _documents_sync(stored_rows, documents: Iterable[Document]) -> int:
    stored = {(row.type, row.ref): row for row in stored_rows}
    new, changed = [], []
    for document in documents:
        row = stored.pop((document.type, document.ref), None)
        if row is None:
            new.append(SearchDocument(type=document.type, ref=document.ref,
                                      **{field: getattr(document, field) for field in Document.FIELDS}))
        elif any(getattr(row, field) != getattr(document, field) for field in Document.FIELDS):
            for field in Document.FIELDS:
                setattr(row, field, getattr(document, field))
            changed.append(row)
    SearchDocument.objects.filter(pk__in=[row.pk for row in stored.values()]).delete()
    created = SearchDocument.objects.bulk_create(new, batch_size=BATCH)
    SearchDocument.objects.bulk_update(changed, Document.FIELDS, batch_size=BATCH)
    vectors_write([row.pk for row in (*created, *changed)])
    return len(new) + len(changed) + len(stored)


def vectors_write(pks: Sequence[int]) -> None:
    """PostgreSQL: each document's weighted vector, numbers (A) over headings (B) over words (C).
    SQLite's FTS5 table follows the rows by itself (triggers, migration 0002)."""
    if connection.vendor != "postgresql":
        return
    vector = (SearchVector("numbers", weight="A", config=CONFIG) + SearchVector("heading", weight="B", config=CONFIG)
              + SearchVector("body", weight="C", config=CONFIG))
    for start in range(0, len(pks), BATCH):
        SearchDocument.objects.filter(pk__in=pks[start:start + BATCH]).update(search_vector=vector)
