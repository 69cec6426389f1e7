"""django-allauth's OpenID Connect and SAML providers, with what the portal adds to each.

OpenID Connect: allauth sends no nonce; the portal sends one with every authorisation request and
checks it comes back in the ID token (accounts.sso.adapter), so a token minted for another sign-in
cannot be replayed here. Its views (accounts.sso.oidc) also keep the raw ID token for sign-out.

SAML: allauth keeps the assertion's attributes only; the portal also keeps the NameID and session
index, which a LogoutRequest to the IdP must name (accounts.sso.logout).
"""

import secrets

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.saml.provider import SAMLProvider

from .oidc.views import PortalOpenIDConnectAdapter


class PortalOpenIDConnectProvider(OpenIDConnectProvider):
    # allauth imports a provider's URLs from its package: the portal's views keep the raw ID token.
    package = "accounts.sso.oidc"
    oauth2_adapter_class = PortalOpenIDConnectAdapter

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params["nonce"] = nonce
        # Extra keyword arguments are stashed with the state and come back as sociallogin.state.
        return super().redirect(request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs)


class PortalSAMLProvider(SAMLProvider):
    package = "allauth.socialaccount.providers.saml"

    def sociallogin_from_response(self, request, response):
        sociallogin = super().sociallogin_from_response(request, response)
        sociallogin.saml_session = {
            "name_id": response.get_nameid(),
            "name_id_format": response.get_nameid_format(),
            "name_id_nq": response.get_nameid_nq(),
            "name_id_spnq": response.get_nameid_spnq(),
            "session_index": response.get_session_index(),
        }
        return sociallogin
