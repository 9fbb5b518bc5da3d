"""An editor's correction changes what a page says, so it changes what search finds: the
documents of the rows it touches are written again once the correction is committed."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from amendments.models import Amendment, Division, GroupedAmendment, PingPongItem, Sponsorship
from bills.models import Bill, BillStage, Member, Party
from tracker.corrections.models import Override
from tracker.corrections.signals import bill_corrected
from tracker.hansard.models import Contribution, Debate

from .index import bill_search_documents_refresh, member_search_documents_refresh

# How to reach the bill from a corrected row whose words a bill's documents show.
BILL_OF = {
    Bill: "pk",
    BillStage: "stages",
    Amendment: "stages__amendments",
    PingPongItem: "stages__ping_pong_items",
    GroupedAmendment: "stages__ping_pong_items__grouped_amendments",
    Division: "divisions",
    Debate: "debates",
    Contribution: "debates__contributions",
}


def bills_showing(model: type, pk: int):
    """The bills whose documents show this row's words: for a member (or a party), the bills
    they sponsored amendments to or spoke on, besides their own document."""
    if model in BILL_OF:
        return Bill.objects.filter(**{BILL_OF[model]: pk})
    if model is Sponsorship:
        sponsorship = Sponsorship.objects.filter(pk=pk).first()
        parent = sponsorship.sponsored if sponsorship else None
        return Bill.objects.filter(stages=parent.bill_stage) if parent else Bill.objects.none()
    if model in (Member, Party):
        members = Member.objects.filter(pk=pk) if model is Member else Member.objects.filter(party=pk)
        return Bill.objects.filter(
            Q(stages__amendments__sponsorships__member__in=members)
            | Q(stages__ping_pong_items__sponsorships__member__in=members)
            | Q(debates__contributions__member__in=members)).distinct()
    return Bill.objects.none()


def _refresh_after_commit(bills, members: bool) -> None:
    def refresh() -> None:
        bill_search_documents_refresh(bills=list(bills))
        if members:
            member_search_documents_refresh()
    transaction.on_commit(refresh)


@receiver([post_save, post_delete], sender=Override, dispatch_uid="search-refresh-on-override")
def documents_refresh_on_override(sender, instance: Override, **kwargs) -> None:
    model = instance.content_type.model_class()
    _refresh_after_commit(bills_showing(model, instance.object_id), members=model in (Member, Party))


@receiver(bill_corrected, dispatch_uid="search-refresh-on-correction")
def documents_refresh_on_correction(sender, *, bill, **kwargs) -> None:
    _refresh_after_commit([bill], members=False)
