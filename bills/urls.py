from django.urls import path

import tracker.converters  # noqa: F401 (registers the id, ext_id and house converters)

from . import views

app_name = "bills"

urlpatterns = [
    path("", views.bill_list, name="list"),
    path("<id:bills_api_id>/", views.bill_detail, name="detail_short"),
    path("<id:bills_api_id>/<slug:slug>/", views.bill_detail, name="detail"),
    path("members/<id:members_api_id>/<slug:slug>/", views.member_detail, name="member"),
    path("<id:bills_api_id>/<slug:slug>/clauses/", views.bill_clauses, name="clauses"),
    path("<id:bills_api_id>/<slug:slug>/clauses.csv", views.bill_clauses_csv, name="clauses_csv"),
    path("<id:bills_api_id>/<slug:slug>/clauses/<slug:key>/", views.clause_detail, name="clause"),
]
