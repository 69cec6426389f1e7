"""What people search for and what finds nothing: the search report in the admin reads these."""

from django.db.models import F
from django.utils import timezone

from base.text import fold

from ..analysis import analyzed
from ..models import SearchDailyCount, SearchQueryRecord, SearchSpelling

MAX_LENGTH = 200


def record_key(query: str) -> str:
    """The query as the search reads it: « Médecins du travail » and « medecin travail » are one search.
    A query of stop words only keeps its folded text."""
    return (analyzed(query) or fold(query))[:MAX_LENGTH]


def record_search(query: str, result_count: int) -> None:
    """Count the search (its analysed form, the spelling typed, the day): three updates when all were seen.

    Counts, not a record of anything: each update is whole by itself, so no transaction is needed."""
    key = record_key(query)
    if not key:
        return
    _count_today(result_count)
    updated = SearchQueryRecord.objects.filter(query=key).update(
        searches=F("searches") + 1, last_result_count=result_count, last_searched_at=timezone.now()
    )
    if not updated:
        record, created = SearchQueryRecord.objects.get_or_create(
            query=key, defaults={"searches": 1, "last_result_count": result_count}
        )
        if not created:  # made at the same moment by another search
            SearchQueryRecord.objects.filter(pk=record.pk).update(searches=F("searches") + 1)
    spelling = " ".join(query.split())[:MAX_LENGTH]
    spelt = SearchSpelling.objects.filter(record__query=key, text=spelling)
    if not spelt.update(searches=F("searches") + 1):
        record = SearchQueryRecord.objects.get(query=key)
        SearchSpelling.objects.get_or_create(record=record, text=spelling, defaults={"searches": 1})


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
