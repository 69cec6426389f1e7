"""Single sign-on failures that escape allauth get a French page, never a 500."""

import logging

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from .claims import provider_label_from_request

logger = logging.getLogger("portal.sso")

SSO_VIEWS = {
    "openid_connect_login",
    "openid_connect_callback",
    "saml_login",
    "saml_acs",
    "saml_finish_acs",
    "saml_sls",
    "saml_metadata",
}


class IdentityProviderErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name not in SSO_VIEWS:
            return None
        provider_name = provider_label_from_request(request)
        if isinstance(exception, PermissionDenied):
            # allauth found no pending sign-in for this response's state: replayed, forged or too late.
            logger.warning(
                "SSO refused (%s): the response matches no pending sign-in (%s)", provider_name, request.path
            )
            return render(
                request,
                "socialaccount/sso_refused.html",
                {
                    "provider_name": provider_name,
                    "reason": _(
                        "Cette réponse de connexion ne correspond à aucune connexion en cours : elle a déjà servi "
                        "ou a expiré."
                    ),
                },
                status=403,
            )
        # Discovery document, keys, metadata or token endpoint failed: log it all, tell the user plainly.
        logger.exception("SSO: identity provider unavailable or misconfigured (%s)", request.path)
        return render(request, "socialaccount/sso_unavailable.html", {"provider_name": provider_name}, status=502)
