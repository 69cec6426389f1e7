"""The sign-in page offers single sign-on first; the password form is the administrators' way in."""

import pytest
from django.contrib.auth import SESSION_KEY

from tests.identity_providers.fixtures import OIDC_NAME, SAML_NAME, UNREACHABLE, oidc_entry, saml_entry
from tests.utils import page_text

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-de-test"


@pytest.fixture
def two_providers(sso_settings):
    return sso_settings(
        oidc=[oidc_entry(f"{UNREACHABLE}/realms/ast")],
        saml=[saml_entry("urn:ast:adfs", f"{UNREACHABLE}/metadata/")],
    )


def test_each_configured_provider_has_its_button_first(client, two_providers):
    response = client.get("/comptes/connexion/")
    text = page_text(response)
    assert f"Se connecter avec {OIDC_NAME}" in text
    assert f"Se connecter avec {SAML_NAME}" in text
    body = response.content.decode()
    assert body.index("Se connecter avec") < body.index("Connexion de secours")
    assert 'name="password"' not in body, "the password form stays behind the break-glass link"
    assert 'action="/comptes/oidc/annuaire/login/' in body
    assert 'action="/comptes/saml/adfs/login/' in body


def test_the_break_glass_link_opens_the_password_form(client, two_providers, administrator):
    form = client.get("/comptes/connexion/?secours=1")
    assert 'name="password"' in form.content.decode()
    response = client.post("/comptes/connexion/?secours=1", {"login": administrator.email, "password": PASSWORD})
    assert response.status_code == 302
    assert int(client.session[SESSION_KEY]) == administrator.pk


def test_a_wrong_password_keeps_the_form_open_with_its_error(client, two_providers, administrator):
    response = client.post("/comptes/connexion/?secours=1", {"login": administrator.email, "password": "non"})
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "Le formulaire contient une erreur" in page_text(response)


def test_the_next_page_survives_the_break_glass_link(client, two_providers):
    response = client.get("/comptes/connexion/?next=/actualites/")
    assert "?secours=1&amp;next=/actualites/" in response.content.decode()


def test_without_provider_the_password_form_is_the_sign_in(client, sso_settings):
    sso_settings()
    response = client.get("/comptes/connexion/")
    assert 'name="password"' in response.content.decode()
    assert "Se connecter avec" not in page_text(response)


def test_the_local_sign_in_can_be_switched_off(client, sso_settings, administrator):
    sso_settings(oidc=[oidc_entry(f"{UNREACHABLE}/realms/ast")], local_login=False)
    page = client.get("/comptes/connexion/?secours=1")
    assert 'name="password"' not in page.content.decode()
    assert "Connexion de secours" not in page_text(page)
    client.post("/comptes/connexion/", {"login": administrator.email, "password": PASSWORD})
    assert SESSION_KEY not in client.session


def test_a_bookmarked_provider_address_asks_to_continue_in_french(client, two_providers):
    response = client.get("/comptes/oidc/annuaire/login/")
    assert response.status_code == 200
    text = page_text(response)
    assert f"Connexion avec {OIDC_NAME}" in text
    assert "Continuer" in text


def test_the_sp_metadata_is_published_without_reaching_the_idp(client, two_providers):
    # The IdP does not answer; its administrators still need the portal's metadata.
    response = client.get("/comptes/saml/adfs/metadata/", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'entityID="http://127.0.0.1/comptes/saml/adfs/metadata/"' in body
    assert "http://127.0.0.1/comptes/saml/adfs/acs/" in body
    assert "http://127.0.0.1/comptes/saml/adfs/sls/" in body
