from django.urls import path

from . import views

app_name = "amendments"

urlpatterns = [
    path("bills/<int:bills_api_id>/<slug:slug>/amendments/", views.bill_amendments, name="bill_amendments"),
    path("amendments/<int:bills_api_id>/", views.amendment_detail, name="detail"),
    path("divisions/<str:house>/<int:source_id>/", views.division_detail, name="division"),
]
