from django.contrib import admin

from tracker.corrections.admin import CorrectableAdmin
from tracker.corrections.signals import bill_corrected

from .models import Contribution, Debate, Mention


@admin.register(Debate)
class DebateAdmin(CorrectableAdmin):
    list_display = ("title", "house", "date", "bill_stage", "location", "hansard_ext_id")
    list_filter = ("house",)
    search_fields = ("title", "hansard_ext_id", "bill__short_title")
    list_select_related = ("bill_stage",)
    raw_id_fields = ("bill", "bill_stage")


@admin.register(Contribution)
class ContributionAdmin(CorrectableAdmin):
    list_display = ("debate", "order", "attributed_to", "member", "member_match", "heading")
    list_filter = ("member_match", "debate__house")
    search_fields = ("attributed_to", "text_plain", "member__name_display_as")
    list_select_related = ("debate", "member")
    raw_id_fields = ("debate", "member")


@admin.register(Mention)
class MentionAdmin(CorrectableAdmin):
    """A stance read the wrong way is corrected here; the clause's supporters follow."""

    list_display = ("label", "stance", "stance_rule", "confidence", "speaker_role", "contribution", "resolution")
    list_filter = ("kind", "stance", "speaker_role", "in_heading")
    search_fields = ("number", "sentence", "contribution__attributed_to")
    list_select_related = ("contribution__debate", "contribution__member")
    raw_id_fields = ("contribution", "amendment", "ping_pong_item", "clause")

    def after_correction(self, obj) -> None:
        bill_corrected.send(sender=type(obj), bill=obj.contribution.debate.bill)
