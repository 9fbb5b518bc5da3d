"""Amendments in the admin. Scraped fields are corrected through overrides (with a reason);
a correction that can change a clause's story recomputes the bill's clauses at once."""

from django.contrib import admin

from tracker.corrections.admin import CorrectableAdmin
from tracker.corrections.signals import bill_corrected

from .models import (
    HAND_ADDED_FROM,
    Amendment,
    Division,
    DivisionLink,
    GroupedAmendment,
    PingPongItem,
    SourceList,
    Sponsorship,
    Vote,
)


class ReadOnlyInline(admin.TabularInline):
    """Shown on the parent's page; corrected on the row's own page, where a reason is asked."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class SponsorshipInline(ReadOnlyInline):
    model = Sponsorship
    fields = ("position", "members_api_id", "member", "name", "party_name", "is_lead", "added_by_hand")


class ClauseStoryAdmin(CorrectableAdmin):
    """For rows whose correction can change a clause's status or supporters."""

    def after_correction(self, obj) -> None:
        bill_corrected.send(sender=type(obj), bill=obj.bill_stage.bill)


@admin.register(Amendment)
class AmendmentAdmin(ClauseStoryAdmin):
    list_display = ("bills_api_id", "number", "bill_stage", "amendment_type", "clause", "schedule", "decision")
    list_filter = ("decision", "amendment_type", "bill_stage__house")
    search_fields = ("bills_api_id", "number", "new_clause_title", "bill_stage__bill__short_title")
    list_select_related = ("bill_stage",)
    raw_id_fields = ("bill_stage",)
    inlines = [SponsorshipInline]


class GroupedAmendmentInline(ReadOnlyInline):
    model = GroupedAmendment
    fields = ("group_position", "position", "number", "decision")


@admin.register(PingPongItem)
class PingPongItemAdmin(ClauseStoryAdmin):
    list_display = ("bills_api_id", "type", "number", "bill_stage", "decision")
    list_filter = ("type", "decision")
    search_fields = ("bills_api_id", "number", "bill_stage__bill__short_title")
    list_select_related = ("bill_stage",)
    raw_id_fields = ("bill_stage",)
    inlines = [SponsorshipInline, GroupedAmendmentInline]


@admin.register(Sponsorship)
class SponsorshipAdmin(ClauseStoryAdmin):
    """A wrong name is corrected here; a supporter the source lacks is added here, marked as added by hand."""

    list_display = ("name", "members_api_id", "amendment", "ping_pong_item", "position", "is_lead", "added_by_hand")
    list_filter = ("added_by_hand", "is_lead")
    search_fields = ("name", "members_api_id", "amendment__number", "ping_pong_item__number")
    raw_id_fields = ("amendment", "ping_pong_item", "grouped_amendment", "member")
    readonly_fields = ("added_by_hand",)

    def get_exclude(self, request, obj=None):
        return ("position",) if obj is None else ()

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            parent = {name: getattr(obj, f"{name}_id") for name in ("amendment", "ping_pong_item", "grouped_amendment")}
            taken = Sponsorship.objects.filter(**{f"{k}_id": v for k, v in parent.items()}, added_by_hand=True).count()
            obj.position = HAND_ADDED_FROM + taken
        super().save_model(request, obj, form, change)
        if not change:
            self.after_correction(obj)

    def after_correction(self, obj) -> None:
        parent = obj.amendment or obj.ping_pong_item or obj.grouped_amendment
        bill_corrected.send(sender=type(obj), bill=parent.bill_stage.bill)


class DivisionLinkInline(ReadOnlyInline):
    model = DivisionLink
    fields = ("kind", "number", "amendment", "ping_pong_item", "grouped_amendment", "method", "matched_text")


@admin.register(Division)
class DivisionAdmin(CorrectableAdmin):
    list_display = ("__str__", "source", "source_id", "bill", "for_count", "against_count", "vote_lists_recorded")
    list_filter = ("house", "source", "vote_lists_recorded")
    search_fields = ("source_id", "title", "bill__short_title")
    list_select_related = ("bill",)
    raw_id_fields = ("bill",)
    inlines = [DivisionLinkInline]

    def after_correction(self, obj) -> None:
        bill_corrected.send(sender=type(obj), bill=obj.bill)


@admin.register(DivisionLink)
class DivisionLinkAdmin(CorrectableAdmin):
    """Which amendment or motion a division decided; a wrong link is corrected here."""

    list_display = ("division", "kind", "number", "amendment", "ping_pong_item", "method")
    list_filter = ("kind", "method")
    raw_id_fields = ("division", "amendment", "ping_pong_item", "grouped_amendment")

    def after_correction(self, obj) -> None:
        bill_corrected.send(sender=type(obj), bill=obj.division.bill)


@admin.register(Vote)
class VoteAdmin(CorrectableAdmin):
    list_display = ("name", "members_api_id", "division", "lobby", "is_teller", "party_name")
    list_filter = ("lobby", "is_teller")
    search_fields = ("name", "members_api_id")
    list_select_related = ("division",)
    raw_id_fields = ("division", "member")


@admin.register(SourceList)
class SourceListAdmin(admin.ModelAdmin):
    list_display = ("url", "kind", "bill", "first_read_run")
    list_filter = ("kind",)
    raw_id_fields = ("bill", "bill_stage", "first_read_run")
