"""An editor, in a real browser, corrects a sponsor's name with a reason; the scrape runs
again; the public amendment page still shows the correction, marked, with the reason."""

import pytest
from django.contrib.auth.models import Group, User

from amendments.models import Sponsorship
from tests.amendments.example_responses import amendment_item, amendment_responses, scrape_example, sponsor
from tracker.corrections.permissions import EDITOR_GROUP

RESPONSES = amendment_responses([amendment_item(9000701, "1", sponsors=[sponsor(9000511, 1, True)])])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_corrects_a_sponsor_and_the_correction_survives_the_next_scrape(browser_page, live_server, tmp_path):
    scrape_example(tmp_path, RESPONSES, "first")
    editor = User.objects.create_user("editor", password="a-long-editor-password", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    sponsorship = Sponsorship.objects.get(amendment__bills_api_id=9000701)

    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-long-editor-password")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/admin/amendments/sponsorship/{sponsorship.pk}/change/")
    page.locator("#id_name").fill("Example Member (as signed)")
    page.locator("#id_correction_reason").fill("The marshalled list prints the name this way")
    page.get_by_role("button", name="Save", exact=True).click()
    assert "was changed successfully" in page.locator(".messagelist").inner_text()

    scrape_example(tmp_path, RESPONSES, "second")
    page.goto(f"{live_server.url}/amendments/9000701/")
    sponsors = page.locator(".tracker-sponsor").first
    assert "Example Member (as signed)" in sponsors.inner_text()
    assert "Corrected" in sponsors.inner_text()
    assert "The marshalled list prints the name this way" in sponsors.inner_text()
