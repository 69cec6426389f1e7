"""The header's unread count, kept in the cache (base.caches.BELL) so that it costs no query on most pages.

The cached value is per account and per set of hidden pages (base.visibility), so a restriction that
changes what the reader may see changes the key. Creating or reading notifications forgets it; a page
unpublished elsewhere shows in the count within BELL_TTL at most (the notifications page is always exact).
"""

import hashlib

from django.utils import timezone

from accounts.models import User
from base.caches import BELL
from base.visibility import hidden_paths

from ..models import Notification

BELL_TTL = BELL.seconds


def unread_count(request) -> int:
    # A digest of the hidden paths, stable across processes (the cache is shared by the workers).
    paths = hashlib.sha256("\n".join(hidden_paths(request, "page")).encode()).hexdigest()
    cached = BELL.get(request.user.pk)
    if cached and cached[0] == paths:
        return cached[1]
    count = Notification.objects.for_reader(request).unread().count()
    BELL.set((paths, count), request.user.pk)
    return count


def forget_unread_counts(user_ids) -> None:
    BELL.delete_many((user_id,) for user_id in set(user_ids))


def mark_read(user: User, notification: Notification | None = None) -> int:
    """Mark the account's unread notifications read (only `notification` when given); its count is forgotten.

    Returns how many were unread."""
    unread = Notification.objects.filter(recipient=user).unread()
    if notification is not None:
        unread = unread.filter(pk=notification.pk)
    count = unread.update(read_at=timezone.now())
    forget_unread_counts([user.pk])
    return count
