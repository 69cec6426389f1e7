"""One-click unsubscribe, without a session: GET asks, POST applies, only the e-mail preference changes."""

import pytest

from participation.models import Follow, NotificationPreference
from participation.services.follows import follow
from participation.unsubscribe import make_token
from tests.utils import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(reader, sections):
    follow(reader, sections["news.NewsIndexPage"])
    NotificationPreference.objects.create(user=reader, email_frequency="weekly")
    return f"/desabonnement/{make_token(reader)}/"


def test_get_confirms_and_changes_nothing(client, reader, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Voulez-vous arrêter les e-mails de notification envoyés à lecteur@example.org" in page_text(response)
    assert NotificationPreference.objects.get(user=reader).email_frequency == "weekly"


def test_post_stops_emails_and_only_that(client, reader, url):
    client.handler.enforce_csrf_checks = True
    response = client.post(url)
    assert response.status_code == 200 and "Désabonnement enregistré" in page_text(response)
    assert NotificationPreference.objects.get(user=reader).email_frequency == "none"
    assert Follow.objects.filter(user=reader, following=True).count() == 1
    assert "_auth_user_id" not in client.session


def test_one_click_post_from_a_mail_client(client, reader, url):
    from django.test import Client

    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=reader).email_frequency == "none"


@pytest.mark.parametrize("token", ["abc", "%00", "x" * 5000, "eyJ1IjoxfQ:1abc:def", "%C2%B2"])
def test_bad_tokens_get_a_french_400(client, reader, url, token):
    for response in (client.get(f"/desabonnement/{token}/"), client.post(f"/desabonnement/{token}/")):
        assert response.status_code in (400, 404)
        if response.status_code == 400:
            assert "Lien de désabonnement non valable" in page_text(response)
    assert NotificationPreference.objects.get(user=reader).email_frequency == "weekly"


def test_a_tampered_or_stale_token_is_refused(client, reader, url):
    token = url.split("/")[2]
    assert client.post(f"/desabonnement/{token[:-2]}xx/").status_code == 400
    reader.email = "nouvelle@example.org"
    reader.save()
    assert client.post(url).status_code == 400
    assert NotificationPreference.objects.get(user=reader).email_frequency == "weekly"


def test_no_cache_keeps_the_pages_that_name_the_account(client, reader, url):
    """Reached from an e-mail without signing in, the pages name the address: no browser or proxy stores them."""
    confirmation = client.get(url)
    done = client.post(url)
    invalid = client.get("/desabonnement/jeton-invalide/")
    assert "lecteur@example.org" in page_text(confirmation)
    for response in (confirmation, done, invalid):
        assert "no-store" in response["Cache-Control"], response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
