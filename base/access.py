"""Whether a reader may open Wagtail's administration (Wagtail's `wagtailadmin.access_admin` permission),
asked once per session every few minutes.

The answer only decides whether links to the administration are shown ("Administration", "Modifier");
the administration checks rights itself on every request.
"""

import time

from django.contrib.auth.models import Permission
from django.db.models import Q

ADMIN_ACCESS_SESSION_KEY = "portal_admin_access"
ADMIN_ACCESS_SECONDS = 300


def can_access_admin(user) -> bool:
    """Whether the account may open the administration, in one query (has_perm reads every permission)."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user), content_type__app_label="wagtailadmin", codename="access_admin"
    ).exists()


def reader_can_access_admin(request) -> bool:
    """can_access_admin for the request's user, remembered in the session for a few minutes."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is None:
        return can_access_admin(user)
    now = int(time.time())
    remembered = session.get(ADMIN_ACCESS_SESSION_KEY)
    if not remembered or remembered[0] != user.pk or now - remembered[2] > ADMIN_ACCESS_SECONDS:
        remembered = (user.pk, can_access_admin(user), now)
        session[ADMIN_ACCESS_SESSION_KEY] = remembered
    return remembered[1]
