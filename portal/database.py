"""A client-side limit on how long a web request waits for PostgreSQL on an open connection.

`statement_timeout` is enforced by the server: a frozen server (stopped process, exhausted machine) never
sends it, and its kernel still acknowledges TCP, so neither keepalives nor `tcp_user_timeout` notice. A
persistent connection would then hang until gunicorn kills the worker. Here each wait on the socket gives up
after settings.DATABASE_CLIENT_TIMEOUT seconds: the connection is closed (Django opens a new one, bounded by
connect_timeout) and the request fails with an OperationalError, shown as the French 503.
"""

from django.conf import settings
from django.db.backends.signals import connection_created

try:
    import psycopg
    from psycopg.errors import _WaitTimeout
except ImportError:  # SQLite-only installations
    psycopg = None

_timed_classes: dict[type, type] = {}


def _timed_class(base: type) -> type:
    if base not in _timed_classes:

        class TimedConnection(base):
            portal_wait_timeout: float | None = None

            def wait(self, gen, interval=0.1, timeout=None):
                try:
                    return super().wait(gen, interval, timeout if timeout is not None else self.portal_wait_timeout)
                except _WaitTimeout:
                    self.close()
                    raise psycopg.OperationalError(
                        f"PostgreSQL has not answered for {self.portal_wait_timeout:g} s; connection closed."
                    ) from None

        _timed_classes[base] = TimedConnection
    return _timed_classes[base]


def limit_waits(sender, connection, **kwargs) -> None:
    timeout = getattr(settings, "DATABASE_CLIENT_TIMEOUT", 0)
    raw = connection.connection
    if psycopg is None or not timeout or connection.vendor != "postgresql" or not isinstance(raw, psycopg.Connection):
        return
    raw.__class__ = _timed_class(type(raw))
    raw.portal_wait_timeout = float(timeout)


connection_created.connect(limit_waits, dispatch_uid="portal.database.limit_waits")
