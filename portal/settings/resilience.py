"""Database and cache settings that keep the portal answering when PostgreSQL or Redis falters.

- PostgreSQL (the portal's engine, portal/db_backends/postgresql): a connection attempt gives up after
  DATABASE_CONNECT_TIMEOUT seconds (3), a web request's statement after DATABASE_STATEMENT_TIMEOUT seconds
  (10; 0 for none), and a frozen server that sends nothing at all is given up after DATABASE_CLIENT_TIMEOUT
  seconds (12, portal/database.py). TCP keepalives and a TCP user timeout notice a server that vanished from
  the network. A persistent connection (DATABASE_CONN_MAX_AGE) is checked before reuse, within
  DATABASE_HEALTH_CHECK_TIMEOUT seconds (1): one broken by a restart or frozen is replaced, so a frozen server
  fails a request within that check plus one connection attempt whatever the client timeout. The page shown
  meanwhile is the French 503 (portal/errors.py).
- Redis (REDIS_URL): the cache degrades to misses whatever Redis does (portal/cache.py), with connect and read
  timeouts of REDIS_TIMEOUT seconds (0.5). Wagtail's image renditions get their own cache alias; sign-in
  throttling's counters live in the database (accounts/throttle.py).
"""

import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_str

MANAGEMENT_PROGRAMS = {"manage.py", "django-admin"}


def resilient(database: dict) -> dict:
    """`database` (a DATABASES entry) with the portal's engine and limits on PostgreSQL, checked before reuse."""
    database = dict(database)
    if database["ENGINE"] == "django.db.backends.postgresql":
        database["ENGINE"] = "portal.db_backends.postgresql"
        database["OPTIONS"] = {**database.get("OPTIONS", {}), **postgres_options()}
    database["CONN_HEALTH_CHECKS"] = True
    return database


def postgres_options() -> dict:
    """libpq connection parameters: give up on an unreachable or frozen server within seconds."""
    connect_timeout = max(env_int("DATABASE_CONNECT_TIMEOUT", 3), 1)
    options = {
        "connect_timeout": connect_timeout,
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        # Unacknowledged data (a server gone from the network) breaks the connection after this delay.
        "tcp_user_timeout": 30_000,
    }
    statement_timeout = statement_timeout_seconds()
    if statement_timeout:
        options["options"] = f"-c statement_timeout={statement_timeout * 1000}"
    return options


def statement_timeout_seconds() -> int:
    # Migrations, imports and backups run through manage.py: their long statements are expected.
    if Path(sys.argv[0]).name in MANAGEMENT_PROGRAMS:
        return 0
    return max(env_int("DATABASE_STATEMENT_TIMEOUT", 10), 0)


def client_timeout() -> int:
    """Seconds a web request waits on an open connection (portal/database.py); by default a little more than
    the statement timeout, so that the server's own limit answers first when the server is alive."""
    statement_timeout = statement_timeout_seconds()
    return max(env_int("DATABASE_CLIENT_TIMEOUT", statement_timeout + 2 if statement_timeout else 0), 0)


def health_check_timeout() -> float:
    """Seconds a reused connection's check and /health/ wait for an answer (portal/database.py)."""
    value = env_str("DATABASE_HEALTH_CHECK_TIMEOUT", "1")
    try:
        return max(float(value), 0.1)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_HEALTH_CHECK_TIMEOUT must be a number of seconds, got {value!r}") from exc


# Sign-in throttling's counters, shared by every worker and instance whatever Redis does (accounts/throttle.py).
# Room for many addresses and accounts: a full table drops a third of its counters, which a flood of made-up
# addresses must not be able to cause.
THROTTLE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "accounts_throttle_entry",
    "OPTIONS": {"MAX_ENTRIES": 100_000},
}


def caches(redis_url: str | None, key_prefix: str) -> dict:
    """CACHES: Redis at `redis_url`, its keys under `key_prefix`, or each process's memory without it."""
    if not redis_url:
        # One memory per process: correct with several workers too, the keys carry the content version kept
        # in the database (base.page_cache); room for the shared parts of a few hundred pages.
        memory = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}
        return {
            "default": memory,
            "renditions": {**memory, "LOCATION": "renditions"},
            "throttle": THROTTLE_CACHE,
        }
    timeout = float(env_str("REDIS_TIMEOUT", "0.5"))
    redis = {
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": redis_url,
        "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
    }
    return {
        "default": {**redis, "KEY_PREFIX": key_prefix},
        "renditions": {**redis, "KEY_PREFIX": f"{key_prefix}:renditions"},
        "throttle": THROTTLE_CACHE,
    }
