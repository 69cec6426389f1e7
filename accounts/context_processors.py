from allauth import app_settings as allauth_settings


def sign_in(request):
    """Whether the break-glass e-mail/password sign-in is on (PORTAL_LOCAL_LOGIN)."""
    return {"local_sign_in": not allauth_settings.SOCIALACCOUNT_ONLY}
