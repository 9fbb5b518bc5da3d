"""Correcting a row that has inlines (an amendment, a ping-pong item, a division) as a browser
posts it: saved, with the reason, and nothing else changed."""

import pytest
from django.contrib.auth.models import Group, User

from amendments.models import Amendment, Division, PingPongItem
from tests.conftest import REPO
from tracker.corrections.models import Override
from tracker.corrections.permissions import EDITOR_GROUP
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

SNAPSHOT = REPO / "data/snapshots/procurement-bill-2022-23"
CORRECTABLE_WITH_INLINES = {  # model, a row of the bundled snapshot, a field to correct
    "amendment": (Amendment, {"bills_api_id": 9006002}, "position"),
    "pingpongitem": (PingPongItem, {"bills_api_id": 9007001}, "number"),
    "division": (Division, {"source_id": 9008002}, "title"),
}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", CORRECTABLE_WITH_INLINES)
def test_an_editor_corrects_a_row_with_inlines(browser_page, live_server, name):
    scrape(bill_ids=[3159], session=build_session(snapshot_dir=SNAPSHOT), source="snapshot")
    model, lookup, field = CORRECTABLE_WITH_INLINES[name]
    row = model.objects.get(**lookup)
    editor = User.objects.create_user("editor", password="a-long-editor-password", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))

    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-editor-password")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/admin/amendments/{name}/{row.pk}/change/")
    page.locator(f"#id_{field}").fill("Example correction")
    page.locator("#id_correction_reason").fill("The printed paper says so")
    page.get_by_role("button", name="Save", exact=True).click()

    assert "was changed successfully" in page.locator(".messagelist").inner_text()
    assert getattr(model.objects.get(pk=row.pk), field) == "Example correction"
    assert Override.objects.get(object_id=row.pk, field=field).reason == "The printed paper says so"
