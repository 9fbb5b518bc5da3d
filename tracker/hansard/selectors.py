"""The queries the Hansard pages and includes need: each runs a fixed number of them, however
many contributions and mentions there are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from amendments.models import Amendment, PingPongItem
from bills.models import Bill, BillStage, Member
from tracker.corrections.services import corrections_attach
from tracker.scraping.selectors import bill_reconstructed

from .highlight import Mark, Segment, paragraphs
from .models import Contribution, Debate, Mention

MEMBER_CONTRIBUTIONS_SHOWN = 50


def mention_href(mention: Mention, bill: Bill) -> str | None:
    """Where a mention links: the amendment's page, the ping-pong item on the bill's
    amendments page, or the clause's page; None when it names nothing stored."""
    if mention.clause_id:
        return mention.clause.get_absolute_url()
    if mention.amendment_id:
        return reverse("site:amendment", args=[mention.amendment.bills_api_id])
    if mention.ping_pong_item_id:
        page = reverse("amendments:bill_amendments", args=[bill.bills_api_id, bill.slug])
        return f"{page}#{mention.ping_pong_item.anchor}"
    return None


@dataclass(frozen=True)
class LinkedMention:
    mention: Mention
    href: str | None


def _linked(mentions: Iterable[Mention], bill: Bill) -> list[LinkedMention]:
    return [LinkedMention(mention, mention_href(mention, bill)) for mention in mentions]


def _mentions() -> QuerySet[Mention]:
    return Mention.objects.select_related("amendment", "ping_pong_item", "clause__bill").order_by(
        "in_heading", "span_start", "kind", "number")


# The debate page


@dataclass(frozen=True)
class ContributionView:
    contribution: Contribution
    paragraphs: list[list[Segment]]
    mentions: list[LinkedMention]


@dataclass(frozen=True)
class DebatePage:
    debate: Debate
    contributions: list[ContributionView]
    reconstructed: bool


def debate_page(*, hansard_ext_id: str) -> DebatePage:
    debate = get_object_or_404(Debate.objects.select_related("bill", "bill_stage"), hansard_ext_id=hansard_ext_id)
    contributions = list(debate.contributions.select_related("member__party")
                         .prefetch_related(Prefetch("mentions", queryset=_mentions())).order_by("order"))
    mentions = [mention for contribution in contributions for mention in contribution.mentions.all()]
    members = [c.member for c in contributions if c.member]
    corrections_attach([debate, debate.bill, *([debate.bill_stage] if debate.bill_stage else []), *contributions,
                        *members, *(m.party for m in members if m.party), *mentions])
    return DebatePage(
        debate=debate,
        contributions=[_contribution_view(contribution, debate.bill) for contribution in contributions],
        reconstructed=bill_reconstructed(bills_api_id=debate.bill.bills_api_id),
    )


def _contribution_view(contribution: Contribution, bill: Bill) -> ContributionView:
    mentions = _linked(contribution.mentions.all(), bill)
    marks = [
        Mark(m.span_start, m.span_end, linked.href, f"{m.label}: {m.get_stance_display()} ({m.stance_rule})")
        for linked in mentions
        if not (m := linked.mention).in_heading and not m.from_range and m.span_start is not None
    ]
    return ContributionView(contribution, paragraphs(contribution.text_plain, marks), mentions)


# A bill's debates


@dataclass(frozen=True)
class BillDebates:
    bill: Bill
    debates: list[Debate]  # annotated with contribution_count and mention_count
    reconstructed: bool


def bill_debates(*, bills_api_id: int) -> BillDebates:
    bill = get_object_or_404(Bill, bills_api_id=bills_api_id)
    debates = list(
        Debate.objects.filter(bill=bill).select_related("bill_stage")
        .annotate(contribution_count=Count("contributions", distinct=True),
                  mention_count=Count("contributions__mentions", distinct=True))
        .order_by("date", "house", "hansard_ext_id")
    )
    corrections_attach([bill, *debates, *(debate.bill_stage for debate in debates if debate.bill_stage)])
    return BillDebates(bill=bill, debates=debates, reconstructed=bill_reconstructed(bills_api_id=bill.bills_api_id))


# "Spoke in support" / "Spoke against": for templates/hansard/_spoke_on.html


@dataclass(frozen=True)
class Speech:
    """One contribution's stance on one thing, with the sentence it was read from."""

    mention: Mention
    contribution: Contribution
    member: Member | None
    date: dt.date
    stage: BillStage | None

    @property
    def url(self) -> str:
        return self.contribution.get_absolute_url()


@dataclass(frozen=True)
class Speeches:
    supporters: list[Speech]
    opponents: list[Speech]
    no_stance: list[Speech]  # mentioned it, and no rule reads a side

    @property
    def any(self) -> bool:
        return bool(self.supporters or self.opponents or self.no_stance)

    @property
    def all(self) -> list[Speech]:
        return [*self.supporters, *self.opponents, *self.no_stance]


def speeches_on_amendment(*, amendment: Amendment) -> Speeches:
    return speeches_in(Mention.objects.filter(amendment=amendment))


def speeches_on_ping_pong_item(*, item: PingPongItem) -> Speeches:
    return speeches_in(Mention.objects.filter(ping_pong_item=item))


def speeches_in(mentions: QuerySet[Mention]) -> Speeches:
    """One speech per contribution and stance: its most confident mention."""
    rows = (mentions.select_related("contribution__member__party", "contribution__debate__bill_stage",
                                    "amendment__bill_stage", "ping_pong_item__bill_stage")
            .order_by("contribution__debate__date", "contribution__debate__hansard_ext_id", "contribution__order",
                      "-confidence", "pk"))
    chosen: dict[tuple[int, str], Speech] = {}
    for mention in rows:
        chosen.setdefault((mention.contribution_id, mention.stance), _speech(mention))
    speeches = list(chosen.values())
    return Speeches(
        supporters=_with_stance(speeches, Mention.Stance.SUPPORTS),
        opponents=_with_stance(speeches, Mention.Stance.OPPOSES),
        no_stance=_with_stance(speeches, Mention.Stance.NEUTRAL),
    )


def _speech(mention: Mention) -> Speech:
    contribution = mention.contribution
    debate = contribution.debate
    target = mention.amendment or mention.ping_pong_item
    return Speech(
        mention=mention,
        contribution=contribution,
        member=contribution.member,
        date=debate.date,
        stage=debate.bill_stage or (target.bill_stage if target else None),
    )


def _with_stance(speeches: Iterable[Speech], stance: str) -> list[Speech]:
    return [speech for speech in speeches if speech.mention.stance == stance]


# A member's contributions: for templates/hansard/_member_contributions.html


@dataclass(frozen=True)
class MemberContribution:
    contribution: Contribution
    mentions: list[LinkedMention]


@dataclass(frozen=True)
class MemberContributions:
    member: Member
    contributions: list[MemberContribution]  # newest first
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.contributions)


def member_contributions(*, member: Member, limit: int = MEMBER_CONTRIBUTIONS_SHOWN) -> MemberContributions:
    contributions = Contribution.objects.filter(member=member, debate__bill__is_tracked=True)
    shown = list(
        contributions.select_related("debate__bill", "debate__bill_stage")
        .prefetch_related(Prefetch("mentions", queryset=_mentions()))
        .order_by("-debate__date", "debate__hansard_ext_id", "order")[:limit]
    )
    return MemberContributions(
        member=member,
        contributions=[MemberContribution(c, _linked(c.mentions.all(), c.debate.bill)) for c in shown],
        total=contributions.count(),
    )
