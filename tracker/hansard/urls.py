from django.urls import path

from . import views

app_name = "hansard"

urlpatterns = [
    path("hansard/debates/<str:hansard_ext_id>/", views.debate_detail, name="debate"),
    path("bills/<int:bills_api_id>/<slug:slug>/debates/", views.bill_debates, name="bill_debates"),
]
