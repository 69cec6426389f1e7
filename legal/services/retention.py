"""The retention periods applied (base.retention): the search log reduced to daily counts, read
notifications deleted. Each step deletes only what is past its period, so running it again does nothing."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.utils import timezone

from participation.services.retention import purge_read_notifications
from search.services.retention import purge_search_log

Progress = Callable[[str, int], None]


def apply_retention(now: datetime.datetime | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Delete what is past its retention period; returns how many rows of each kind went."""
    now = now or timezone.now()

    def step(name: str):
        return (lambda count: progress(name, count)) if progress is not None else None

    return {
        "search_queries": purge_search_log(now, progress=step("search_queries")),
        "read_notifications": purge_read_notifications(now, progress=step("read_notifications")),
    }
