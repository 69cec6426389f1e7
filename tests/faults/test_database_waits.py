"""The portal's PostgreSQL engine against its own server, in-process: a reused connection to a frozen server is
given up after the short health-check wait, not the client timeout; a slow statement on a live server is not
cut by that short wait; manage.py commands keep statements without limit. The whole portal frozen under
gunicorn: test_outages.py."""

import sys
import time

import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler

from portal import database
from portal.settings import resilience
from tests.servers import ServerUnavailable, postgres_server

HEALTH_CHECK_SECONDS = 1
CLIENT_SECONDS = 12

# Their own PostgreSQL: run once, in the SQLite pass (tests/conftest.py).
pytestmark = pytest.mark.own_servers


@pytest.fixture(scope="module")
def server():
    try:
        with postgres_server() as pg:
            yield pg
    except ServerUnavailable as error:
        pytest.fail(str(error))


@pytest.fixture
def connection(server, settings, django_db_blocker):
    """A connection of the portal's engine with the production waits, as a web request has it (to the private
    server, not the suite's database: pytest-django is told to let it through)."""
    settings.DATABASE_CLIENT_TIMEOUT = CLIENT_SECONDS
    settings.DATABASE_HEALTH_CHECK_TIMEOUT = HEALTH_CHECK_SECONDS
    handler = ConnectionHandler(
        {
            "default": {
                "ENGINE": "portal.db_backends.postgresql",
                "NAME": "postgres",
                "USER": "postgres",
                "HOST": "127.0.0.1",
                "PORT": server.port,
                "CONN_HEALTH_CHECKS": True,
                "OPTIONS": {"connect_timeout": 2},
            }
        }
    )
    wrapper = handler["default"]
    with django_db_blocker.unblock():
        wrapper.ensure_connection()
        yield wrapper
        server.resume()
        wrapper.close()


def frozen(server):
    server.pause()
    return time.monotonic()


def test_a_reused_connection_to_a_frozen_server_is_given_up_quickly(server, connection):
    assert connection.connection.portal_wait_timeout == CLIENT_SECONDS
    start = frozen(server)
    try:
        assert connection.is_usable() is False
        elapsed = time.monotonic() - start
    finally:
        server.resume()
    assert HEALTH_CHECK_SECONDS * 0.9 <= elapsed < HEALTH_CHECK_SECONDS + 1.5, elapsed


def test_quick_waits_bound_a_health_query(server, connection):
    start = frozen(server)
    try:
        with pytest.raises(OperationalError), database.quick_waits(connection), connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        elapsed = time.monotonic() - start
    finally:
        server.resume()
    assert elapsed < HEALTH_CHECK_SECONDS + 1.5, elapsed
    # As at the end of a request: the closed connection is dropped, the next one has the client timeout.
    connection.close_if_unusable_or_obsolete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert connection.connection.portal_wait_timeout == CLIENT_SECONDS


def test_a_slow_statement_on_a_live_server_is_not_cut_by_the_short_wait(connection):
    assert connection.is_usable()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(%s)", [HEALTH_CHECK_SECONDS + 0.5])
    with database.quick_waits(connection):
        assert connection.connection.portal_wait_timeout == HEALTH_CHECK_SECONDS
    assert connection.connection.portal_wait_timeout == CLIENT_SECONDS


def test_manage_py_commands_wait_as_long_as_their_statements_need(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["manage.py", "migrate"])
    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT", "10")
    database = resilience.resilient({"ENGINE": "django.db.backends.postgresql"})
    assert database["ENGINE"] == "portal.db_backends.postgresql"
    assert "options" not in database["OPTIONS"]  # no statement_timeout
    assert resilience.client_timeout() == 0
    assert resilience.health_check_timeout() == 1


def test_a_web_process_gets_every_limit(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["gunicorn", "portal.wsgi"])
    monkeypatch.delenv("DATABASE_STATEMENT_TIMEOUT", raising=False)
    monkeypatch.setenv("DATABASE_HEALTH_CHECK_TIMEOUT", "0.5")
    database = resilience.resilient({"ENGINE": "django.db.backends.postgresql"})
    assert database["OPTIONS"]["options"] == "-c statement_timeout=10000"
    assert resilience.client_timeout() == 12
    assert resilience.health_check_timeout() == 0.5
