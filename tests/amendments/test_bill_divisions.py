"""Every division stored is reachable from its bill's page, with its result and a party split
that counts tellers apart from votes; where the source gives counts only, the split says so."""

import pytest
from django.conf import settings

from amendments.bill_divisions import bill_divisions
from amendments.models import Division
from tests.amendments.test_views import bill_with
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db


def test_every_division_of_the_procurement_bill_is_linked_from_its_page(client):
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=settings.BUNDLED_SNAPSHOT_DIR),
           source="bundled snapshot", reconstructed=True)
    html = client.get("/bills/3159/procurement-bill-hl/").content.decode()
    section = html[html.index('id="divisions"'):]

    divisions = Division.objects.filter(bill__bills_api_id=3159)
    assert divisions.count() == 3
    for division in divisions:
        assert f'href="{division.get_absolute_url()}"' in section
    assert "Contents won, 156 to 151" in section and "Noes won, 231 to 282" in section
    assert "not recorded</td>" in section and "2 for, 2 against" in section  # tellers only: votes not recorded


def test_party_split_counts_tellers_apart_in_two_queries(django_assert_max_num_queries):
    bill, _, division = bill_with(5, voters=30)  # votes alternate Aye/No by thirds; the first two are tellers

    with django_assert_max_num_queries(2):
        [found] = bill_divisions(bill=bill)

    votes = division.votes.all()
    assert sum(s.voted_for + s.voted_against for s in found.parties) == votes.filter(is_teller=False).count()
    assert sum(s.tellers_for + s.tellers_against for s in found.parties) == votes.filter(is_teller=True).count() == 2
