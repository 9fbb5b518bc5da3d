from django.urls import path

from . import views

app_name = "amendments"

urlpatterns = [
    path("bills/<int:bills_api_id>/<slug:slug>/amendments/", views.bill_amendments, name="bill_amendments"),
    path("bills/<int:bills_api_id>/<slug:slug>/amendments.csv", views.bill_amendments_csv,
         name="bill_amendments_csv"),
    path("divisions/<str:house>/<int:source_id>/", views.division_detail, name="division"),
    path("divisions/<str:house>/<int:source_id>/votes.csv", views.division_votes_csv, name="division_votes_csv"),
]
