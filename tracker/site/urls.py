from django.contrib import admin
from django.urls import path

from . import views

app_name = "site"

urlpatterns = [
    path("bills/<int:bills_api_id>/", views.bill_detail, name="bill_short"),
    path("bills/<int:bills_api_id>/<slug:slug>/", views.bill_detail, name="bill"),
    path("bills/members/<int:members_api_id>/<slug:slug>/", views.member_detail, name="member"),
    path("amendments/<int:bills_api_id>/", views.amendment_detail, name="amendment"),
    path("admin/review/", admin.site.admin_view(views.review_queue_view), name="review_queue"),
]
