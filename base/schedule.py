"""What "upcoming" means, once for every dated thing of the portal (events, group meetings).

Something is upcoming until it has ended: its end when it has one, otherwise two hours after its start
(the usual length of a meeting). A meeting that started an hour ago is still on the agenda; one that ended
this morning is past. Times are compared as instants, so the day boundary (Paris or UTC) plays no part.
"""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

DEFAULT_DURATION = timedelta(hours=2)


def effective_end(start: datetime, end: datetime | None = None) -> datetime:
    return end or start + DEFAULT_DURATION


def upcoming_q(start_field: str, end_field: str | None = None, now: datetime | None = None) -> Q:
    """The condition "not ended yet" on a start field (and an optional end field)."""
    now = now or timezone.now()
    without_end = Q(**{f"{start_field}__gt": now - DEFAULT_DURATION})
    if end_field is None:
        return without_end
    return Q(**{f"{end_field}__gte": now}) | (Q(**{f"{end_field}__isnull": True}) & without_end)


def is_past(start: datetime, end: datetime | None = None, now: datetime | None = None) -> bool:
    return effective_end(start, end) < (now or timezone.now())
