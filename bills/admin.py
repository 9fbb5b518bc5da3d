from django.contrib import admin

from tracker.corrections.admin import CorrectableAdmin

from .models import Bill, BillStage, BillType, Member, Party, Publication, Sitting, StageType


@admin.register(Bill)
class BillAdmin(CorrectableAdmin):
    list_display = ("short_title", "bills_api_id", "current_house", "current_stage", "is_act", "source_last_update")
    list_filter = ("is_act", "current_house", "originating_house", "is_tracked")
    search_fields = ("short_title", "long_title", "bills_api_id")
    list_select_related = ("current_stage",)
    raw_id_fields = ("current_stage",)
    exclude = ("sessions",)


@admin.register(BillStage)
class BillStageAdmin(CorrectableAdmin):
    list_display = ("description", "bill", "house", "sort_order", "bills_api_id")
    list_select_related = ("bill",)
    search_fields = ("description", "bill__short_title")


@admin.register(Member)
class MemberAdmin(CorrectableAdmin):
    list_display = ("name_display_as", "members_api_id", "party", "house", "membership_from", "is_current")
    list_filter = ("house", "party")
    search_fields = ("name_display_as", "name_list_as", "members_api_id")
    list_select_related = ("party",)


for model in (Party, BillType, StageType, Sitting, Publication):
    admin.site.register(model, CorrectableAdmin)

