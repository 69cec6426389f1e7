from allauth.account.adapter import DefaultAccountAdapter

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
