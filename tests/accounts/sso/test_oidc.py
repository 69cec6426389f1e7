"""OpenID Connect against a real provider (allauth.idp.oidc) on 127.0.0.1: what must be refused, and sign-out."""

import logging
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
import requests
from django.contrib.auth import get_user_model

from tests.identity_providers.fixtures import IDP_PASSWORD, OIDC_ID, UNREACHABLE, oidc_entry
from tests.utils import page_text

from .http_flows import (
    TIMEOUT,
    assert_refused,
    oidc_callback_url,
    oidc_sign_in,
    signed_in_user_name,
    start_sign_in,
    submit,
)

User = get_user_model()
OIDC_LOGIN = f"/comptes/oidc/{OIDC_ID}/login/"


def with_query(url: str, **changes) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(changes)
    return urlunsplit(parts._replace(query=urlencode(query)))


@pytest.mark.parametrize(
    "email",
    ["audience@ast62-59.fr", "emetteur@ast62-59.fr", "expire@ast62-59.fr"],
    ids=["wrong-audience", "wrong-issuer", "expired"],
)
def test_an_id_token_for_someone_else_or_too_old_is_refused(live_server, oidc_portal, roles, visitor, caplog, email):
    with caplog.at_level(logging.WARNING):
        answer = oidc_sign_in(visitor, live_server.url, email, IDP_PASSWORD)

    assert_refused(answer, visitor, live_server.url, "Connexion impossible")
    assert "La connexion avec l'annuaire AST 62-59 n’a pas abouti" in page_text(answer)
    assert not User.objects.filter(email=email).exists()
    assert "SSO failed" in caplog.text and "Invalid id_token" in caplog.text


def test_an_id_token_with_another_nonce_is_refused(live_server, oidc_portal, roles, visitor, caplog):
    with caplog.at_level(logging.WARNING):
        answer = oidc_sign_in(visitor, live_server.url, "nonce@ast62-59.fr", IDP_PASSWORD)

    assert answer.status_code == 403
    assert "ne correspond pas à cette connexion" in page_text(answer)
    assert signed_in_user_name(visitor, live_server.url) is None
    assert not User.objects.filter(email="nonce@ast62-59.fr").exists()
    assert "nonce does not match" in caplog.text


def test_a_tampered_state_is_refused(live_server, oidc_portal, roles, visitor, caplog):
    callback = oidc_callback_url(visitor, live_server.url, "camille.lefort@ast62-59.fr", IDP_PASSWORD)

    with caplog.at_level(logging.WARNING):
        answer = visitor.get(with_query(callback, state="etat-falsifie"), timeout=TIMEOUT)

    assert_refused(answer, visitor, live_server.url, "Connexion impossible")
    assert "SSO failed" in caplog.text


def test_a_replayed_callback_is_refused(live_server, oidc_portal, roles, visitor):
    callback = oidc_callback_url(visitor, live_server.url, "camille.lefort@ast62-59.fr", IDP_PASSWORD)
    visitor.get(callback, timeout=TIMEOUT)
    assert signed_in_user_name(visitor, live_server.url) == "Camille Lefort"

    with requests.Session() as attacker:
        replay = attacker.get(callback, timeout=TIMEOUT)
        assert replay.status_code < 500
        assert "Connexion impossible" in page_text(replay)
        assert signed_in_user_name(attacker, live_server.url) is None


def test_an_unreachable_provider_gets_a_french_page_with_a_retry_link(
    live_server, sso_settings, transactional_db, visitor
):
    sso_settings(oidc=[oidc_entry(f"{UNREACHABLE}/realms/ast")])
    answer = start_sign_in(visitor, live_server.url, OIDC_LOGIN)

    assert answer.status_code == 502
    text = page_text(answer)
    assert "Fournisseur d’identité indisponible" in text
    assert "L'annuaire AST 62-59 ne répond pas" in text
    assert "Réessayer" in text and "Connexion de secours" in text


def test_signing_out_ends_the_provider_session_too(live_server, oidc_portal, roles, visitor):
    oidc_sign_in(visitor, live_server.url, "camille.lefort@ast62-59.fr", IDP_PASSWORD)
    home = visitor.get(f"{live_server.url}/", timeout=TIMEOUT)

    after = submit(visitor, home, action_contains="/comptes/deconnexion/")

    assert urlsplit(after.url).path == "/comptes/connexion/"
    assert any(step.url.startswith(oidc_portal.issuer) for step in after.history), "the IdP was asked to sign out"
    assert "Vous êtes déconnecté" in page_text(after)
    assert signed_in_user_name(visitor, live_server.url) is None
    idp_home = visitor.get(f"{oidc_portal.issuer}/", timeout=TIMEOUT)
    assert "Non connecté" in page_text(idp_home), "the IdP session is over"


def test_sign_out_still_ends_the_portal_session_when_the_provider_is_gone(
    live_server, oidc_portal, sso_settings, roles, visitor
):
    oidc_sign_in(visitor, live_server.url, "camille.lefort@ast62-59.fr", IDP_PASSWORD)
    sso_settings(oidc=[oidc_entry(f"{UNREACHABLE}/realms/ast")])
    home = visitor.get(f"{live_server.url}/", timeout=TIMEOUT)

    after = submit(visitor, home, action_contains="/comptes/deconnexion/")

    assert after.status_code == 200
    assert urlsplit(after.url).path == "/comptes/connexion/"
    assert "n’a pas pu être joint" in page_text(after)
    assert signed_in_user_name(visitor, live_server.url) is None
