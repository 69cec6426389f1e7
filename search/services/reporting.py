"""What people search for and what finds nothing: the search report in the admin reads these."""

from django.db.models import F
from django.utils import timezone

from base.text import fold

from ..models import SearchQueryRecord


def record_search(query: str, result_count: int) -> None:
    key = fold(query)[:200]
    if not key:
        return
    updated = SearchQueryRecord.objects.filter(query=key).update(
        searches=F("searches") + 1, last_result_count=result_count, last_searched_at=timezone.now()
    )
    if not updated:
        SearchQueryRecord.objects.get_or_create(query=key, defaults={"searches": 1, "last_result_count": result_count})
