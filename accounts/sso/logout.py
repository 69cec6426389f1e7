"""Signing out of the identity provider as well as the portal, where the provider supports it.

OpenID Connect: RP-initiated logout (the provider's end_session_endpoint). SAML: a LogoutRequest to
the IdP's SingleLogoutService; its LogoutResponse comes back to allauth's SLS view.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlencode

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.saml.utils import build_auth
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils.translation import gettext as _
from onelogin.saml2.errors import OneLogin_Saml2_Error
from requests import RequestException

logger = logging.getLogger("portal.sso")

# What a sign-in through an identity provider leaves in the session (set by accounts.sso.signals).
SSO_SESSION_KEY = "portal_sso"


def remember_identity_provider(request, sociallogin) -> None:
    """Keep what sign-out will need: which provider, and for SAML the NameID and session index."""
    saml = sociallogin.provider.id == "saml"
    request.session[SSO_SESSION_KEY] = {
        "protocol": "saml" if saml else "oidc",
        "provider": sociallogin.account.provider,
        "client_id": sociallogin.provider.app.client_id,
        "name": sociallogin.provider.name,
        **(getattr(sociallogin, "saml_session", {}) if saml else {"id_token": getattr(sociallogin, "id_token", None)}),
    }


def _oidc_end_session_url(request, info: dict, return_to: str) -> str | None:
    provider = get_adapter().get_provider(request, info["provider"])
    if not provider.app.settings.get("rp_initiated_logout", True):
        return None
    endpoint = provider.get_oauth2_adapter(request).openid_config.get("end_session_endpoint")
    if not endpoint:
        return None
    params = {"client_id": provider.app.client_id, "post_logout_redirect_uri": return_to}
    if info.get("id_token"):
        params["id_token_hint"] = info["id_token"]
    query = urlencode(params)
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def _saml_logout_url(request, info: dict, return_to: str) -> str | None:
    provider = get_adapter().get_provider(request, "saml", client_id=info["client_id"])
    auth = build_auth(request, provider)
    if not auth.get_slo_url() or not info.get("name_id"):
        return None
    return auth.logout(
        return_to=return_to,
        name_id=info["name_id"],
        session_index=info.get("session_index"),
        nq=info.get("name_id_nq"),
        name_id_format=info.get("name_id_format"),
        spnq=info.get("name_id_spnq"),
    )


def identity_provider_logout_url(request) -> str | None:
    """Where to send the browser to end the IdP session too; None when there is nothing to end there.

    An IdP that cannot be reached does not keep anyone signed in to the portal: the portal session
    ends all the same, and the user is told the IdP session may still be open.
    """
    info = request.session.get(SSO_SESSION_KEY)
    if not info:
        return None
    return_to = request.build_absolute_uri(reverse("account_login"))
    try:
        if info["protocol"] == "saml":
            return _saml_logout_url(request, info, return_to)
        return _oidc_end_session_url(request, info, return_to)
    except (RequestException, URLError, OneLogin_Saml2_Error, ObjectDoesNotExist, LookupError, ValueError):
        logger.exception("SSO: could not sign out of identity provider %s", info.get("provider"))
        messages.warning(
            request,
            _(
                "Vous êtes déconnecté de l’intranet, mais %(provider)s n’a pas pu être joint : fermez votre "
                "navigateur pour terminer aussi cette session."
            )
            % {"provider": info.get("name") or _("le fournisseur d’identité")},
        )
        return None
