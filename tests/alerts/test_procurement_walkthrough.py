"""The README's alerts walk-through on the Procurement Bill [HL]: load the bill as it stood
at Commons Committee stage, subscribe and confirm from the mail file, replay the snapshot of
it at Commons Report stage, and read the alert in the mail directory."""

from __future__ import annotations

import email
import email.policy
import filecmp
from pathlib import Path

import pytest

from tests.support.snapshots import FIXTURES
from tracker.http.client import build_session
from tracker.scraping.pipeline import scrape

from . import procurement_cuts

pytestmark = pytest.mark.django_db
SNAPSHOTS = FIXTURES / "snapshots"
ADDRESS = "campaigner@example.org"


def mail_in(directory: Path) -> list[email.message.EmailMessage]:
    """Every message the file email backend wrote (a file per connection, messages separated
    by a line of dashes; the order of files within one second is not the order sent)."""
    messages = []
    for path in sorted(directory.iterdir()):
        for chunk in path.read_text(encoding="utf-8").split("-" * 79 + "\n"):
            if chunk.strip():
                messages.append(email.message_from_string(chunk, policy=email.policy.default))
    return messages


def test_the_committed_cuts_are_what_the_generator_makes(tmp_path):
    for name, stage_id in procurement_cuts.CUTS.items():
        made = procurement_cuts.cut(name=name, bill_stage_id=stage_id, out=tmp_path)
        comparison = filecmp.dircmp(made, SNAPSHOTS / name)
        assert _identical(comparison), name


def _identical(comparison: filecmp.dircmp) -> bool:
    return (not comparison.left_only and not comparison.right_only and not comparison.diff_files
            and all(_identical(sub) for sub in comparison.subdirs.values()))


def test_subscribe_confirm_replay_a_later_snapshot_and_read_the_alert(client, settings, tmp_path,
                                                                      django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")

    def replay(name: str):
        with django_capture_on_commit_callbacks(execute=True):
            return scrape(bill_ids=[3159], session=build_session(snapshot_dir=SNAPSHOTS / name), source=name,
                          reconstructed=True)

    replay("procurement-bill-2022-23-at-commons-committee")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/alerts/subscribe/", {"email": ADDRESS, "target_kind": "bill", "target_id": 3159})
    [confirmation] = mail_in(tmp_path / "mail")
    assert confirmation["Subject"] == "Confirm your alerts on Procurement Bill [HL]"
    confirm_url = next(word for word in confirmation.get_body(("plain",)).get_content().split()
                       if "/alerts/confirm/" in word)
    assert client.post(confirm_url.removeprefix(settings.SITE_URL)).status_code == 302

    replay("procurement-bill-2022-23-at-commons-report")
    alerts = {str(m["Subject"]): m for m in mail_in(tmp_path / "mail")}
    stage_change = alerts["Procurement Bill [HL]: moved to Commons Report stage"]
    text = stage_change.get_body(("plain",)).get_content()
    assert "Before: Committee stage (Commons). Now: Report stage (Commons)." in text
    assert "When: 13 June 2023" in text
    assert "Source: https://bills.parliament.uk/bills/3159" in text
    assert stage_change["To"] == ADDRESS

    sent = len(mail_in(tmp_path / "mail"))
    replay("procurement-bill-2022-23-at-commons-report")  # nothing changed: no email
    assert len(mail_in(tmp_path / "mail")) == sent
