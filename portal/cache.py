"""A Redis cache that degrades instead of failing: whatever Redis does, the portal serves from the database.

Everything the portal keeps in the cache (shared page parts and values under the content version, Wagtail's
site roots and renditions) can be rebuilt from the database, and nothing in it decides who sees what
(base.page_cache). So any Redis error reads as a miss and a write is dropped: unreachable or frozen, out of
memory (maxmemory with noeviction), a read-only replica, an unexpected reply. The error is logged once a
minute, not once per call. After a connection failure or a timeout, Redis is left alone for a few seconds: a
stopped or frozen server costs one short timeout, not one per cache call; a server that refuses writes is
still read.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("portal.cache")

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# How long the cache is skipped after a failure before Redis is tried again.
RETRY_AFTER_SECONDS = 5.0
LOG_EVERY_SECONDS = 60.0


class _ServerHealth:
    def __init__(self):
        self.skip_until = 0.0
        self.failing = False
        self._last_logged = float("-inf")
        self._lock = threading.Lock()

    def failed(self, error: BaseException) -> None:
        now = time.monotonic()
        with self._lock:
            self.skip_until = now + RETRY_AFTER_SECONDS
            self.failing = True
            if now - self._last_logged < LOG_EVERY_SECONDS:
                return
            self._last_logged = now
        logger.warning("Cache Redis injoignable (%s) : les pages sont servies depuis la base de données.", error)

    def refused(self, error: BaseException) -> None:
        """Redis answered with an error (out of memory, read-only…): this call is dropped, the next ones tried."""
        now = time.monotonic()
        with self._lock:
            if now - self._last_logged < LOG_EVERY_SECONDS:
                return
            self._last_logged = now
        logger.warning("Cache Redis en erreur (%s) : écriture ignorée, les pages sont calculées.", error)

    def recovered(self) -> None:
        with self._lock:
            if not self.failing:
                return
            self.failing = False
        logger.warning("Cache Redis de nouveau joignable.")


_servers_health: dict[tuple[str, ...], _ServerHealth] = {}
_servers_health_lock = threading.Lock()


def _health_of(servers: tuple[str, ...]) -> _ServerHealth:
    with _servers_health_lock:
        return _servers_health.setdefault(servers, _ServerHealth())


class ResilientRedisCache(RedisCache):
    """Django's RedisCache; an unreachable Redis behaves as an empty cache that accepts every write.

    `add()` then answers True ("stored"): locks built on it, such as allauth's rate limiter, let the
    request through rather than refusing every sign-in while Redis is down.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        # Shared by every alias and thread using this server: one failure is logged and skipped once.
        self._health = _health_of(tuple(self._servers))

    def _call(self, fallback, method, *args, **kwargs):
        if time.monotonic() < self._health.skip_until:
            return fallback
        try:
            result = method(*args, **kwargs)
        except UNREACHABLE as error:
            self._health.failed(error)
            return fallback
        except RedisError as error:
            self._health.refused(error)
            return fallback
        if self._health.failing:
            self._health.recovered()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(True, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call(missing, super().incr, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (cache unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._call(None, super().set_many, data, timeout, version)
        return []

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)
