"""A fixed-window request counter in Django's cache (Redis when configured, else local
memory), shared by every web process that shares the cache."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def rate_limit_exceeded(*, scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count one request for `key` in this window; True once more than `limit` were counted.

    Keys are hashed, so no address or IP is stored in the cache in the clear."""
    cache_key = f"alerts:rate:{scope}:{hashlib.sha256(key.encode()).hexdigest()}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window ended between add and incr
        cache.set(cache_key, 1, timeout=window_seconds)
        count = 1
    return count > limit
