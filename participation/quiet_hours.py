"""When an e-mail may leave: within the working hours and days administrators set (WorkingHours), Paris
time. Read by the scheduling of notifications and again by the task that sends, so that nothing goes out
in between, a retry or `send_pending_emails` included."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from .models import WorkingHours

PARIS = ZoneInfo("Europe/Paris")


def quiet_hours_apply() -> bool:
    return bool(getattr(settings, "PORTAL_QUIET_HOURS", True))


def next_opening(moment: datetime.datetime | None = None, hours: WorkingHours | None = None) -> datetime.datetime:
    """`moment` itself when it falls within the working hours, otherwise the start of the next working day
    (or of today, before the day's start)."""
    moment = moment or timezone.now()
    if not quiet_hours_apply():
        return moment
    hours = hours or WorkingHours.load()
    days = hours.weekdays
    if not days:
        return moment
    local = moment.astimezone(PARIS)
    day = local.date()
    for _ in range(8):
        if day.weekday() in days:
            opens = datetime.datetime.combine(day, hours.start, tzinfo=PARIS)
            closes = datetime.datetime.combine(day, hours.end, tzinfo=PARIS)
            if local < opens:
                return opens
            if local < closes:
                return moment
        day += datetime.timedelta(days=1)
    return moment


def is_working_time(moment: datetime.datetime | None = None) -> bool:
    moment = moment or timezone.now()
    return next_opening(moment) == moment
