"""The private parts of Django, Wagtail and psycopg that base.framework reads or writes still do what the portal
relies on: an upgrade that changes one fails here, by name."""

import inspect
import socket
import time

import psycopg
import psycopg.waiting
import pytest
from django.contrib.auth.middleware import AuthenticationMiddleware, get_user
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping
from wagtail.contrib.routable_page.models import path as page_route
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath

from base import framework
from base.sessions import SessionStore


@pytest.fixture
def request_for():
    factory = RequestFactory()

    def build(host="intranet.example"):
        return factory.get("/", HTTP_HOST=host)

    return build


def test_the_raw_host_is_the_one_wagtail_picks_sites_from_even_outside_allowed_hosts(request_for, settings):
    settings.ALLOWED_HOSTS = ["intranet.example"]
    request = request_for("elsewhere.example:8080")
    assert framework.raw_host(request) == "elsewhere.example:8080"
    # Wagtail reads the same private method to choose a site.
    assert "_get_raw_host" in inspect.getsource(Site._find_for_request)


@pytest.mark.django_db
def test_wagtail_answers_the_site_given_to_the_request_without_a_query(home, request_for, django_assert_num_queries):
    site = Site.objects.get(is_default_site=True)
    request = request_for("unknown.example")
    framework.give_wagtail_site(request, site)

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site


@pytest.mark.django_db
def test_wagtail_builds_page_urls_from_the_root_paths_given_to_the_request(
    home, request_for, django_assert_num_queries
):
    site = Site.objects.get(is_default_site=True)
    request = request_for()
    framework.give_wagtail_site(request, site)
    # Root paths no query could return: the URL can only come from them.
    given = [SiteRootPath(site.pk, home.url_path, "https://given.example", home.locale.language_code)]
    framework.give_wagtail_root_paths(request, given)

    with django_assert_num_queries(0):
        assert home.get_url_parts(request) == (site.pk, "https://given.example", "/")
        assert home.get_url(request) == "/"


@pytest.mark.django_db
def test_without_them_wagtail_queries_the_root_paths(home, request_for, django_assert_max_num_queries):
    """The test above measures something: the root paths are otherwise read from the database."""
    request = request_for()
    framework.give_wagtail_site(request, Site.objects.get(is_default_site=True))
    with django_assert_max_num_queries(5) as queries:
        home.get_url_parts(request)
    assert len(queries) >= 1


@pytest.mark.django_db
def test_django_keeps_the_user_replaced_on_the_request(reader, request_for, django_assert_num_queries):
    request = request_for()
    request.session = SessionStore()
    framework.replace_user(request, reader)
    # AuthenticationMiddleware makes request.user a lazy get_user(request), which must answer the memo.
    AuthenticationMiddleware(lambda request: HttpResponse()).process_request(request)

    with django_assert_num_queries(0):
        assert get_user(request) is reader
        assert request.user.pk == reader.pk


@pytest.mark.django_db
def test_a_skipped_session_answers_empty_without_reading_its_store(django_assert_num_queries):
    stored = SessionStore()
    stored["kept"] = "value"
    stored.save()

    session = SessionStore(session_key=stored.session_key)
    framework.skip_session_load(session)
    with django_assert_num_queries(0):
        assert session.get("kept") is None
        assert dict(session.items()) == {}
    assert not session.modified


@pytest.mark.django_db
def test_a_session_already_read_is_left_as_it_is():
    stored = SessionStore()
    stored["kept"] = "value"
    stored.save()

    session = SessionStore(session_key=stored.session_key)
    assert session["kept"] == "value"
    framework.skip_session_load(session)
    assert session["kept"] == "value"


def test_wagtail_still_marks_a_routable_page_s_own_routes():
    def own(self, request):
        return HttpResponse()

    assert framework.is_routable_page_route(page_route("")(own))
    assert not framework.is_routable_page_route(lambda request: HttpResponse())


def test_the_elasticsearch_backend_overrides_what_modelsearch_still_calls():
    """search.backends.external hands Elasticsearch the plain title through this hook."""
    assert "_get_document_field_data" in inspect.getsource(Elasticsearch8Mapping.get_document)


# modelsearch's SQLite backend can be imported only where the database is SQLite.
if connection.vendor == "sqlite":

    def test_the_sqlite_backend_overrides_what_modelsearch_still_calls():
        """search.backends.sqlite counts the ranked results through this hook."""
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchResults

        from search.backends.sqlite import CountedSQLiteSearchResults

        assert "_do_count" in inspect.getsource(SQLiteSearchResults.__mro__[1].count)
        assert issubclass(CountedSQLiteSearchResults, SQLiteSearchResults)


def test_the_portal_session_store_overrides_what_django_still_calls():
    """base.sessions reads the session with the content version by overriding these methods."""
    assert SessionStore.__mro__[1] is DatabaseSessionStore
    assert "_get_session_from_db" in inspect.getsource(DatabaseSessionStore.load)
    assert callable(DatabaseSessionStore._get_session)


def test_the_anonymous_user_replaces_a_user_before_it_is_read(request_for):
    request = request_for()
    framework.replace_user(request, AnonymousUser())
    assert get_user(request).is_anonymous


def test_psycopg_raises_its_wait_timeout_when_a_wait_outlasts_its_timeout():
    wait_timeout = framework.psycopg_wait_timeout()
    assert wait_timeout is psycopg.errors._WaitTimeout
    assert issubclass(wait_timeout, psycopg.OperationalError)
    assert "timeout" in inspect.signature(psycopg.Connection.wait).parameters

    silent, _other_end = socket.socketpair()

    def wait_for_an_answer():
        while not (yield psycopg.waiting.Wait.R):
            pass

    started = time.monotonic()
    with pytest.raises(wait_timeout):
        psycopg.waiting.wait(wait_for_an_answer(), silent.fileno(), interval=0.05, timeout=0.2)
    assert time.monotonic() - started < 5


# On the PostgreSQL pass only (DATABASE_URL), as a skipped test would fail the strict CI run on SQLite.
if connection.vendor == "postgresql":

    @pytest.mark.django_db
    def test_a_postgresql_connection_raises_the_wait_timeout_on_a_slow_statement():
        params = connection.settings_dict

        class Impatient(psycopg.Connection):
            def wait(self, gen, interval=0.1, timeout=None):
                return super().wait(gen, interval, 0.2)

        raw = Impatient.connect(
            dbname=params["NAME"],
            user=params["USER"],
            password=params["PASSWORD"],
            host=params["HOST"],
            port=params["PORT"],
        )
        try:
            with pytest.raises(framework.psycopg_wait_timeout()):
                raw.execute("SELECT pg_sleep(2)")
        finally:
            raw.close()


def test_wagtail_still_makes_a_new_page_slug_where_base_framework_gives_it_one():
    source = inspect.getsource(Page._set_core_field_defaults)
    assert "_cached_parent_obj" in source and "_get_autogenerated_slug" in source and "not self.slug" in source
