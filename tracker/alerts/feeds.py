"""Atom feeds of the same change events the emails report, one per followable target."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from tracker.events.models import ChangeEvent

from .selectors import target_events
from .targets import TARGET_KINDS


class TargetEventsFeed(Feed):
    feed_type = Atom1Feed
    description_template = "alerts/feed_item.html"
    author_name = "Clause tracker"  # Atom needs an author for the feed or every entry

    def get_object(self, request, target_kind: str, target_id: int):
        return TARGET_KINDS[target_kind], TARGET_KINDS[target_kind].get_or_404(target_id)

    def title(self, obj) -> str:
        kind, target = obj
        return f"{target}: changes on the clause tracker"

    def subtitle(self, obj) -> str:
        kind, target = obj
        return f"Each change the clause tracker has recorded for this {kind.label}, newest first."

    def link(self, obj) -> str:
        return obj[1].get_absolute_url()

    def feed_url(self, obj) -> str:
        kind, target = obj
        return reverse("alerts:feed", args=[kind.name, getattr(target, kind.public_id)])

    def items(self, obj):
        kind, target = obj
        return target_events(target_kind=kind.name, target=target)

    def item_title(self, item: ChangeEvent) -> str:
        return item.summary

    def item_link(self, item: ChangeEvent) -> str:
        """The page of what changed: the clause's for a clause's change, else the bill's."""
        return item.clause.get_absolute_url() if item.clause_id else item.bill.get_absolute_url()

    def item_guid(self, item: ChangeEvent) -> str:
        """A tag URI per event: entries about one bill or clause share its page as their link."""
        return f"tag:{urlsplit(settings.SITE_URL).hostname},2024:alerts/event/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: ChangeEvent):
        return item.detected_at

    def item_updateddate(self, item: ChangeEvent):
        return item.detected_at
