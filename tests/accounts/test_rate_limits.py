"""allauth's rate limits are on: guessing a password stops after a few tries, in French."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache

from portal.settings import base
from tests.utils import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def rate_limits(settings):
    # The test settings switch them off; these are the ones every environment runs with.
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, reader, rate_limits):
    for _ in range(5):
        client.post("/comptes/connexion/", {"login": reader.email, "password": "pas-le-bon"})

    response = client.post("/comptes/connexion/", {"login": reader.email, "password": "motdepasse-de-test"})

    assert SESSION_KEY not in client.session, "even the right password waits once the limit is reached"
    assert response.status_code == 200
    assert "Trop de tentatives de connexion échouées" in page_text(response)


def test_too_many_requests_get_a_french_page(client, reader, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    cache.clear()
    client.post("/comptes/connexion/", {"login": reader.email, "password": "pas-le-bon"})

    response = client.post("/comptes/connexion/", {"login": reader.email, "password": "motdepasse-de-test"})

    cache.clear()
    assert response.status_code == 429
    assert "Vous avez fait trop de tentatives en peu de temps" in page_text(response)
    assert SESSION_KEY not in client.session
