"""The guard on large losses: nothing much of a bill disappears without an editor saying so.

A store step that would delete or blank more than TRACKER_LOSS_GUARD_SHARE of a bill's rows
of one kind within its reach (the children of the parents it read again: a stage's
amendments' sponsors, a debate's contributions; all of the bill's, for what derives from its
prints), and at least TRACKER_LOSS_GUARD_MIN_ROWS rows, raises `LargeLoss` before it
writes the removal: its transaction rolls back, so the old rows stay (and nothing it found is
announced), and the run records a HeldBackLoss and a problem for editors (runs.py). An editor
confirms it on the review queue; the next scrape that would make the same removal, no larger,
applies it. A source that drops a field or a list by mistake is the usual cause.

Within one scrape of a bill (`tally_start`, called by the pipeline for each bill) the guard
adds up what the bill's steps removed of each kind, so a loss spread over many small steps
(a few contributions from each of many debates) is held back once the sum crosses the line;
what earlier steps removed before that has gone, as each step commits on its own.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from .models import HeldBackLoss, ScrapeRun


@dataclass(frozen=True)
class BillRows:
    """A bill's stored rows of one kind, which a store step reading `url` may remove or
    blank; `what` names them, e.g. "amendment sponsorships"."""

    bills_api_id: int
    what: str
    url: str = ""


# (bill, kind) -> (rows removed or blanked, rows within reach) by the bill's steps so far in this scrape
_tally: ContextVar[dict[tuple[int, str], tuple[int, int]] | None] = ContextVar("loss_tally", default=None)


def tally_start() -> None:
    """A bill's steps begin: nothing removed yet."""
    _tally.set({})


class LargeLoss(Exception):
    """A removal held back for an editor."""

    def __init__(self, guarded: BillRows, *, kind: str, would_go: int, stored: int) -> None:
        self.guarded, self.kind, self.would_go, self.stored = guarded, kind, would_go, stored
        super().__init__(f"bill {guarded.bills_api_id}: {kind}: {would_go} of {stored} would go. Held back, the "
                         "stored rows kept, until an editor confirms it on the review queue")


def loss_check(guarded: BillRows, *, action: str, would_go: int, of: int) -> None:
    """Raise LargeLoss if `would_go` of the `of` rows within the step's reach going
    (`action`: "removed" or "blanked"), with what the bill's steps removed of that kind
    before in this scrape, is a large loss no editor has confirmed."""
    kind = f"{guarded.what} {action}"
    tally = _tally.get()
    gone_before, reach_before = (tally or {}).get((guarded.bills_api_id, kind), (0, 0))
    gone, reach = gone_before + would_go, reach_before + of
    large = would_go and gone >= settings.TRACKER_LOSS_GUARD_MIN_ROWS and gone > reach * settings.TRACKER_LOSS_GUARD_SHARE
    if large and not HeldBackLoss.objects.filter(
            bills_api_id=guarded.bills_api_id, kind=kind, url=guarded.url, status=HeldBackLoss.Status.CONFIRMED,
            would_go__gte=would_go).update(status=HeldBackLoss.Status.APPLIED, applied_at=timezone.now()):
        raise LargeLoss(guarded, kind=kind, would_go=would_go, stored=of)
    if tally is not None:
        tally[(guarded.bills_api_id, kind)] = (gone, reach)


def held_back_record(loss: LargeLoss, *, run: ScrapeRun) -> HeldBackLoss:
    """One open record per bill, kind and source address, brought up to date by each run that
    holds the removal back again."""
    held, _ = HeldBackLoss.objects.update_or_create(
        bills_api_id=loss.guarded.bills_api_id, kind=loss.kind, url=loss.guarded.url,
        status=HeldBackLoss.Status.HELD,
        defaults={"would_go": loss.would_go, "stored": loss.stored, "run": run})
    return held


def held_back_confirm(*, loss: HeldBackLoss, user) -> bool:
    """An editor's word that the removal is real; False if it was no longer held back."""
    return bool(HeldBackLoss.objects.filter(pk=loss.pk, status=HeldBackLoss.Status.HELD).update(
        status=HeldBackLoss.Status.CONFIRMED, confirmed_by=user, confirmed_at=timezone.now()))
