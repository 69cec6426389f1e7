"""allauth's rate limits are on: guessing a password stops after a few tries, in French. The counters are in the
database (accounts/throttle.py): whatever the cache does, and per client address as a named, trusted proxy
gives it; by default no forwarded address is believed."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache

from accounts.throttle import ThrottleEntry
from portal.settings import base
from tests.utils import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def rate_limits(settings):
    # The test settings switch them off; these are the ones every environment runs with. The counters are rows
    # of the test's database transaction: each test starts with none.
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, reader, rate_limits):
    for _ in range(5):
        client.post("/comptes/connexion/", {"login": reader.email, "password": "pas-le-bon"})

    response = client.post("/comptes/connexion/", {"login": reader.email, "password": "motdepasse-de-test"})

    assert SESSION_KEY not in client.session, "even the right password waits once the limit is reached"
    assert response.status_code == 200
    assert "Trop de tentatives de connexion échouées" in page_text(response)


def test_too_many_requests_get_a_french_page(client, reader, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    client.post("/comptes/connexion/", {"login": reader.email, "password": "pas-le-bon"})

    response = client.post("/comptes/connexion/", {"login": reader.email, "password": "motdepasse-de-test"})

    assert response.status_code == 429
    assert "Vous avez fait trop de tentatives en peu de temps" in page_text(response)
    assert SESSION_KEY not in client.session


def _sign_in(client, reader, password, address):
    return client.post(
        "/comptes/connexion/", {"login": reader.email, "password": password}, HTTP_X_FORWARDED_FOR=address
    )


def test_the_counters_live_in_the_database_not_in_the_cache(client, reader, rate_limits):
    for _ in range(5):
        client.post("/comptes/connexion/", {"login": reader.email, "password": "pas-le-bon"})
    assert ThrottleEntry.objects.exists()
    cache.clear()  # Redis restarted, evicting, or another worker's memory

    response = client.post("/comptes/connexion/", {"login": reader.email, "password": "motdepasse-de-test"})

    assert SESSION_KEY not in client.session
    assert "Trop de tentatives de connexion échouées" in page_text(response)


def test_behind_a_named_proxy_each_client_is_counted_apart(client, reader, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip"}
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _ in range(3):
        _sign_in(client, reader, "pas-le-bon", "203.0.113.7")
    # The guesser is stopped; a colleague behind the same load balancer is not.
    _sign_in(client, reader, "motdepasse-de-test", "203.0.113.7")
    assert SESSION_KEY not in client.session
    _sign_in(client, reader, "motdepasse-de-test", "198.51.100.20")
    assert SESSION_KEY in client.session


def test_without_a_named_proxy_a_forwarded_address_is_not_believed(client, reader, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip"}
    for number in range(3):
        _sign_in(client, reader, "pas-le-bon", f"203.0.113.{number}")
    # Every attempt counted under the connection's address: changing the header does not reset the count.
    _sign_in(client, reader, "motdepasse-de-test", "198.51.100.20")
    assert SESSION_KEY not in client.session


def test_a_request_that_went_around_the_proxy_is_counted_not_refused(client, reader, rate_limits, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2  # two proxies of ours, but the request names one address
    response = _sign_in(client, reader, "motdepasse-de-test", "203.0.113.7")
    assert response.status_code == 302
    assert SESSION_KEY in client.session
