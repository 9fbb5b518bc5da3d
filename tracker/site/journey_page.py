"""The bill page's journey chart from its stored stages: which sitting dates to draw, where each
stage links to (its first debate in Hansard, else its amendments), and what comes next."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from amendments.models import Amendment
from bills.selectors import BillJourney
from tracker.hansard.models import Debate

from .journey import Chart, NextStep, StageDates, journey_chart


def journey_stages(*, journey: BillJourney) -> list[StageDates]:
    """The timeline's stages, numbered in order, each with the page that shows what happened there.
    Two queries, whatever the number of stages."""
    bill = journey.bill
    debates: dict[int, str] = {}
    for stage_id, ext_id in (Debate.objects.filter(bill_stage__bill=bill).order_by("date", "hansard_ext_id")
                             .values_list("bill_stage_id", "hansard_ext_id")):
        debates.setdefault(stage_id, reverse("hansard:debate", args=[ext_id]))
    with_amendments = set(Amendment.objects.filter(bill_stage__bill=bill).values_list("bill_stage_id", flat=True)
                          .distinct())
    amendments_url = reverse("amendments:bill_amendments", args=[bill.bills_api_id, bill.slug])
    return [StageDates(number=i, name=item.name, house=item.house, dates=tuple(d for d in item.sittings if d),
                       is_current=item.is_current, is_future=item.is_future,
                       undated=sum(1 for d in item.sittings if d is None), corrected=_corrected(item.stage),
                       href=debates.get(item.stage.pk)
                       or (f"{amendments_url}#stage-{item.stage.bills_api_id}" if item.stage.pk in with_amendments
                           else ""))
            for i, item in enumerate(journey.timeline, start=1)]


def _corrected(stage) -> dict:
    """The stage's corrections and its sittings' (as bill_journey attached them), each named for the list."""
    found = dict(stage.corrected)
    for sitting in stage.sittings.all():
        for name, override in sitting.corrected.items():
            override.label = f"sitting {override.label}"
            found[f"sitting {sitting.pk} {name}"] = override
    return found


def journey_drawing(*, journey: BillJourney, stages: list[StageDates], today: dt.date) -> Chart | None:
    what_next = journey.what_next
    step = what_next.step
    return journey_chart(stages, today=None if what_next.finished else today,
                         next_step=NextStep(step.name, step.house, what_next.sitting) if step else None)
