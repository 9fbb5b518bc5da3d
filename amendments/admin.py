from django.contrib import admin

from .models import Amendment, Division, DivisionLink, GroupedAmendment, PingPongItem, SourceList, Sponsorship, Vote


class SponsorshipInline(admin.TabularInline):
    model = Sponsorship
    extra = 0
    fields = ("position", "members_api_id", "member", "name", "party_name", "is_lead")
    raw_id_fields = ("member",)


@admin.register(Amendment)
class AmendmentAdmin(admin.ModelAdmin):
    list_display = ("bills_api_id", "number", "bill_stage", "amendment_type", "clause", "schedule", "decision")
    list_filter = ("decision", "amendment_type", "bill_stage__house")
    search_fields = ("bills_api_id", "number", "new_clause_title", "bill_stage__bill__short_title")
    list_select_related = ("bill_stage",)
    raw_id_fields = ("bill_stage",)
    inlines = [SponsorshipInline]


class GroupedAmendmentInline(admin.TabularInline):
    model = GroupedAmendment
    extra = 0
    fields = ("group_position", "position", "number", "decision")
    show_change_link = True


@admin.register(PingPongItem)
class PingPongItemAdmin(admin.ModelAdmin):
    list_display = ("bills_api_id", "type", "number", "bill_stage", "decision")
    list_filter = ("type", "decision")
    search_fields = ("bills_api_id", "number", "bill_stage__bill__short_title")
    list_select_related = ("bill_stage",)
    raw_id_fields = ("bill_stage",)
    inlines = [SponsorshipInline, GroupedAmendmentInline]


class DivisionLinkInline(admin.TabularInline):
    model = DivisionLink
    extra = 0
    fields = ("kind", "number", "amendment", "ping_pong_item", "grouped_amendment", "method", "matched_text")
    raw_id_fields = ("amendment", "ping_pong_item", "grouped_amendment")


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "source", "source_id", "bill", "for_count", "against_count", "vote_lists_recorded")
    list_filter = ("house", "source", "vote_lists_recorded")
    search_fields = ("source_id", "title", "bill__short_title")
    list_select_related = ("bill",)
    raw_id_fields = ("bill",)
    inlines = [DivisionLinkInline]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
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
