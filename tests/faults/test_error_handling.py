"""In-process: which failures become the French 503, what machine-readable callers get, the health check
without the session, and the Redis cache degrading to misses. The real outages: test_outages.py."""

import logging
import time

import pytest
from django.db import OperationalError, ProgrammingError, connection
from django.test import Client

from portal.cache import ResilientRedisCache
from tests.servers import free_port
from tests.utils import page_text


def failing_database(error_class):
    def wrapper(execute, sql, params, many, context):
        raise error_class("server closed the connection unexpectedly")

    return connection.execute_wrapper(wrapper)


@pytest.fixture
def reader_browser(reader):
    client = Client(raise_request_exception=False)
    client.force_login(reader)
    return client


@pytest.mark.django_db
def test_database_unreachable_gives_the_french_503_page(reader_browser, home):
    with failing_database(OperationalError):
        response = reader_browser.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    text = page_text(response)
    assert "Service momentanément indisponible" in text
    assert "server closed" not in text


@pytest.mark.django_db
def test_a_programming_error_stays_a_500(reader_browser, home):
    with failing_database(ProgrammingError):
        response = reader_browser.get("/")
    assert response.status_code == 500
    assert "Une erreur est survenue" in page_text(response)


@pytest.mark.django_db
def test_feeds_and_the_api_get_a_short_503(reader_browser, home):
    with failing_database(OperationalError):
        feed = reader_browser.get("/flux/actualites.rss")
        api = reader_browser.get("/api/search/?q=sante")
    assert feed.status_code == 503
    assert feed["Content-Type"].startswith("text/plain")
    assert "indisponible" in feed.content.decode()
    assert api.status_code == 503
    assert "indisponible" in api.json()["detail"]


@pytest.mark.django_db
def test_health_with_a_session_cookie_reads_no_session(reader_browser, django_assert_num_queries):
    with django_assert_num_queries(1):  # the task queue's aggregate, nothing else
        response = reader_browser.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    with failing_database(OperationalError):
        assert reader_browser.get("/health/").status_code == 503


def test_an_unreachable_redis_reads_as_an_empty_cache_that_accepts_writes(caplog):
    cache = ResilientRedisCache(
        f"redis://127.0.0.1:{free_port()}/0", {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}
    )
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        start = time.monotonic()
        assert cache.get("site", "absent") == "absent"
        # add() says "stored": a lock built on it never blocks (sign-in throttling is in the database).
        assert cache.add("lock", 1) is True
        cache.set("session", {"user": 1})
        assert cache.get_many(["a", "b"]) == {}
        assert cache.get_or_set("computed", lambda: 42) == 42
        with pytest.raises(ValueError):
            cache.incr("counter")
        for _ in range(200):
            cache.get("site")
        assert time.monotonic() - start < 2
    assert len([record for record in caplog.records if "injoignable" in record.getMessage()]) == 1
