"""The client's address behind a configured number of trusted reverse proxies.

Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
with TRUSTED_PROXY_COUNT = n the client is the n-th address from the right of
"X-Forwarded-For entries + the socket address"; entries further left are whatever the
client chose to send and are never trusted. With 0 (the default: no proxy) the socket
address is the client. Rate limits and the admin lockout (AXES_CLIENT_IP_CALLABLE) use it.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    socket_address = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if not trusted:
        return socket_address
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    chain = [*forwarded, socket_address]
    candidate = chain[-(trusted + 1)] if len(chain) > trusted else chain[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a proxy passed on something that is not an address: fall back to the socket's
        return socket_address
