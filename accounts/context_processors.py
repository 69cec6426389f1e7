from allauth import app_settings as allauth_settings

from .access import reader_can_access_admin


def sign_in(request):
    """Whether the break-glass e-mail/password sign-in is on (PORTAL_LOCAL_LOGIN)."""
    return {"local_sign_in": not allauth_settings.SOCIALACCOUNT_ONLY}


def account_menu(request):
    """What the header's account menu offers: the administration link for those who may open it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"can_access_admin": reader_can_access_admin(request)}
