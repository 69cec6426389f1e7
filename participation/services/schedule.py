"""When digests go out: daily at 7:00, weekly on Monday at 7:00, Paris time, moved to the next opening of
the working hours when that falls outside them (participation.quiet_hours)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from ..quiet_hours import next_opening

PARIS = ZoneInfo("Europe/Paris")
SEND_TIME = datetime.time(7, 0)


def next_send_time(frequency: str, now: datetime.datetime | None = None) -> datetime.datetime:
    """The first digest send time strictly after `now` for "daily" or "weekly"."""
    local = (now or timezone.now()).astimezone(PARIS)
    day = local.date()
    while True:
        candidate = datetime.datetime.combine(day, SEND_TIME, tzinfo=PARIS)
        if candidate > local and (frequency != "weekly" or candidate.weekday() == 0):
            return next_opening(candidate)
        day += datetime.timedelta(days=1)


def immediate_send_time(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """None when an immediate e-mail may leave now; otherwise the next opening of the working hours."""
    now = now or timezone.now()
    opening = next_opening(now)
    return opening if opening > now else None
