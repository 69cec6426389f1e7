"""allauth's OpenID Connect views, with an adapter that keeps the raw ID token for sign-out."""

from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404


class PortalOpenIDConnectAdapter(OpenIDConnectOAuth2Adapter):
    def complete_login(self, request, app, token, **kwargs):
        sociallogin = super().complete_login(request, app, token, **kwargs)
        # Sent back as id_token_hint at sign-out, so the IdP ends its session without asking again.
        sociallogin.id_token = kwargs["response"].get("id_token")
        return sociallogin


def _through_portal_adapter(view_class, request, provider_id):
    try:
        return view_class.adapter_view(PortalOpenIDConnectAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as exc:
        raise Http404 from exc


@login_not_required
def login(request, provider_id):
    return _through_portal_adapter(OAuth2LoginView, request, provider_id)


@login_not_required
def callback(request, provider_id):
    return _through_portal_adapter(OAuth2CallbackView, request, provider_id)
