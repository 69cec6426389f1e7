"""Single sign-on in a real browser: through the organisation's OIDC provider and SAML IdP, and back out."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from accounts.roles import PILOTS, READERS
from tests.identity_providers.fixtures import IDP_PASSWORD, OIDC_NAME, SAML_NAME

from .test_accessibility import assert_no_blocking_violations, blocking_violations

pytestmark = pytest.mark.browser


def assert_signed_in_as_camille(page, live_server):
    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Camille")
    expect(page.locator(".hero__metier")).to_have_text("Infirmier en santé au travail")
    # Pilotes, from the IdP group GG-Intranet-Pilotes, opens the administration.
    page.locator("[data-user-menu] summary").click()
    expect(page.get_by_role("link", name="Administration")).to_be_visible()
    user = get_user_model().objects.get(email="camille.lefort@ast62-59.fr")
    assert set(user.groups.values_list("name", flat=True)) == {READERS, PILOTS}


def sign_out(page):
    menu = page.locator("[data-user-menu]")
    if menu.get_attribute("open") is None:
        menu.locator("summary").click()
    menu.get_by_role("button", name="Se déconnecter").click()


def test_signing_in_and_out_through_the_openid_connect_provider(page, live_server, portal, oidc_portal):
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/comptes/connexion/"))
    assert_no_blocking_violations(blocking_violations(page, "sign-in page with single sign-on"))

    page.get_by_role("button", name=f"Se connecter avec {OIDC_NAME}").click()
    expect(page).to_have_url(re.compile("^" + re.escape(oidc_portal.issuer)))
    page.get_by_label("Courriel").fill("camille.lefort@ast62-59.fr")
    page.get_by_label("Mot de passe").fill(IDP_PASSWORD)
    page.get_by_role("button", name="Connexion").click()

    assert_signed_in_as_camille(page, live_server)

    sign_out(page)
    expect(page).to_have_url(re.compile(r"/comptes/connexion/$"))
    expect(page.get_by_text("Vous êtes déconnecté")).to_be_visible()
    page.goto(oidc_portal.issuer + "/")
    expect(page.get_by_text("Non connecté")).to_be_visible()


def test_signing_in_and_out_through_the_saml_idp(page, live_server, portal, saml_portal):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name=f"Se connecter avec {SAML_NAME}").click()
    expect(page).to_have_url(re.compile("^" + re.escape(saml_portal.base_url)))
    page.get_by_label("Identifiant").fill("camille")
    page.get_by_label("Mot de passe").fill(IDP_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()

    assert_signed_in_as_camille(page, live_server)

    sign_out(page)
    expect(page).to_have_url(re.compile(r"/comptes/connexion/$"))
    expect(page.get_by_text("Vous êtes déconnecté")).to_be_visible()
    # The IdP session ended too: the next sign-in asks for the password again.
    page.get_by_role("button", name=f"Se connecter avec {SAML_NAME}").click()
    expect(page.get_by_label("Mot de passe")).to_be_visible()


def test_a_refused_sign_in_reads_clearly_and_is_accessible(page, live_server, portal, oidc_portal):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name=f"Se connecter avec {OIDC_NAME}").click()
    page.get_by_label("Courriel").fill("invite@exemple.com")
    page.get_by_label("Mot de passe").fill(IDP_PASSWORD)
    page.get_by_role("button", name="Connexion").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion refusée")
    expect(page.get_by_role("alert")).to_contain_text("« exemple.com »")
    assert_no_blocking_violations(blocking_violations(page, "refused sign-in"))
    page.get_by_role("link", name="Réessayer").click()
    expect(page.get_by_role("button", name=f"Se connecter avec {OIDC_NAME}")).to_be_visible()
