"""The two bundled snapshots, loaded through the real scrapers, for the API's tests."""

import pytest
from django.conf import settings

from tracker.clauses.account_entries import account_entries_load
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

SOCIAL_HOUSING_SNAPSHOT = settings.BASE_DIR / "data" / "snapshots" / "social-housing-regulation-bill-2022-23"
PROCUREMENT_ENTRIES = settings.BASE_DIR / "data" / "account-entries" / "procurement-bill.json"
PROCUREMENT, SOCIAL_HOUSING = 3159, 9160001


@pytest.fixture
def procurement_bill(db):
    session = build_session(snapshot_dir=settings.BUNDLED_SNAPSHOT_DIR)
    assert scrape(bill_ids=[PROCUREMENT], session=session, source="bundled snapshot", reconstructed=True).failed == 0
    account_entries_load(PROCUREMENT_ENTRIES, session=session)


@pytest.fixture
def social_housing_bill(db):
    session = build_session(snapshot_dir=SOCIAL_HOUSING_SNAPSHOT)
    assert scrape(bill_ids=[SOCIAL_HOUSING], session=session, source="bundled snapshot", reconstructed=True).failed == 0


@pytest.fixture
def both_bills(procurement_bill, social_housing_bill):
    return None
