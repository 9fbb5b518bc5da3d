from django.urls import path, register_converter

import tracker.converters  # noqa: F401 (registers the id, ext_id and house converters)

from . import views
from .feeds import TargetEventsFeed
from .targets import TargetKindConverter

app_name = "alerts"
register_converter(TargetKindConverter, "target_kind")

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/sent/", views.subscribe_sent, name="subscribe_sent"),
    path("subscribe/<target_kind:target_kind>/<id:target_id>/", views.subscribe_page, name="subscribe_page"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("feeds/<target_kind:target_kind>/<id:target_id>.atom", TargetEventsFeed(), name="feed"),
]
