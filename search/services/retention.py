"""The search log past its retention period: the queries are deleted, with all that is counted beside them
(spellings, searches with results, clicks, suggestions followed); the daily counts stay, click and suggestion
totals included. A click never makes a query last longer: it does not change when it was last searched."""

from __future__ import annotations

import datetime

from django.utils import timezone

from base.retention import months_before, search_log_months

from ..models import SearchQueryRecord


def search_log_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return months_before(now or timezone.now(), search_log_months())


def expired_queries(now: datetime.datetime | None = None):
    """Queries nobody has typed since the retention period began."""
    return SearchQueryRecord.objects.filter(last_searched_at__lt=search_log_cutoff(now))


def purge_search_log(now: datetime.datetime | None = None, batch_size: int = 500, progress=None) -> int:
    """Delete the expired queries (and how each was spelt), in batches; returns how many. Running it again
    deletes nothing more."""
    deleted = 0
    while True:
        ids = list(expired_queries(now).values_list("pk", flat=True)[:batch_size])
        if not ids:
            return deleted
        # The spellings of each query go with it (a cascade): the count is of queries only.
        SearchQueryRecord.objects.filter(pk__in=ids).delete()
        deleted += len(ids)
        if progress is not None:
            progress(len(ids))
