"""The guard on large losses, against the fault-injecting stand-in serving the bundled
Procurement Bill snapshot: a source that drops most of a bill's rows of one kind (every
amendment's sponsors, every contribution of the debates) while keeping the field, so no
parser can tell. The stored rows stay, an editor sees the problem on the review queue and
confirms it, and the next scrape applies the removal."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db.models import Count

from amendments.models import Sponsorship
from tests.support.http_server import rewritten_json
from tracker.clauses.models import ClauseSupport
from tracker.corrections.permissions import EDITOR_GROUP
from tracker.events.models import ChangeEvent
from tracker.hansard.models import Contribution, Mention
from tracker.scraping.models import HeldBackLoss, ScrapeProblem, ScrapeRun

pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.CacheKeyWarning")


def emptied(key: str, *, where: str):
    """A fault: every `key` list in the JSON bodies of URLs containing `where` sent empty."""
    return rewritten_json(where, lambda o: {k: [] if k == key and isinstance(v, list) else v for k, v in o.items()})


SPONSORS_GONE = emptied("sponsors", where="/Amendments")
CONTRIBUTIONS_GONE = emptied("Items", where="hansard-api.parliament.uk/debates/debate/")


def amendment_sponsorships() -> int:
    return Sponsorship.objects.filter(amendment__bill_stage__bill__bills_api_id=3159).count()


def test_most_sponsors_gone_keeps_them_until_an_editor_confirms(stand_in, client, editor):
    assert stand_in().status == ScrapeRun.Status.SUCCEEDED
    sponsorships, supports, events = amendment_sponsorships(), ClauseSupport.objects.count(), ChangeEvent.objects.count()
    assert sponsorships >= 3

    held = stand_in(SPONSORS_GONE)

    assert held.status == ScrapeRun.Status.PARTIAL
    assert amendment_sponsorships() == sponsorships and ClauseSupport.objects.count() == supports
    assert ChangeEvent.objects.count() == events
    problems = held.problems.filter(kind=ScrapeProblem.Kind.LARGE_LOSS)
    losses = HeldBackLoss.objects.filter(kind="amendment sponsorships removed").order_by("url")
    assert losses and [loss.url for loss in losses] == sorted(problems.values_list("url", flat=True))
    for loss in losses:  # one per stage whose amendments lost their sponsors
        assert "/Amendments" in loss.url and (loss.status, loss.bills_api_id, loss.run) == (
            HeldBackLoss.Status.HELD, 3159, held)
        assert loss.would_go > loss.stored / 2
    assert sum(loss.would_go for loss in losses) == sponsorships

    page = client.get("/admin/review/").content.decode()
    assert f"Large losses held back ({len(losses)})" in page
    assert "Procurement Bill [HL]: amendment sponsorships removed" in page
    assert f"{losses[0].would_go} of {losses[0].stored} would go" in page
    for loss in losses:
        response = client.post(f"/admin/review/losses/{loss.pk}/confirm/")
        assert response.status_code == 302 and response.url == "/admin/review/"
        loss.refresh_from_db()
        assert (loss.status, loss.confirmed_by) == (HeldBackLoss.Status.CONFIRMED, editor)
    assert "Large losses held back (0)" in client.get("/admin/review/").content.decode()

    applied = stand_in(SPONSORS_GONE)

    assert applied.status == ScrapeRun.Status.SUCCEEDED, list(applied.problems.values_list("message", flat=True))
    assert amendment_sponsorships() == 0
    assert set(losses.values_list("status", flat=True)) == {HeldBackLoss.Status.APPLIED}


def test_a_small_removal_goes_through_without_an_editor(stand_in):
    stand_in()
    amendment, names = Sponsorship.objects.filter(amendment__bill_stage__bill__bills_api_id=3159).values_list(
        "amendment__bills_api_id").annotate(names=Count("pk")).order_by("names", "amendment__bills_api_id").first()
    assert 0 < names < 3  # fewer than TRACKER_LOSS_GUARD_MIN_ROWS: no guard
    sponsorships = amendment_sponsorships()
    one_gone = rewritten_json("/Amendments", lambda o: {**o, "sponsors": []} if o.get("amendmentId") == amendment
                              and "sponsors" in o else o)

    assert stand_in(one_gone).status == ScrapeRun.Status.SUCCEEDED
    assert amendment_sponsorships() == sponsorships - names
    assert not HeldBackLoss.objects.exists()


def test_every_contribution_gone_is_held_back_once_the_losses_add_up(stand_in, settings):
    stand_in()
    contributions, mentions = Contribution.objects.count(), Mention.objects.count()
    assert contributions >= 3

    held = stand_in(CONTRIBUTIONS_GONE)

    # Each debate is stored on its own: the guard adds up what the bill's debates lose in the
    # run, so once the sum reaches TRACKER_LOSS_GUARD_MIN_ROWS every further debate's loss is held.
    assert held.status == ScrapeRun.Status.PARTIAL
    assert Contribution.objects.count() > contributions - settings.TRACKER_LOSS_GUARD_MIN_ROWS
    assert Mention.objects.count() > mentions / 2
    assert HeldBackLoss.objects.filter(kind="Hansard contributions removed", status=HeldBackLoss.Status.HELD).exists()


def test_a_confirmation_covers_no_larger_removal(stand_in, editor, client):
    stand_in()
    stand_in(SPONSORS_GONE)
    sponsorships = amendment_sponsorships()
    loss = HeldBackLoss.objects.filter(kind="amendment sponsorships removed").first()
    HeldBackLoss.objects.filter(pk=loss.pk).update(would_go=loss.would_go - 1)  # confirmed when fewer would go
    client.post(f"/admin/review/losses/{loss.pk}/confirm/")

    again = stand_in(SPONSORS_GONE)

    assert again.problems.filter(kind=ScrapeProblem.Kind.LARGE_LOSS, url=loss.url).exists()
    assert amendment_sponsorships() == sponsorships


def test_only_editors_confirm_and_only_by_post(stand_in, client, editor):
    stand_in()
    stand_in(SPONSORS_GONE)
    loss = HeldBackLoss.objects.filter(kind="amendment sponsorships removed").first()
    assert client.get(f"/admin/review/losses/{loss.pk}/confirm/").status_code == 405
    editors = Group.objects.get(name=EDITOR_GROUP).permissions.filter(content_type__model="heldbackloss")
    assert set(editors.values_list("codename", flat=True)) == {"view_heldbackloss", "change_heldbackloss"}
    editor.groups.clear()
    editor.user_permissions.add(Permission.objects.get(codename="view_conflict"))
    assert client.post(f"/admin/review/losses/{loss.pk}/confirm/").status_code == 403
    loss.refresh_from_db()
    assert loss.status == HeldBackLoss.Status.HELD
