"""A correction on a row the source removes is shown to editors as a conflict, and applies
again when the source restores the row (with a new id)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from amendments.models import Sponsorship
from tests.amendments.example_responses import amendment_item, amendment_responses, scrape_example, sponsor
from tracker.corrections.models import Conflict
from tracker.site.review import review_queue
from tracker.corrections.services import override_save

pytestmark = pytest.mark.django_db


def signed_by(*member_ids: int) -> dict:
    return amendment_responses([amendment_item(9000701, "1", sponsors=[
        sponsor(member_id, position, position == 0) for position, member_id in enumerate(member_ids)])])


def test_an_orphaned_correction_is_a_conflict_and_finds_its_row_again(tmp_path):
    scrape_example(tmp_path, signed_by(9000511, 9000512), "both")
    second = Sponsorship.objects.get(amendment__bills_api_id=9000701, position=1)
    override_save(obj=second, field="name", value="Example Member (as signed)", reason="As printed",
                  user=User.objects.create_user("editor", is_staff=True))

    scrape_example(tmp_path, signed_by(9000511), "one taken off")
    assert not Sponsorship.objects.filter(pk=second.pk).exists()
    conflict = Conflict.objects.get(resolution=Conflict.Resolution.OPEN)
    assert str(conflict) == "The source no longer has this row; correction says 'Example Member (as signed)'"
    conflicts = next(section for section in review_queue() if section.heading == "Conflicts")
    assert conflicts.total == 1

    scrape_example(tmp_path, signed_by(9000511, 9000512), "restored")
    restored = Sponsorship.objects.get(amendment__bills_api_id=9000701, position=1)
    assert restored.pk != second.pk and restored.name == "Example Member (as signed)"
    assert not Conflict.objects.filter(resolution=Conflict.Resolution.OPEN).exists()
