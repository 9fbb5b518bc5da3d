"""The site's addresses: each domain's pages, and at the top the pages that compose several."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from .health import healthz
from .site import views as site_views

urlpatterns = [
    path("", site_views.home, name="home"),
    path("about/", TemplateView.as_view(template_name="tracker/about.html"), name="about"),
    path("healthz", healthz, name="healthz"),
    path("", include("tracker.site.urls")),
    path("bills/", include("bills.urls")),
    path("", include("tracker.clauses.urls")),
    path("alerts/", include("tracker.alerts.urls")),
    path("search/", include("tracker.search.urls")),
    path("", include("amendments.urls")),
    path("", include("tracker.hansard.urls")),
    path("admin/", admin.site.urls),
]
