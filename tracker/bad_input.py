"""Middleware refusing requests that carry a NUL byte (in the path, the query or a posted
field) with a 400: no column can hold one, and PostgreSQL fails the query outright."""

from __future__ import annotations

from django.http import HttpResponseBadRequest


def _has_nul(request) -> bool:
    if "\x00" in request.path:
        return True
    fields = [request.GET]
    if request.method == "POST" and request.content_type in ("application/x-www-form-urlencoded",
                                                             "multipart/form-data"):
        fields.append(request.POST)
    return any("\x00" in key or any("\x00" in value for value in values)
               for query in fields for key, values in query.lists())


class RefuseNulBytesMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            return HttpResponseBadRequest("Bad request: the address or form holds a NUL character.")
        return self.get_response(request)
