"""SAML 2.0 against a real identity provider (pysaml2) on 127.0.0.1: what must be refused, and single logout."""

import logging

import pytest
import requests
from django.contrib.auth import get_user_model

from tests.identity_providers.fixtures import IDP_PASSWORD, SAML_ID, UNREACHABLE, saml_entry
from tests.utils import page_text

from .http_flows import (
    TIMEOUT,
    assert_refused,
    saml_response_form,
    saml_sign_in,
    signed_in_user_name,
    start_sign_in,
    submit,
)

User = get_user_model()
SAML_LOGIN = f"/comptes/saml/{SAML_ID}/login/"


@pytest.mark.parametrize(
    ("username", "logged_reason"),
    [
        ("perime", "expired"),
        ("audience", "is not a valid audience"),
        ("nonsigne", "is not signed"),
        ("altere", "Signature validation failed"),
    ],
    ids=["expired", "wrong-audience", "unsigned", "tampered"],
)
def test_an_invalid_assertion_is_refused_in_french_and_logged(
    live_server, saml_portal, roles, visitor, caplog, username, logged_reason
):
    with caplog.at_level(logging.WARNING):
        answer = saml_sign_in(visitor, live_server.url, username, IDP_PASSWORD)

    assert_refused(answer, visitor, live_server.url, "Connexion impossible")
    assert "La connexion avec ADFS AST 62-59 n’a pas abouti" in page_text(answer)
    assert not User.objects.filter(email=f"{username}@ast62-59.fr").exists()
    assert logged_reason in caplog.text
    assert "SSO failed" in caplog.text


def test_a_replayed_assertion_is_refused(live_server, saml_portal, roles, visitor, caplog):
    form = saml_response_form(visitor, live_server.url, "camille", IDP_PASSWORD)
    visitor.post(form.action, data=form.fields, timeout=TIMEOUT)
    assert signed_in_user_name(visitor, live_server.url) == "Camille Lefort"

    with requests.Session() as attacker, caplog.at_level(logging.WARNING):
        replay = attacker.post(form.action, data=form.fields, timeout=TIMEOUT)
        assert replay.status_code == 403
        assert "ne correspond à aucune connexion en cours" in page_text(replay)
        assert signed_in_user_name(attacker, live_server.url) is None
    assert "matches no pending sign-in" in caplog.text


def test_signed_authentication_requests_are_accepted_by_the_idp(live_server, saml_signed_portal, roles, visitor):
    landing = saml_sign_in(visitor, live_server.url, "camille", IDP_PASSWORD)
    assert landing.url == f"{live_server.url}/"
    assert signed_in_user_name(visitor, live_server.url) == "Camille Lefort"


def test_the_idp_metadata_can_come_from_a_file(live_server, saml_idp, sso_settings, roles, visitor, tmp_path):
    metadata_file = tmp_path / "idp-metadata.xml"
    metadata_file.write_text(requests.get(saml_idp.metadata_url, timeout=TIMEOUT).text, encoding="utf-8")
    entry = {"id": SAML_ID, "name": "ADFS", "idp_entity_id": saml_idp.entity_id, "metadata_file": str(metadata_file)}
    sso_settings(saml=[entry])

    saml_sign_in(visitor, live_server.url, "camille", IDP_PASSWORD)

    assert signed_in_user_name(visitor, live_server.url) == "Camille Lefort"


def test_an_unreachable_idp_gets_a_french_page_with_a_retry_link(live_server, sso_settings, transactional_db, visitor):
    sso_settings(saml=[saml_entry("urn:ast:idp", f"{UNREACHABLE}/metadata/")])
    answer = start_sign_in(visitor, live_server.url, SAML_LOGIN)

    assert answer.status_code == 502
    text = page_text(answer)
    assert "Fournisseur d’identité indisponible" in text
    assert "ADFS AST 62-59 ne répond pas" in text
    assert "Réessayer" in text
    assert "Connexion de secours" in text


def test_signing_out_ends_the_idp_session_too(live_server, saml_portal, roles, visitor):
    saml_sign_in(visitor, live_server.url, "camille", IDP_PASSWORD)
    home = visitor.get(f"{live_server.url}/", timeout=TIMEOUT)

    after = submit(visitor, home, action_contains="/comptes/deconnexion/")

    assert after.url == f"{live_server.url}/comptes/connexion/"
    assert any(step.url.startswith(saml_portal.slo_url) for step in after.history), "the IdP was asked to sign out"
    assert "Vous êtes déconnecté" in page_text(after)
    assert signed_in_user_name(visitor, live_server.url) is None
    idp_page = start_sign_in(visitor, live_server.url, SAML_LOGIN)
    assert 'name="password"' in idp_page.text, "the IdP session is over: it asks for the password again"
