from django.contrib import admin

from .models import HeldBackLoss, ScrapeProblem, ScrapeRun


class ScrapeProblemInline(admin.TabularInline):
    model = ScrapeProblem
    extra = 0
    can_delete = False
    fields = ("kind", "step", "url", "message", "recorded_at")
    readonly_fields = fields


@admin.register(ScrapeRun)
class ScrapeRunAdmin(admin.ModelAdmin):
    list_display = ("pk", "started_at", "finished_at", "status", "source", "trigger",
                    "created", "updated", "unchanged", "failed", "missing")
    list_filter = ("status", "trigger")
    readonly_fields = [f.name for f in ScrapeRun._meta.fields]
    inlines = [ScrapeProblemInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ScrapeProblem)
class ScrapeProblemAdmin(admin.ModelAdmin):
    list_display = ("recorded_at", "kind", "step", "url", "run")
    list_filter = ("kind", "step")
    search_fields = ("url", "message")
    readonly_fields = ("run", "kind", "step", "url", "message", "recorded_at")

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(HeldBackLoss)
class HeldBackLossAdmin(admin.ModelAdmin):
    """Editors see what the guard on large losses held back; they confirm it on the review queue."""

    editor_actions = ("view", "change")  # given to the editor group (tracker/corrections/permissions.py)
    list_display = ("held_at", "bills_api_id", "kind", "would_go", "stored", "status", "confirmed_by")
    list_filter = ("status", "kind")
    search_fields = ("url", "kind")
    readonly_fields = [f.name for f in HeldBackLoss._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
