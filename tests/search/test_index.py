"""The search documents follow the stored rows: written by the scrape's last step for a bill
it wrote, left alone for a bill it did not, and written again when an editor corrects a row."""

from __future__ import annotations

import pytest

from amendments.models import Division
from bills.models import Member
from tests.conftest import REPO
from tracker.corrections.models import Override
from tracker.corrections.services import override_remove, override_save
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape
from tracker.search.index import search_documents_rebuild
from tracker.search.models import SearchDocument
from tracker.search.selectors import search

pytestmark = pytest.mark.django_db
SNAPSHOT = REPO / "data/snapshots/procurement-bill-2022-23"


@pytest.fixture
def procurement_bill():
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=SNAPSHOT), source="snapshot")


def titles(query: str) -> list[str]:
    return [result.title for result in search(query).results]


def test_the_scrape_indexes_what_it_stored_and_a_rebuild_finds_nothing_to_change(procurement_bill):
    assert SearchDocument.objects.filter(type="bill", ref="3159").exists()
    assert {"bill", "clause", "amendment", "division", "member", "speech"} <= set(
        SearchDocument.objects.values_list("type", flat=True))
    assert search_documents_rebuild() == 0


def test_a_scrape_that_writes_nothing_of_a_bill_leaves_its_documents_alone(procurement_bill):
    SearchDocument.objects.filter(type="bill", ref="3159").update(title="Left as it was")
    run = scrape(bill_ids=[3159], session=build_session(snapshot_dir=SNAPSHOT), source="snapshot")
    assert run.created == run.updated == 0
    assert SearchDocument.objects.get(type="bill", ref="3159").title == "Left as it was"
    search_documents_rebuild()
    assert SearchDocument.objects.get(type="bill", ref="3159").title == "Procurement Bill [HL]"


def test_a_corrected_member_name_is_found_on_the_member_and_their_speeches(procurement_bill, admin_user,
                                                                            django_capture_on_commit_callbacks):
    alton = Member.objects.get(members_api_id=9000001)
    assert titles("David") == []
    with django_capture_on_commit_callbacks(execute=True):
        override_save(obj=alton, field="name_display_as", value="David Alton", reason="test: the name as he signs",
                      user=admin_user)
    found = titles("David")
    assert found[0] == "David Alton"
    assert any(title.startswith("David Alton: ") for title in found)  # his speeches
    assert "Amendment 47B (in Motion 47A)" in found  # an amendment he put his name to
    with django_capture_on_commit_callbacks(execute=True):
        override_remove(override=Override.objects.get(field="name_display_as"), user=admin_user, reason="test")
    assert titles("David") == []


def test_a_corrected_division_title_is_what_search_finds(procurement_bill, admin_user,
                                                         django_capture_on_commit_callbacks):
    division = Division.objects.get(source_id=9008002)
    with django_capture_on_commit_callbacks(execute=True):
        override_save(obj=division, field="title", value="Procurement Bill [Lords]: New Clause NC10 (test wording "
                      "zebra)", reason="test", user=admin_user)
    assert [(r.type, r.url) for r in search("zebra").results] == [("division", "/divisions/commons/9008002/")]
