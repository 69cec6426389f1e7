"""When digests go out: daily at 7:00, weekly on Monday at 7:00, Paris time."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

PARIS = ZoneInfo("Europe/Paris")
SEND_TIME = datetime.time(7, 0)


def next_send_time(frequency: str, now: datetime.datetime | None = None) -> datetime.datetime:
    """The first digest send time strictly after `now` for "daily" or "weekly"."""
    local = (now or timezone.now()).astimezone(PARIS)
    day = local.date()
    while True:
        candidate = datetime.datetime.combine(day, SEND_TIME, tzinfo=PARIS)
        if candidate > local and (frequency != "weekly" or candidate.weekday() == 0):
            return candidate
        day += datetime.timedelta(days=1)
