"""/api/v1/docs in Chromium: swagger-ui, from the vendored copy, shows every operation of the
document, and the page asks nothing of any other host."""

import pytest

from tests.support.axe import axe_violations
from tests.support.browser import browser_page  # noqa: F401 (fixture)

from .test_openapi import OPERATIONS


@pytest.mark.browser
def test_the_docs_render_from_vendored_assets_with_no_outside_request(browser_page, live_server):  # noqa: F811
    page = browser_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    missing: list[str] = []
    page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    response = page.goto(live_server.url + "/api/v1/docs")
    assert response.status == 200
    page.wait_for_selector(".opblock-summary-path")
    shown = set(page.locator(".opblock-summary-path").evaluate_all("nodes => nodes.map(n => n.dataset.path)"))
    assert shown == {path for _, path in OPERATIONS}
    assert page.locator("header h1").inner_text() == "Clause tracker API, version 1"
    assert any(url.endswith("/static/vendor/swagger-ui/swagger-ui-bundle.js") for url in requested)
    assert any(url.endswith("/api/v1/openapi.json") for url in requested)
    outside = [url for url in requested if not url.startswith(live_server.url) and not url.startswith("data:")]
    assert outside == []
    assert missing == []
    assert [m for m in page.console_messages if m.startswith("error")] == []


@pytest.mark.browser
def test_an_operation_can_be_tried_from_the_docs(browser_page, live_server):  # noqa: F811
    page = browser_page
    page.goto(live_server.url + "/api/v1/docs")
    page.locator(".opblock-summary-path[data-path='/api/v1/bills']").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_the_rendered_docs_have_no_accessibility_violations(browser_page, live_server, width):  # noqa: F811
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path")  # swagger-ui has drawn the operations
    found = axe_violations(page)
    assert found == [], "\n".join(found)
