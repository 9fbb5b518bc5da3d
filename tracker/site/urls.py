from django.contrib import admin
from django.urls import path

import tracker.converters  # noqa: F401 (registers the id, ext_id and house converters)

from . import views

app_name = "site"

urlpatterns = [
    path("bills/<id:bills_api_id>/", views.bill_detail, name="bill_short"),
    path("bills/<id:bills_api_id>/<slug:slug>/", views.bill_detail, name="bill"),
    path("bills/members/<id:members_api_id>/<slug:slug>/", views.member_detail, name="member"),
    path("bills/members/<id:members_api_id>/<slug:slug>/amendments.csv", views.member_amendments_csv,
         name="member_amendments_csv"),
    path("bills/members/<id:members_api_id>/<slug:slug>/votes.csv", views.member_votes_csv, name="member_votes_csv"),
    path("amendments/<id:bills_api_id>/", views.amendment_detail, name="amendment"),
    path("admin/review/", admin.site.admin_view(views.review_queue_view), name="review_queue"),
    path("admin/review/losses/<int:pk>/confirm/", admin.site.admin_view(views.held_back_loss_confirm),
         name="held_back_loss_confirm"),
]
