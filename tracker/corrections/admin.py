"""Corrections in the admin: every edit of a scraped field becomes an override with a reason."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from .models import Conflict, Override
from .readable import field_label, readable_value
from .services import conflict_resolve, corrections_for, override_remove, override_save, restored

REASON_FIELD = "correction_reason"
admin.site.index_template = "admin/tracker_index.html"  # leads with the review queue
admin.site.site_header = "Clause tracker administration"


class CorrectableAdmin(admin.ModelAdmin):
    """For scraped models. Changing a field stores an Override (the next scrape keeps it)
    and needs a reason; adding a row by hand is allowed where the model has `added_by_hand`."""

    correction_help = "Why the source is wrong. Shown with the corrected value on the public pages."

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The reason is the form's own field, not the model's: keep it out of the model form's fields.
        fields = kwargs["fields"] if "fields" in kwargs else flatten_fieldsets(self.get_fieldsets(request, obj))
        if fields is not None:
            kwargs["fields"] = [f for f in fields if f != REASON_FIELD]
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            return form
        reason = forms.CharField(label="Reason for this correction", widget=forms.Textarea(attrs={"rows": 3}),
                                 help_text=self.correction_help)
        return type(f"{form.__name__}WithReason", (form,), {REASON_FIELD: reason})

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != REASON_FIELD]
        return [*fields, REASON_FIELD] if obj is not None else fields

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            if hasattr(obj, "added_by_hand"):
                obj.added_by_hand = True
            obj.save()
            return
        reason = form.cleaned_data[REASON_FIELD]
        for name in form.changed_data:
            if name != REASON_FIELD and name not in {f.name for f in obj._meta.many_to_many}:
                override_save(obj=obj, field=name, value=form.cleaned_data[name], reason=reason, user=request.user)
        self.after_correction(obj)

    def after_correction(self, obj) -> None:
        """Recompute what derives from the corrected row; rows nothing derives from need nothing."""
        return None

    def save_related(self, request, form, formsets, change) -> None:
        """A new row saves its relations as usual. A corrected row's own many-to-many fields
        are not overridable, so they stay as scraped; its inlines are saved (read-only ones
        change nothing), which also gives the admin what it records in the change message."""
        if not change:
            super().save_related(request, form, formsets, change)
            return
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None:
            context["corrections"] = list(corrections_for([obj]).get((type(obj), obj.pk), {}).values())
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


@admin.register(Override)
class OverrideAdmin(SimpleHistoryAdmin):
    list_display = ("record", "corrected_field", "corrected_value", "source_said", "reason", "created_by", "updated_at")
    list_select_related = ("content_type", "created_by")
    list_filter = ("content_type",)
    search_fields = ("source_key", "field", "reason")
    readonly_fields = ("content_type", "object_id", "source_key", "field", "source_value", "created_by")
    history_list_display = ("value", "reason")
    actions = ["remove_corrections"]

    def has_add_permission(self, request) -> bool:
        return False  # corrections are made on the record itself

    @admin.display(description="Record", ordering="source_key")
    def record(self, obj: Override) -> str:
        return f"{obj.content_type.name} {obj.source_key}"

    @admin.display(description="Field", ordering="field")
    def corrected_field(self, obj: Override) -> str:
        return field_label(obj.content_type.model_class(), obj.field)

    @admin.display(description="Corrected to")
    def corrected_value(self, obj: Override) -> str:
        return readable_value(obj.content_type.model_class(), obj.field, obj.value)

    @admin.display(description="The source says")
    def source_said(self, obj: Override) -> str:
        return readable_value(obj.content_type.model_class(), obj.field, obj.source_value)

    def save_model(self, request, obj, form, change) -> None:
        """An edit here (or a revert to an earlier version) corrects the row as well."""
        model = obj.content_type.model_class()
        target = model.objects.get(pk=obj.object_id)
        override_save(obj=target, field=obj.field, value=restored(model, obj.field, obj.value),
                      reason=obj.reason, user=request.user)

    def get_urls(self):
        return [path("<int:pk>/diff/", self.admin_site.admin_view(self.diff_view), name="corrections_override_diff"),
                *super().get_urls()]

    def diff_view(self, request, pk: int):
        """What changed between two versions of a correction (?older=&newer= history ids)."""
        override = get_object_or_404(Override.history.model, history_id=request.GET.get("newer"), id=pk)
        older = get_object_or_404(Override.history.model, history_id=request.GET.get("older"), id=pk)
        changes = override.diff_against(older).changes
        return TemplateResponse(request, "admin/corrections/override_diff.html", {
            **self.admin_site.each_context(request), "title": f"Changes to {override.instance}",
            "older": older, "newer": override, "changes": changes, "opts": self.model._meta,
        })

    @admin.action(description="Remove the correction (show what the source says)", permissions=["change"])
    def remove_corrections(self, request, queryset) -> None:
        for override in queryset:
            override_remove(override=override, user=request.user, reason="Removed in the admin")
        messages.success(request, f"Removed {len(queryset)} correction(s).")


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ("subject", "source_now_says", "correction_says", "detected_at", "resolution", "resolved_by")
    list_select_related = ("override__content_type", "resolved_by")
    list_filter = ("resolution",)
    readonly_fields = ("override", "subject", "source_value", "override_value", "detected_at", "scrape_run",
                       "resolution", "resolved_by", "resolved_at")
    actions = ["keep_corrections", "accept_source"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="The source now says")
    def source_now_says(self, obj: Conflict) -> str:
        return "(row removed)" if obj.orphaned else self._readable(obj, obj.source_value)

    @admin.display(description="The correction says")
    def correction_says(self, obj: Conflict) -> str:
        return self._readable(obj, obj.override_value)

    @staticmethod
    def _readable(conflict: Conflict, value) -> str:
        override = conflict.override
        return readable_value(override and override.content_type.model_class(), override.field if override else "", value)

    @admin.action(description="Keep the correction", permissions=["change"])
    def keep_corrections(self, request, queryset) -> None:
        for conflict in queryset.filter(resolution=Conflict.Resolution.OPEN):
            conflict_resolve(conflict=conflict, accept_source=False, user=request.user)

    @admin.action(description="Accept the source's value (removes the correction)", permissions=["change"])
    def accept_source(self, request, queryset) -> None:
        for conflict in queryset.filter(resolution=Conflict.Resolution.OPEN).exclude(override=None):
            conflict_resolve(conflict=conflict, accept_source=True, user=request.user)
