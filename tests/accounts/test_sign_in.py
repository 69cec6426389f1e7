"""Signing in with django-allauth: e-mail and password, no public sign-up, one sign-in page for everything."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.test import Client

from home.services.site_tree import ensure_section
from tests.utils import is_redirect_to_sign_in, page_text, sign_in_url

PASSWORD = "motdepasse-de-test"  # set by tests/conftest.py for every persona


def test_the_sign_in_page_has_a_french_address():
    assert sign_in_url() == "/comptes/connexion/"


@pytest.mark.django_db
def test_sign_in_with_email_and_password_through_the_form(client, reader, home):
    page = client.get("/comptes/connexion/")
    assert page.status_code == 200
    response = client.post("/comptes/connexion/", {"login": "LECTEUR@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == reader.pk
    assert not is_redirect_to_sign_in(client.get("/"))


@pytest.mark.django_db
def test_sign_in_form_passes_the_csrf_check(reader, home):
    browser = Client(enforce_csrf_checks=True)
    form_page = browser.get("/comptes/connexion/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)
    browser.post("/comptes/connexion/", {"login": reader.email, "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert int(browser.session[SESSION_KEY]) == reader.pk


@pytest.mark.django_db
def test_password_reset_page_is_public_and_french(client, roles):
    response = client.get("/comptes/mot-de-passe/oublie/")
    assert response.status_code == 200
    assert 'lang="fr' in response.content.decode()
    assert 'name="email"' in response.content.decode()


def _ask_for_a_reset(client, address: str):
    response = client.post("/comptes/mot-de-passe/oublie/", {"email": address}, follow=True)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_a_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, reader, mailoutbox):
    unknown = _ask_for_a_reset(client, "inconnu@example.org")
    assert mailoutbox == []

    known = _ask_for_a_reset(Client(), reader.email)
    assert [message.to for message in mailoutbox] == [[reader.email]]
    assert "/comptes/" in mailoutbox[0].body

    # Both answers are the same French page: it tells nobody whether an account has this address.
    assert "Si un compte correspond à cette adresse" in page_text(unknown)
    assert page_text(unknown) == page_text(known)
    assert unknown.redirect_chain == known.redirect_chain


@pytest.mark.django_db
def test_sign_in_returns_to_the_page_asked_for(client, reader, home):
    news_index = ensure_section("news.NewsIndexPage")
    refused = client.get(news_index.url)
    assert is_redirect_to_sign_in(refused, next_url=news_index.url)
    response = client.post(refused["Location"], {"login": reader.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == news_index.url


@pytest.mark.django_db
def test_wrong_password_shows_a_french_error_and_does_not_sign_in(client, reader):
    response = client.post("/comptes/connexion/", {"login": reader.email, "password": "pas-le-bon"})
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in page_text(response)


@pytest.mark.django_db
def test_sign_in_refuses_an_inactive_account(client, reader):
    reader.is_active = False
    reader.save()
    client.post("/comptes/connexion/", {"login": reader.email, "password": PASSWORD})
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_public_sign_up_is_closed(client, roles):
    users_before = get_user_model().objects.count()
    page = client.get("/comptes/inscription/")
    assert 'name="password1"' not in page.content.decode()
    assert "fermée" in page_text(page).lower()
    client.post(
        "/comptes/inscription/",
        {
            "email": "nouveau@example.org",
            "password1": "Un-mot-de-passe-solide-42",
            "password2": "Un-mot-de-passe-solide-42",
        },
    )
    assert get_user_model().objects.count() == users_before
    assert not get_user_model().objects.filter(email="nouveau@example.org").exists()
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_sign_out_ends_the_session(reader_client, home):
    assert reader_client.get("/").status_code == 200
    response = reader_client.post("/comptes/deconnexion/")
    assert response.status_code == 302
    assert SESSION_KEY not in reader_client.session
    assert is_redirect_to_sign_in(reader_client.get("/"), next_url="/")


@pytest.mark.django_db
def test_wagtail_admin_sign_in_leads_to_the_portal_sign_in_page(client, project_officer):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/comptes/connexion/"
    assert parse_qs(location.query)["next"] == ["/admin/pages/"]
    # Its own form is not a way in either.
    client.post("/admin/login/", {"username": project_officer.username, "password": PASSWORD})
    assert SESSION_KEY not in client.session


@pytest.mark.django_db
def test_admin_sign_in_hand_over_ignores_foreign_next_urls(client):
    response = client.get("/admin/login/?next=https://ailleurs.example.com/")
    assert response["Location"] == "/comptes/connexion/"


@pytest.mark.django_db
def test_admin_redirects_anonymous_visitors_to_the_portal_sign_in_then_opens(client, project_officer):
    refused = client.get("/admin/")
    assert is_redirect_to_sign_in(refused, next_url="/admin/")
    response = client.post(refused["Location"], {"login": project_officer.email, "password": PASSWORD})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
