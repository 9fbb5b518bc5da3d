from django.urls import path

import tracker.converters  # noqa: F401 (registers the id, ext_id and house converters)

from . import views

app_name = "hansard"

urlpatterns = [
    path("hansard/debates/<ext_id:hansard_ext_id>/", views.debate_detail, name="debate"),
    path("bills/<id:bills_api_id>/<slug:slug>/debates/", views.bill_debates, name="bill_debates"),
]
