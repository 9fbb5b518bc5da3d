"""The API's human docs: swagger-ui from the vendored copy in static/vendor/swagger-ui, reading
/api/v1/openapi.json. Nothing is loaded from anywhere else."""

from django.shortcuts import render
from django.urls import reverse

from tracker.pagecache import cached_page

from .api import api


@cached_page
def docs(request):
    return render(request, "api/docs.html", {"openapi_url": reverse("api-v1:openapi-json"), "title": api.title,
                                             "version": api.version, "description": api.description})
