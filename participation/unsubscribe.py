"""One-click unsubscribe links: a signed token naming the account, so they work without signing in."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from .models import NotificationPreference

SALT = "participation.unsubscribe"
MAX_AGE = 60 * 60 * 24 * 180  # links in old e-mails keep working for six months
STOP_EMAILS = "emails"


class InvalidToken(ValueError):
    pass


def make_token(user) -> str:
    # The e-mail address is part of the signature: a link forwarded after a change of address dies.
    return signing.dumps({"u": user.pk, "e": user.email, "a": STOP_EMAILS}, salt=SALT, compress=True)


def read_token(token: str):
    """The account the token was made for; InvalidToken when altered, expired or stale."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except (signing.BadSignature, ValueError, UnicodeError):
        raise InvalidToken from None
    if not isinstance(data, dict) or data.get("a") != STOP_EMAILS:
        raise InvalidToken
    user = get_user_model().objects.filter(pk=data.get("u"), email=data.get("e"), is_active=True).first()
    if user is None:
        raise InvalidToken
    return user


def unsubscribe_url(user) -> str:
    path = reverse("participation:unsubscribe", args=[make_token(user)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def stop_emails(user) -> None:
    """Switch the account to "aucun e-mail" (notifications stay in the bell); nothing else changes."""
    NotificationPreference.objects.update_or_create(
        user=user, defaults={"email_frequency": NotificationPreference.Frequency.NONE}
    )
