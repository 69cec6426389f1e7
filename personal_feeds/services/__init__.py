"""Personal subscription secrets: create, regenerate, revoke, and find the account behind one."""

import hmac
import re
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from base.caches import FEED_TOKEN

from ..models import PREFIX_LENGTH, FeedToken

SECRET_BYTES = 32
# token_urlsafe(32): 43 characters of the URL-safe base64 alphabet. Anything else is refused before a query.
_SECRET_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")
# Calendar applications poll every few minutes: the last use is written at most once per interval.
USE_RECORDING_INTERVAL = timedelta(hours=1)


def _forget(user) -> None:
    FEED_TOKEN.delete(user.pk)


def _new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def current_token(user) -> FeedToken | None:
    """The account's token, or None when it has none (nothing is created)."""
    if not getattr(user, "is_authenticated", False):
        return None
    # "No token" is kept too (the cache keeps a None).
    return FEED_TOKEN.get_or_set(lambda: FeedToken.objects.filter(user=user).first(), user.pk)


def token_for(user) -> tuple[FeedToken, str | None]:
    """The account's token, created when missing: (token, the new secret) or (token, None) when it existed."""
    secret = _new_secret()
    token, created = FeedToken.objects.get_or_create(
        user=user, defaults={"secret": secret, "prefix": secret[:PREFIX_LENGTH]}
    )
    _forget(user)
    return token, secret if created else None


@transaction.atomic
def regenerate(user) -> str:
    """A new secret for the account; the previous one stops working at once."""
    secret = _new_secret()
    FeedToken.objects.update_or_create(
        user=user,
        defaults={
            "secret": secret,
            "prefix": secret[:PREFIX_LENGTH],
            "created_at": timezone.now(),
            "last_used_at": None,
        },
    )
    _forget(user)
    return secret


def revoke(user) -> bool:
    """Delete the account's token (its addresses stop working); whether there was one."""
    deleted, _ = FeedToken.objects.filter(user=user).delete()
    _forget(user)
    return bool(deleted)


def user_for_secret(secret) -> object | None:
    """The active account whose secret this is, or None (malformed, unknown, revoked, inactive account)."""
    if not isinstance(secret, str) or not _SECRET_SHAPE.fullmatch(secret):
        return None
    candidates = FeedToken.objects.filter(prefix=secret[:PREFIX_LENGTH]).select_related("user")
    token = next((c for c in candidates if hmac.compare_digest(c.secret.encode(), secret.encode())), None)
    if token is None or not token.user.is_active:
        return None
    _record_use(token)
    return token.user


def _record_use(token: FeedToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= USE_RECORDING_INTERVAL:
        FeedToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
