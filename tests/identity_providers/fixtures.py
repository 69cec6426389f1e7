"""pytest fixtures: the portal configured for real identity providers running on 127.0.0.1.

Registered for the whole suite by tests/conftest.py, so the HTTP tests (tests/accounts/sso/) and the
browser tests (tests/e2e/) sign in through the same providers.
"""

import shutil
from contextlib import contextmanager

import pytest
import requests
from django.core.cache import cache
from django.test import override_settings

from portal.settings import sso
from tests.identity_providers.oidc import IDP_PASSWORD as OIDC_PASSWORD
from tests.identity_providers.saml import IDP_PASSWORD as SAML_PASSWORD

OIDC_ID = "annuaire"
OIDC_NAME = "l'annuaire AST 62-59"
OIDC_CLIENT_ID = "intranet"
OIDC_CLIENT_SECRET = "secret-du-client-intranet-de-test"
SAML_ID = "adfs"
SAML_NAME = "ADFS AST 62-59"
ALLOWED_DOMAINS = ["ast62-59.fr"]
ROLES = {"GG-Intranet-Pilotes": "Pilotes", "GG-Intranet-Admins": "Administrateurs"}
# Every user of both test identity providers signs in with it.
assert OIDC_PASSWORD == SAML_PASSWORD
IDP_PASSWORD = OIDC_PASSWORD
# Nothing listens on the discard port: an identity provider that cannot be reached.
UNREACHABLE = "http://127.0.0.1:9"


def sso_data(*, oidc=(), saml=(), **rules) -> dict:
    data = {"oidc": list(oidc), "saml": list(saml), "allowed_domains": ALLOWED_DOMAINS, "roles": ROLES}
    data.update(rules)
    return data


def sso_settings_for(**data) -> dict:
    """The Django settings the portal would derive from this SSO configuration at start-up."""
    return sso.django_settings(sso.parse(sso_data(**data)))


def oidc_entry(discovery_url: str, **extra) -> dict:
    return {
        "id": OIDC_ID,
        "name": OIDC_NAME,
        "discovery_url": discovery_url,
        "client_id": OIDC_CLIENT_ID,
        "client_secret": OIDC_CLIENT_SECRET,
        "scopes": ["openid", "profile", "email"],
        **extra,
    }


def saml_entry(idp_entity_id: str, metadata_url: str, **extra) -> dict:
    return {"id": SAML_ID, "name": SAML_NAME, "idp_entity_id": idp_entity_id, "metadata_url": metadata_url, **extra}


@pytest.fixture
def sso_settings(settings):
    """configure(oidc=[…], saml=[…], **rules): the running portal (and its live server) uses these providers."""

    def configure(**data):
        for name, value in sso_settings_for(**data).items():
            setattr(settings, name, value)
        # allauth caches an IdP's SAML metadata for hours, keyed by its URL; a new IdP may reuse a port.
        cache.clear()

    return configure


@pytest.fixture(scope="session")
def oidc_idp(live_server):
    """allauth's own OpenID Connect provider in its own process, with a client for this portal."""
    from tests.identity_providers.oidc import start_oidc_idp

    with start_oidc_idp(
        client_id=OIDC_CLIENT_ID,
        client_secret=OIDC_CLIENT_SECRET,
        redirect_uris=[f"{live_server.url}/comptes/oidc/{OIDC_ID}/login/callback/"],
        post_logout_redirect_uris=[f"{live_server.url}/comptes/connexion/"],
    ) as idp:
        yield idp


@pytest.fixture
def oidc_portal(oidc_idp, sso_settings):
    """The portal signing in through the OIDC provider; returns the provider."""
    sso_settings(oidc=[oidc_entry(oidc_idp.discovery_url)])
    return oidc_idp


@contextmanager
def _saml_idp_for(live_server, **entry):
    """A pysaml2 IdP trusting the metadata the portal publishes for its SAML app (with `entry`'s options)."""
    if shutil.which("xmlsec1") is None:
        pytest.skip("xmlsec1 est absent : installez le paquet Debian « xmlsec1 » (make test-packages).")
    from tests.identity_providers.saml import start_saml_idp

    # The portal's SP metadata does not depend on the IdP: publish it first, then start the IdP with it.
    with override_settings(**sso_settings_for(saml=[saml_entry("urn:ast:idp", UNREACHABLE, **entry)])):
        metadata = requests.get(f"{live_server.url}/comptes/saml/{SAML_ID}/metadata/", timeout=10)
    metadata.raise_for_status()
    with start_saml_idp(sp_metadata=metadata.text) as idp:
        yield idp


@pytest.fixture
def saml_idp(live_server, transactional_db):
    with _saml_idp_for(live_server) as idp:
        yield idp


@pytest.fixture
def saml_portal(saml_idp, sso_settings):
    """The portal signing in through the SAML IdP; returns the IdP."""
    sso_settings(saml=[saml_entry(saml_idp.entity_id, saml_idp.metadata_url)])
    return saml_idp


@pytest.fixture
def saml_signed_portal(live_server, transactional_db, sso_settings, tmp_path):
    """As saml_portal, the portal holding a certificate: its requests and logouts are signed."""
    from tests.identity_providers.saml.keys import write_signing_pair

    key_file, certificate_file = write_signing_pair(tmp_path, common_name="intranet.ast62-59.fr")
    keys = {"sp_certificate_file": str(certificate_file), "sp_private_key_file": str(key_file)}
    with _saml_idp_for(live_server, **keys) as idp:
        sso_settings(saml=[saml_entry(idp.entity_id, idp.metadata_url, **keys)])
        yield idp
