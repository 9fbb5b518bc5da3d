"""Admin for prints, clauses and their links. Everything here is derived and read-only,
except a ClauseLink an admin adds: a correction (method "admin") that every later run obeys."""

from django import forms
from django.contrib import admin

from .account_entries import FIELDS, account_entries_save
from .corrections import clause_link_check, clause_link_correct
from .derive import bill_clauses_derive
from .identity import ADMIN
from .models import AccountEntry, Clause, ClauseEvent, ClauseLink, ClauseSupport, ClauseVersion, Print


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Print)
class PrintAdmin(ReadOnlyAdmin):
    list_display = ("label", "bill", "position", "source", "bill_stage")
    list_filter = ("source",)
    list_select_related = ("bill", "bill_stage")


@admin.register(Clause)
class ClauseAdmin(ReadOnlyAdmin):
    list_display = ("label", "heading", "bill", "key", "status", "superseded_by")
    search_fields = ("key", "label", "heading", "bill__short_title")
    list_select_related = ("bill", "superseded_by")


@admin.register(ClauseVersion)
class ClauseVersionAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "clause", "heading", "reconstructed")
    search_fields = ("number", "heading", "clause__key", "print__bill__short_title")
    list_select_related = ("print", "clause")


admin.site.register([ClauseEvent, ClauseSupport], ReadOnlyAdmin)


class ClauseLinkForm(forms.ModelForm):
    class Meta:
        model = ClauseLink
        fields = ("older_print", "newer_print", "older", "newer", "amendment", "evidence")
        help_texts = {"older": "empty: it is not in the older print (it entered the bill here)",
                      "newer": "empty: it is not in the newer print (it was left out)",
                      "amendment": "with no older version: the amendment that proposed the new clause it is",
                      "evidence": "why: shown on the clause page"}

    def clean(self):
        data = super().clean()
        if all(data.get(name) for name in ("older_print", "newer_print")):
            try:
                clause_link_check(older_print=data["older_print"], newer_print=data["newer_print"],
                                  older=data.get("older"), newer=data.get("newer"), amendment=data.get("amendment"))
            except forms.ValidationError as error:
                raise forms.ValidationError(error.messages) from error
        return data


@admin.register(ClauseLink)
class ClauseLinkAdmin(admin.ModelAdmin):
    """Links as derived; add one to correct how a clause was followed (it always wins)."""

    form = ClauseLinkForm
    list_display = ("__str__", "bill", "method", "confidence")
    list_filter = ("method",)
    list_select_related = ("bill", "older", "newer")
    raw_id_fields = ("older_print", "newer_print", "older", "newer", "amendment")

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None or obj.method == ADMIN

    def has_delete_permission(self, request, obj=None) -> bool:
        return obj is None or obj.method == ADMIN

    def save_model(self, request, obj, form, change) -> None:
        if change:
            ClauseLink.objects.filter(pk=obj.pk).delete()  # the corrected correction is replaced
        data = form.cleaned_data
        saved = clause_link_correct(older_print=data["older_print"], newer_print=data["newer_print"],
                                    older=data.get("older"), newer=data.get("newer"), amendment=data.get("amendment"),
                                    evidence=data["evidence"])
        obj.pk = saved.pk

    def delete_model(self, request, obj) -> None:
        bill = obj.bill
        super().delete_model(request, obj)
        bill_clauses_derive(bill=bill)


@admin.register(AccountEntry)
class AccountEntryAdmin(admin.ModelAdmin):
    """What a cited account records of someone's stance on a clause, where no API response
    carries it: the citation and reason are shown on the clause page as an editor's entry."""

    list_display = ("name", "stance", "clause_key", "bill", "said_on")
    list_filter = ("stance",)
    search_fields = ("name", "clause_key", "quote")
    raw_id_fields = ("bill",)
    exclude = ("created_by",)

    def save_model(self, request, obj, form, change) -> None:
        saved = account_entries_save(bill=obj.bill, user=request.user, entries=[
            {"key": obj.key, **{name: getattr(obj, name) for name in FIELDS}}])
        obj.pk = saved[0].pk

    def delete_model(self, request, obj) -> None:
        bill = obj.bill
        super().delete_model(request, obj)
        bill_clauses_derive(bill=bill)
