"""Client-side limits on how long a process waits for PostgreSQL on an open connection.

`statement_timeout` is enforced by the server: a frozen server (stopped process, exhausted machine) never
sends it, and its kernel still acknowledges TCP, so neither keepalives nor `tcp_user_timeout` notice. A
persistent connection would then hang until gunicorn kills the worker. Here each wait on the socket of a web
request gives up after settings.DATABASE_CLIENT_TIMEOUT seconds (none for `manage.py` commands): the
connection is closed (Django opens a new one, bounded by connect_timeout) and the request fails with an
OperationalError, shown as the French 503.

A live server answers `SELECT 1` in milliseconds: the check of a reused connection (CONN_HEALTH_CHECKS) and
/health/ wait settings.DATABASE_HEALTH_CHECK_TIMEOUT seconds (1) at most, so that a frozen server costs a
request that check plus one connection attempt, not the client timeout meant for real statements. The limits
are set by the portal's database engine, portal/db_backends/postgresql.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings

from base.framework import psycopg_wait_timeout

try:
    import psycopg
except ImportError:  # SQLite-only installations
    psycopg = None

# What psycopg raises when a wait outlasts its timeout (None without psycopg).
WAIT_TIMEOUT = psycopg_wait_timeout()

_timed_classes: dict[type, type] = {}


def _timed_class(base: type) -> type:
    if base not in _timed_classes:

        class TimedConnection(base):
            portal_wait_timeout: float | None = None

            def wait(self, gen, interval=0.1, timeout=None):
                waited = self.portal_wait_timeout
                try:
                    return super().wait(gen, interval, timeout if timeout is not None else waited)
                except WAIT_TIMEOUT:
                    self.close()
                    raise psycopg.OperationalError(
                        f"PostgreSQL has not answered for {waited:g} s; connection closed."
                    ) from None

        _timed_classes[base] = TimedConnection
    return _timed_classes[base]


def limit_waits(raw_connection, seconds: float | None):
    """Give each wait on this psycopg connection `seconds` at most (None or 0: no limit, but a limit can still
    be set for a while by waits_at_most)."""
    if psycopg is not None and isinstance(raw_connection, psycopg.Connection):
        raw_connection.__class__ = _timed_class(type(raw_connection))
        raw_connection.portal_wait_timeout = float(seconds) if seconds else None
    return raw_connection


@contextmanager
def waits_at_most(raw_connection, seconds: float | None) -> Iterator[None]:
    """Within the block, each wait on this connection lasts `seconds` at most (or its own limit if shorter)."""
    if not seconds or not hasattr(raw_connection, "portal_wait_timeout"):
        yield
        return
    previous = raw_connection.portal_wait_timeout
    raw_connection.portal_wait_timeout = min(previous or seconds, seconds)
    try:
        yield
    finally:
        raw_connection.portal_wait_timeout = previous


@contextmanager
def quick_waits(connection) -> Iterator[None]:
    """Queries in the block that a live server answers at once (a health check) wait
    DATABASE_HEALTH_CHECK_TIMEOUT seconds at most; `connection` is Django's. The connection is checked (if
    reused) or opened first, each bounded as usual."""
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with waits_at_most(connection.connection, getattr(settings, "DATABASE_HEALTH_CHECK_TIMEOUT", None)):
        yield
