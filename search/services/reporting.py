"""What people search for and what finds nothing: the search report in the admin reads these."""

from django.db.models import F
from django.utils import timezone

from base.text import fold

from ..models import SearchDailyCount, SearchQueryRecord


def record_search(query: str, result_count: int) -> None:
    key = fold(query)[:200]
    if not key:
        return
    _count_today(result_count)
    updated = SearchQueryRecord.objects.filter(query=key).update(
        searches=F("searches") + 1, last_result_count=result_count, last_searched_at=timezone.now()
    )
    if not updated:
        SearchQueryRecord.objects.get_or_create(query=key, defaults={"searches": 1, "last_result_count": result_count})


def _count_today(result_count: int) -> None:
    """The day's counts, kept when the queries themselves are deleted (search.services.retention)."""
    day = timezone.localdate()
    empty = 1 if result_count == 0 else 0
    updated = SearchDailyCount.objects.filter(day=day).update(
        searches=F("searches") + 1, without_results=F("without_results") + empty
    )
    if not updated:
        _, created = SearchDailyCount.objects.get_or_create(day=day, defaults={"searches": 1, "without_results": empty})
        if not created:  # made at the same moment by another search
            SearchDailyCount.objects.filter(day=day).update(
                searches=F("searches") + 1, without_results=F("without_results") + empty
            )
