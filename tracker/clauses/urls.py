from django.urls import path

import tracker.converters  # noqa: F401 (registers the id, ext_id and house converters)

from . import views

app_name = "clauses"

urlpatterns = [
    path("bills/<id:bills_api_id>/<slug:slug>/clauses/", views.bill_clauses, name="list"),
    path("bills/<id:bills_api_id>/<slug:slug>/clauses.csv", views.bill_clauses_csv, name="list_csv"),
    path("bills/<id:bills_api_id>/<slug:slug>/clauses/<slug:key>/", views.clause_detail, name="detail"),
    path("bills/<id:bills_api_id>/<slug:slug>/clauses/<slug:key>/supporters.csv", views.clause_supporters_csv,
         name="supporters_csv"),
]
