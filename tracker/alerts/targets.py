"""What people can follow: the kinds of target, each a model with a public id.

A kind's name is also the name of its foreign key on Subscription and on ChangeEvent, so
matching an event to its subscribers, checking a subscription names exactly one target and
building a feed are all written once, over TARGET_KINDS.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404


@dataclass(frozen=True)
class TargetKind:
    name: str  # Subscription.target_kind, the URL segment, and the foreign key's name
    model_label: str
    public_id: str  # the field forms and URLs identify a target by
    label: str  # "bill": for text such as "alerts on this bill"

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def get_or_404(self, public_id: int) -> models.Model:
        return get_object_or_404(self.model, **{self.public_id: public_id})

    def find(self, public_id: int) -> models.Model | None:
        return self.model.objects.filter(**{self.public_id: public_id}).first()


TARGET_KINDS: dict[str, TargetKind] = {
    kind.name: kind
    for kind in (
        TargetKind("bill", "bills.Bill", "bills_api_id", "bill"),
        TargetKind("clause", "clauses.Clause", "pk", "clause"),  # its pk outlives re-scrapes: rows are never recreated
        TargetKind("member", "bills.Member", "members_api_id", "member"),
    )
}
TARGET_KIND_CHOICES = [(kind.name, kind.label.capitalize()) for kind in TARGET_KINDS.values()]


def one_target_condition() -> Q:
    """A subscription names exactly the target its kind says: that foreign key set, the others null."""
    condition = Q()
    for name in TARGET_KINDS:
        nulls = {f"{other}__isnull": True for other in TARGET_KINDS if other != name}
        condition |= Q(target_kind=name, **{f"{name}__isnull": False}, **nulls)
    return condition


def subscriptions_matching(event) -> Q:
    """Subscriptions to any target the event is about (an event kind without a target FK, e.g.
    ChangeEvent before clauses exist, simply matches no subscription of that kind)."""
    condition = Q(pk__in=[])
    for name in TARGET_KINDS:
        target_id = getattr(event, f"{name}_id", None)
        if target_id is not None:
            condition |= Q(target_kind=name, **{f"{name}_id": target_id})
    return condition


class TargetKindConverter:
    """URL converter accepting only the kinds in TARGET_KINDS."""

    regex = "|".join(TARGET_KINDS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
