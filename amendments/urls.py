from django.urls import path

import tracker.converters  # noqa: F401 (registers the id, ext_id and house converters)

from . import views

app_name = "amendments"

urlpatterns = [
    path("bills/<id:bills_api_id>/<slug:slug>/amendments/", views.bill_amendments, name="bill_amendments"),
    path("bills/<id:bills_api_id>/<slug:slug>/amendments.csv", views.bill_amendments_csv,
         name="bill_amendments_csv"),
    path("divisions/<house:house>/<id:source_id>/", views.division_detail, name="division"),
    path("divisions/<house:house>/<id:source_id>/votes.csv", views.division_votes_csv, name="division_votes_csv"),
]
