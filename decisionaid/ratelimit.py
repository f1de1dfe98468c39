"""A fixed-window rate limit on Django's cache: "at most N of this, per who, per hour".

With several app servers the cache must be shared (CACHES in settings); with the default
local-memory cache each process counts on its own, which still bounds abuse per process.
"""

import hashlib
import time

from django.core.cache import cache

HOUR = 60 * 60


def allow(action: str, who: str, limit: int, window: int = HOUR) -> bool:
    """Count one more `action` by `who`; False once `limit` is passed in this window."""
    if limit <= 0:
        return False
    bucket = int(time.time() // window)
    # Hashed, so session ids or user ids never sit in the cache's keys as they are.
    digest = hashlib.sha256(f"{action}:{who}".encode()).hexdigest()[:32]
    key = f"ratelimit:{action}:{digest}:{bucket}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        # Evicted between add and incr: start the count again.
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
