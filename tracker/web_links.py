"""The `web_url` template filter (a builtin, see TEMPLATES): a URL from a source is rendered
as a link only when it is http or https; anything else (javascript:, data:, a bare word)
gives "" so the template shows the text without a link."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def web_url(value) -> str:
    url = str(value or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""
