"""How long the portal keeps personal data that it deletes on its own: one definition, read by the
retention task (legal.tasks) and shown on the « Données personnelles » page."""

from __future__ import annotations

from django.conf import settings

# CNIL: statistics of use kept at most 13 months in detail; afterwards only counts without the queries.
DEFAULT_SEARCH_LOG_MONTHS = 13
DEFAULT_READ_NOTIFICATION_DAYS = 180


def search_log_months() -> int:
    """Months a search query stays in the search report; older ones survive only as daily counts."""
    return int(getattr(settings, "PORTAL_SEARCH_LOG_RETENTION_MONTHS", DEFAULT_SEARCH_LOG_MONTHS))


def read_notification_days() -> int:
    """Days a notification already read is kept before it is deleted."""
    return int(getattr(settings, "PORTAL_READ_NOTIFICATION_RETENTION_DAYS", DEFAULT_READ_NOTIFICATION_DAYS))


def months_before(moment, months: int):
    """The same day and time `months` months earlier (the last day of a shorter month)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    day = moment.day
    while True:
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1
