"""Signing in through either protocol, so the rules common to OIDC and SAML are tested on both."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
import requests

from tests.identity_providers.fixtures import IDP_PASSWORD, OIDC_ID, oidc_entry, saml_entry

from .http_flows import oidc_sign_in, saml_sign_in

# Each test IdP's staff: SAML signs in with a username, OIDC with the e-mail address.
STAFF = {
    "camille": "camille.lefort@ast62-59.fr",
    "karim": "karim.benali@ast62-59.fr",
    "invite": "invite@exemple.com",
}


@dataclass
class IdentityProviderUnderTest:
    protocol: str
    provider: str  # SocialAccount.provider of the accounts it signs in
    entry: dict
    configure: Callable

    def sign_in(self, session: requests.Session, portal_url: str, who: str, at_idp=None) -> requests.Response:
        """The whole sign-in of `who`; `at_idp()` is called while the browser is at the identity provider."""
        if self.protocol == "saml":
            return saml_sign_in(session, portal_url, who, IDP_PASSWORD, at_idp)
        return oidc_sign_in(session, portal_url, STAFF[who], IDP_PASSWORD, at_idp)

    def reconfigure(self, **rules) -> None:
        self.configure(**{self.protocol: [self.entry]}, **rules)


@pytest.fixture(params=["oidc", "saml"])
def idp(request, sso_settings, transactional_db) -> IdentityProviderUnderTest:
    """The portal signing in through one real identity provider, in turn OIDC and SAML."""
    if request.param == "oidc":
        running = request.getfixturevalue("oidc_idp")
        under_test = IdentityProviderUnderTest("oidc", OIDC_ID, oidc_entry(running.discovery_url), sso_settings)
    else:
        running = request.getfixturevalue("saml_idp")
        entry = saml_entry(running.entity_id, running.metadata_url)
        under_test = IdentityProviderUnderTest("saml", running.entity_id, entry, sso_settings)
    under_test.reconfigure()
    return under_test


@pytest.fixture
def visitor():
    """A browser without JavaScript: its own cookies, so no IdP session carries over between tests."""
    with requests.Session() as session:
        yield session
