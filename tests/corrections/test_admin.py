"""The admin: who may see it, who may correct what, and how a correction is made there."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import reverse

from bills.models import Bill
from tests.support.snapshots import example_bill_responses, write_snapshot
from tests.factories import MemberFactory, PartyFactory
from tracker.corrections.models import Conflict, Override
from tracker.corrections.services import override_save
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

pytestmark = pytest.mark.django_db


@pytest.fixture
def example_bill(tmp_path):
    snapshot = write_snapshot(tmp_path / "snap", example_bill_responses())
    scrape(bill_ids=[9000001], session=build_session(snapshot_dir=snapshot), source="test")
    return Bill.objects.get(bills_api_id=9000001)


def admin_urls() -> list[str]:
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    return urls


def test_every_admin_page_sends_a_non_staff_user_to_the_login_page(client):
    client.force_login(User.objects.create_user("reader"))
    for url in admin_urls():
        response = client.get(url)
        assert response.status_code == 302 and response.headers["Location"].startswith("/admin/login/"), url


def test_an_editor_cannot_manage_users_but_can_correct_bills(client, editor):
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_user_add")).status_code == 403
    assert client.get(reverse("admin:bills_bill_changelist")).status_code == 200
    assert client.get(reverse("admin:corrections_conflict_changelist")).status_code == 200


def bill_form(bill: Bill, **changes) -> dict:
    data = {
        "bills_api_id": bill.bills_api_id, "short_title": bill.short_title, "former_short_title": bill.former_short_title,
        "long_title": bill.long_title, "summary": bill.summary, "bill_type": bill.bill_type_id or "",
        "introduced_session": bill.introduced_session_id or "", "originating_house": bill.originating_house,
        "current_house": bill.current_house, "current_stage": bill.current_stage_id or "", "is_act": "on" if bill.is_act else "",
        "act_name": bill.act_name, "is_defeated": "", "withdrawn_at_0": "", "withdrawn_at_1": "",
        "source_last_update_0": bill.source_last_update.strftime("%Y-%m-%d"),
        "source_last_update_1": bill.source_last_update.strftime("%H:%M:%S"),
        "is_tracked": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_a_correction_in_the_admin_needs_a_reason_and_becomes_an_override(client, editor, example_bill):
    url = reverse("admin:bills_bill_change", args=[example_bill.pk])
    refused = client.post(url, bill_form(example_bill, act_name="Example Act 2024"))
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()
    assert not Override.objects.exists()

    client.post(url, bill_form(example_bill, act_name="Example Act 2024", correction_reason="The chapter is not part of the name"))
    override = Override.objects.get()
    assert (override.field, override.value, override.source_value) == ("act_name", "Example Act 2024", "Example Act 2024 c. 1")
    assert override.history.get().history_user == editor
    assert Bill.objects.get().act_name == "Example Act 2024"


def test_login_attempts_are_throttled(client):
    User.objects.create_user("staff", password="the-right-password", is_staff=True)
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "staff", "password": "wrong"})
    locked = client.post(reverse("admin:login"), {"username": "staff", "password": "the-right-password"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_reverting_a_correction_to_an_earlier_version_restores_its_value(client, editor, example_bill):
    from tracker.corrections.services import override_save

    override_save(obj=example_bill, field="act_name", value="First fix", reason="first", user=editor)
    override = override_save(obj=example_bill, field="act_name", value="Second fix", reason="second", user=editor)
    first = override.history.earliest("history_date")
    url = reverse("admin:corrections_override_simple_history", args=[override.pk, first.history_id])
    assert "First fix" in client.get(url).content.decode()
    client.post(url, {"value": '"First fix"', "reason": "first"})
    assert Bill.objects.get().act_name == "First fix"
    assert Override.objects.get().history.count() == 3


def test_the_diff_view_shows_what_changed_between_two_versions(client, editor, example_bill):
    from tracker.corrections.services import override_save

    override_save(obj=example_bill, field="act_name", value="First fix", reason="first", user=editor)
    override = override_save(obj=example_bill, field="act_name", value="Second fix", reason="second", user=editor)
    older, newer = override.history.order_by("history_date")
    html = client.get(reverse("admin:corrections_override_diff", args=[override.pk]),
                      {"older": older.history_id, "newer": newer.history_id}).content.decode()
    assert "First fix" in html and "Second fix" in html and "second" in html


def test_the_review_queue_lists_conflicts_problems_and_unsure_links(client, editor, tmp_path):
    from tests.corrections.test_bill_overrides import scrape_with_title
    from tracker.corrections.services import override_save

    scrape_with_title(tmp_path, "Example Bill", "first")
    override_save(obj=Bill.objects.get(), field="short_title", value="Fixed", reason="r", user=editor)
    scrape_with_title(tmp_path, "Example Bill (No. 2)", "second")
    html = client.get(reverse("site:review_queue")).content.decode()
    assert "Conflicts (1)" in html and "Source now says &#x27;Example Bill (No. 2)&#x27;" in html
    for heading in ("Could not be fetched or read", "Members not found", "Clause links the tracker is unsure of",
                    "Hansard mentions not resolved", "Divisions not linked to what they decided"):
        assert heading in html


def test_the_review_queue_needs_an_editor(client):
    client.force_login(User.objects.create_user("staff-only", is_staff=True))
    assert client.get(reverse("site:review_queue")).status_code == 403


def test_the_override_and_conflict_lists_show_a_party_by_name_not_its_row_id(client, editor):
    labour, conservative = PartyFactory(name="Labour"), PartyFactory(name="Conservative")
    member = MemberFactory(party=conservative)
    override = override_save(obj=member, field="party", value=labour, reason="Crossed the floor", user=editor)
    Conflict.objects.create(override=override, subject=str(override), source_value=conservative.pk,
                            override_value=labour.pk)
    overrides = client.get(reverse("admin:corrections_override_changelist")).content.decode()
    assert '<td class="field-corrected_value">Labour</td>' in overrides
    assert '<td class="field-source_said">Conservative</td>' in overrides
    assert '<td class="field-corrected_field">party</td>' in overrides
    assert f">{labour.pk}<" not in overrides
    conflicts = client.get(reverse("admin:corrections_conflict_changelist")).content.decode()
    assert '<td class="field-source_now_says">Conservative</td>' in conflicts
    assert '<td class="field-correction_says">Labour</td>' in conflicts
