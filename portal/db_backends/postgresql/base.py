"""Django's PostgreSQL engine with bounded waits (portal/database.py): ENGINE "portal.db_backends.postgresql",
set by portal/settings/resilience.py whenever DATABASE_URL names PostgreSQL."""

from django.conf import settings
from django.db.backends.postgresql import base

from portal import database


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        # Web requests wait DATABASE_CLIENT_TIMEOUT at most; manage.py commands (0) as long as they need.
        connection = super().get_new_connection(conn_params)
        return database.limit_waits(connection, getattr(settings, "DATABASE_CLIENT_TIMEOUT", 0))

    def is_usable(self):
        # The check of a reused connection (SELECT 1) takes milliseconds on a live server: a frozen one is
        # given up after the short health-check wait, then a new connection is tried (connect_timeout).
        with database.waits_at_most(self.connection, getattr(settings, "DATABASE_HEALTH_CHECK_TIMEOUT", None)):
            return super().is_usable()
