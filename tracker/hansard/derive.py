"""Hansard mentions of a bill, matched to what they name and read for a stance; and each
debate's stage. Recomputed for the whole bill after every scrape (a debate that is not read
again may still gain a match when its stage's amendments arrive later), writing only what
changed.

Matching: a mention of an amendment or motion is looked up, by its marshalled-list number,
among the amendments and ping-pong items of the stages of the bill that sat in the debate's
House on the debate's day. An item listed in its own right wins over an amendment printed
within a motion; when several still share the number, none is chosen. Clause numbers are kept
as printed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from amendments.derive import amendment_candidates
from amendments.models import GroupedAmendment, PingPongItem, Sponsorship
from bills.models import Bill, BillSponsor, BillStage, Sitting
from tracker.events.models import ChangeEvent
from tracker.events.services import event_record
from tracker.hansard.mentions import Mention as FoundText
from tracker.hansard.stance import Role, is_chair
from tracker.scraping.counts import StoreCounts
from tracker.scraping.models import ScrapeRun
from tracker.scraping.loss_guard import BillRows
from tracker.scraping.upsert import bulk_upsert, unlisted_children_delete

from .models import Contribution, Debate, Mention
from .reading import FoundMention, mentions_in, stance_of

MENTION_KEY = ("contribution_id", "kind", "number", "span_start", "in_heading")
CLAUSE_NOTE = "clause number as printed; which clause it names is read from the print in force at that sitting"


def stage_label(stage: BillStage) -> str:
    return f"{stage.description or 'stage (name not recorded)'} ({stage.house})"


@dataclass(frozen=True)
class Target:
    """A stored amendment or ping-pong item a mention may name."""

    amendment_id: int | None
    ping_pong_item_id: int | None
    lead_member_ids: frozenset[int]  # our Member pks of its lead sponsors
    description: str
    grouped: bool  # an amendment printed within a motion, not listed in its own right


@dataclass(frozen=True)
class BillItems:
    """What the mentions of one bill's debates are matched against."""

    stages_by_day: dict[tuple[str, dt.date], tuple[BillStage, ...]]
    targets: dict[tuple[str, str], tuple[tuple[int, Target], ...]]  # (kind, NUMBER) -> (stage pk, target)
    ministers: dict[str, frozenset[int]]  # House -> Member pks of the bill's sponsors in it

    def stage_on(self, house: str, date: dt.date) -> BillStage | None:
        stages = self.stages_by_day.get((house, date), ())
        return stages[0] if len(stages) == 1 else None

    def target_for(self, mention: FoundText, house: str, date: dt.date) -> tuple[Target | None, str]:
        """The one item `mention` names at the stages that sat that day, and how it was
        matched, or None and why not."""
        if mention.kind == "clause":
            return None, CLAUSE_NOTE
        stages = self.stages_by_day.get((house, date), ())
        if not stages:
            return None, f"no stage of the bill sat in the {house} on {date:%-d %B %Y}"
        number = mention.marshalled_list_text
        stage_pks = {stage.pk for stage in stages}
        found = [target for stage_pk, target in self.targets.get((mention.kind, number.upper()), ())
                 if stage_pk in stage_pks]
        found = [target for target in found if not target.grouped] or found
        where = " or ".join(stage_label(stage) for stage in stages)
        if len(found) == 1:
            return found[0], f"matched {found[0].description}, the stage that sat that day"
        if not found:
            return None, f"no {mention.kind} numbered {number} is stored for {where}"
        return None, f"{len(found)} items numbered {number} are stored for {where}: none chosen"


def bill_items_load(*, bill: Bill) -> BillItems:
    stages_by_day: dict[tuple[str, dt.date], list[BillStage]] = defaultdict(list)
    for sitting in Sitting.objects.filter(bill_stage__bill=bill).exclude(date=None).select_related("bill_stage"):
        day = stages_by_day[(sitting.bill_stage.house, sitting.date)]
        if sitting.bill_stage not in day:
            day.append(sitting.bill_stage)
    leads = _lead_sponsors(bill)
    targets = {
        key: tuple((candidate.stage.pk, _target(candidate.target, candidate.stage, leads)) for candidate in found)
        for key, found in amendment_candidates(bill).items()
    }
    ministers: dict[str, set[int]] = defaultdict(set)
    for house, member_pk in BillSponsor.objects.filter(bill=bill).exclude(member=None).values_list(
            "member__house", "member_id"):
        ministers[house].add(member_pk)
    return BillItems(
        stages_by_day={day: tuple(stages) for day, stages in stages_by_day.items()},
        targets=targets,
        ministers={house: frozenset(pks) for house, pks in ministers.items()},
    )


def _lead_sponsors(bill: Bill) -> dict[tuple[str, int], set[int]]:
    """(parent field, parent pk) -> Member pks of the sponsors the record marks as lead."""
    leads: dict[tuple[str, int], set[int]] = defaultdict(set)
    rows = Sponsorship.objects.filter(
        Q(amendment__bill_stage__bill=bill) | Q(ping_pong_item__bill_stage__bill=bill)
        | Q(grouped_amendment__item__bill_stage__bill=bill),
        is_lead=True, member__isnull=False,
    ).values_list("amendment_id", "ping_pong_item_id", "grouped_amendment_id", "member_id")
    for amendment_pk, item_pk, grouped_pk, member_pk in rows:
        for field, pk in (("amendment", amendment_pk), ("ping_pong_item", item_pk), ("grouped_amendment", grouped_pk)):
            if pk is not None:
                leads[(field, pk)].add(member_pk)
    return leads


def _target(item, stage: BillStage, leads: dict[tuple[str, int], set[int]]) -> Target:
    where = stage_label(stage)
    if isinstance(item, GroupedAmendment):
        motion = f"Motion {item.item.number}" if item.item.number else "a motion (number not recorded)"
        return Target(None, item.item_id, frozenset(leads[("grouped_amendment", item.pk)]),
                      f"Amendment {item.number}, printed in {motion} of {where}", grouped=True)
    if isinstance(item, PingPongItem):
        return Target(None, item.pk, frozenset(leads[("ping_pong_item", item.pk)]),
                      f"{item.type} {item.number} of {where}", grouped=False)
    return Target(item.pk, None, frozenset(leads[("amendment", item.pk)]),
                  f"Amendment {item.number} of {where}", grouped=False)


def mention_row(contribution: Contribution, found: FoundMention, items: BillItems) -> tuple[tuple, dict]:
    """The mention's key and stored fields: what it names, the speaker's part, the stance."""
    mention, debate = found.mention, contribution.debate
    target, resolution = items.target_for(mention, debate.house, debate.date)
    role = Role.CHAIR if is_chair(contribution.speaker) else None
    if role is None and contribution.member_id is not None:
        if target and contribution.member_id in target.lead_member_ids:
            role = Role.MOVER
        elif contribution.member_id in items.ministers.get(debate.house, ()):
            role = Role.MINISTER
    reading, sentence = stance_of(found, role)
    span = (None, None) if found.in_heading else mention.span
    key = (contribution.pk, mention.kind, mention.number, span[0], found.in_heading)
    return key, {
        "new_clause": mention.new_clause,
        "stand_part": mention.stand_part,
        "from_range": mention.from_range,
        "sentence": sentence,
        "span_end": span[1],
        "stance": str(reading.stance),
        "stance_rule": reading.rule[:100],
        "confidence": reading.confidence,
        "speaker_role": str(role) if role else "",
        "amendment_id": target.amendment_id if target else None,
        "ping_pong_item_id": target.ping_pong_item_id if target else None,
        "clause_number": mention.number if mention.kind == "clause" else "",
        "resolution": resolution,
    }


@transaction.atomic
def mentions_derive(*, bill: Bill, run: ScrapeRun | None = None) -> StoreCounts:
    """Set each debate's stage, then find, match and read every mention in the bill's
    debates. A contribution newly naming something is a change event once the bill already
    had mentions (a corrected debate that moves a mention within the words is not news)."""
    items = bill_items_load(bill=bill)
    counts = _debate_stages_derive(bill, items)
    named_before = set(Mention.objects.filter(contribution__debate__bill=bill).values_list(
        "contribution_id", "kind", "number"))
    contributions = list(Contribution.objects.filter(debate__bill=bill).select_related("debate", "member"))
    rows: dict[tuple, dict] = {}
    for contribution in contributions:
        for found in mentions_in(contribution.text_plain, contribution.heading):
            key, row = mention_row(contribution, found, items)
            rows.setdefault(key, row)
    result = bulk_upsert(Mention, key=MENTION_KEY, rows=rows)
    kept: dict[int, set[tuple]] = {contribution.pk: set() for contribution in contributions}
    for key in rows:
        kept[key[0]].add(key[1:])
    removed = unlisted_children_delete(Mention, parent="contribution", key_fields=MENTION_KEY[1:], kept=kept,
                                       guard=BillRows(bill.bills_api_id, "Hansard mentions"))
    if named_before:
        by_pk = {contribution.pk: contribution for contribution in contributions}
        news = sorted((key for key in result.created_keys if key[:3] not in named_before), key=_sortable)
        _new_mentions_record(bill, [(by_pk[key[0]], result.objects[key]) for key in news], run)
    return counts + result.counts + StoreCounts(updated=removed)


def _sortable(key: tuple) -> tuple:
    return tuple(-1 if part is None else part for part in key)


def _debate_stages_derive(bill: Bill, items: BillItems) -> StoreCounts:
    rows = {}
    for ext_id, house, date in Debate.objects.filter(bill=bill).values_list("hansard_ext_id", "house", "date"):
        stage = items.stage_on(house, date)
        rows[ext_id] = {"bill_stage_id": stage.pk if stage else None}
    return bulk_upsert(Debate, key="hansard_ext_id", rows=rows).counts


def _new_mentions_record(bill: Bill, new: Iterable[tuple[Contribution, Mention]], run: ScrapeRun | None) -> None:
    """One event per contribution with new mentions: who spoke on what, with the stances read."""
    by_contribution: dict[int, tuple[Contribution, list[Mention]]] = {}
    for contribution, mention in new:
        by_contribution.setdefault(contribution.pk, (contribution, []))[1].append(mention)
    for contribution, mentions in by_contribution.values():
        debate = contribution.debate
        named = ", ".join(f"{mention.label} ({mention.stance})" for mention in mentions)
        event_record(
            kind=ChangeEvent.Kind.HANSARD_MENTION,
            bill=bill,
            member=contribution.member,
            summary=f"{bill.short_title}: {contribution.speaker} spoke on {named} "
                    f"in the {debate.house} on {debate.date:%-d %B %Y}",
            detail={
                "hansard_ext_id": debate.hansard_ext_id,
                "contribution_order": contribution.order,
                "mentions": [{"label": m.label, "stance": m.stance, "rule": m.stance_rule,
                              "sentence": m.sentence, "resolution": m.resolution} for m in mentions],
            },
            occurred_on=debate.date,
            scrape_run=run,
            evidence_url=contribution.url,
        )
