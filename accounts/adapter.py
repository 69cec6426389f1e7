from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from .sso.logout import identity_provider_logout_url


class PortalAccountAdapter(DefaultAccountAdapter):
    """Accounts are created by administrators or by single sign-on, never by public sign-up."""

    def is_open_for_signup(self, request):
        return False

    def get_logout_redirect_url(self, request):
        # Asked before the session ends: a user who came through an IdP is signed out there too.
        if request.user.is_authenticated:
            url = identity_provider_logout_url(request)
            if url:
                return url
        return super().get_logout_redirect_url(request)

    def get_client_ip(self, request):
        """The client's address for sign-in throttling (accounts/throttle.py): as the trusted proxy gives it
        when one is named, else the connection's. A request that did not come through that proxy (fewer
        X-Forwarded-For entries than trusted proxies, no trusted header) counts under its connection's
        address instead of failing."""
        try:
            return super().get_client_ip(request)
        except (ImproperlyConfigured, PermissionDenied):
            return request.META.get("REMOTE_ADDR") or "inconnue"
