"""The manage-alerts page in a real browser: its radio buttons are GOV.UK's, like every other
form control on the site, and axe finds nothing wrong with it."""

import pytest

from tests.factories import SubscriptionFactory
from tests.support.axe import axe_violations
from tracker.alerts.tokens import manage_token


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_frequency_radios_are_styled_like_the_rest(browser_page, live_server):
    subscription = SubscriptionFactory(bill__short_title="Example Bill")
    page = browser_page
    page.goto(f"{live_server.url}/alerts/manage/{manage_token(subscriber_id=subscription.subscriber_id)}/")
    radio = page.get_by_label("An email for each change")
    assert radio.is_checked()
    # GOV.UK radios: the native control is invisible and its label draws the 40 px circle
    assert radio.evaluate("e => getComputedStyle(e).opacity") == "0"
    label = page.locator("label.govuk-radios__label").first
    assert label.evaluate("e => getComputedStyle(e, '::before').width") == "40px"
    assert label.evaluate("e => getComputedStyle(e, '::before').borderRadius") == "50%"
    page.get_by_text("A daily digest").click()
    page.get_by_role("button", name="Save").click()
    assert "Your choice is saved." in page.locator("main").inner_text()
    assert page.get_by_label("A daily digest: one email a day listing the changes").is_checked()
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert axe_violations(page) == []
