"""What people search for and what finds nothing: the search report in the admin reads these.

Beside each query, counters only (never who searched, read or clicked, never a session): how many of its
searches showed results, how many of those were followed by a click on a result, and how often the
« Vouliez-vous dire … ? » it offered was followed. The page learns of a click from a signed token it
received with the results (click_token): only a query the server recorded can be counted, and a token
names no person.
"""

import datetime

from django.core import signing
from django.db.models import F
from django.utils import timezone

from base.text import fold

from ..analysis import analyzed
from ..models import SearchDailyCount, SearchQueryRecord, SearchSpelling

MAX_LENGTH = 200
CLICK_SALT = "search.click"
# A results page left open longer than a day no longer counts its click.
CLICK_MAX_AGE = 60 * 60 * 24
# More than any token click_token makes (a 200-character key, compressed, signed): longer is refused unread.
MAX_TOKEN_LENGTH = 1000
RESULT_CLICK, SUGGESTION_TAKEN = "resultat", "suggestion"
CLICK_KINDS = (RESULT_CLICK, SUGGESTION_TAKEN)


class InvalidClick(ValueError):
    """A click that cannot be counted; the message says why, in French."""


def record_key(query: str) -> str:
    """The query as the search reads it: « Médecins du travail » and « medecin travail » are one search.
    A query of stop words only keeps its folded text."""
    return (analyzed(query) or fold(query))[:MAX_LENGTH]


def record_search(query: str, result_count: int, with_results: bool | None = None) -> str:
    """Count the search (its analysed form, the spelling typed, the day): three updates when all were seen.
    `with_results`: whether the page showed something to click (by default, whether it found anything).
    Returns the query's key ("" when nothing was counted).

    Counts, not a record of anything: each update is whole by itself, so no transaction is needed."""
    key = record_key(query)
    if not key:
        return ""
    found = 1 if (result_count > 0 if with_results is None else with_results) else 0
    _count_today(result_count)
    updated = SearchQueryRecord.objects.filter(query=key).update(
        searches=F("searches") + 1,
        searches_with_results=F("searches_with_results") + found,
        last_result_count=result_count,
        last_searched_at=timezone.now(),
    )
    if not updated:
        record, created = SearchQueryRecord.objects.get_or_create(
            query=key, defaults={"searches": 1, "searches_with_results": found, "last_result_count": result_count}
        )
        if not created:  # made at the same moment by another search
            SearchQueryRecord.objects.filter(pk=record.pk).update(
                searches=F("searches") + 1, searches_with_results=F("searches_with_results") + found
            )
    spelling = " ".join(query.split())[:MAX_LENGTH]
    spelt = SearchSpelling.objects.filter(record__query=key, text=spelling)
    if not spelt.update(searches=F("searches") + 1):
        record = SearchQueryRecord.objects.get(query=key)
        SearchSpelling.objects.get_or_create(record=record, text=spelling, defaults={"searches": 1})
    return key


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


def click_token(key: str) -> str:
    """What the results page of a recorded search sends back when a result or the suggestion is clicked: the
    query's key and the day, signed (so that no count can be made up for another text) and dated."""
    if not key:
        return ""
    return signing.dumps([key, timezone.localdate().isoformat()], salt=CLICK_SALT, compress=True)


def _read_token(token: str) -> tuple[str, datetime.date]:
    if not token:
        raise InvalidClick("Le jeton de la recherche est absent.")
    if len(token) > MAX_TOKEN_LENGTH:
        raise InvalidClick("Le jeton de la recherche n’est pas valide.")
    try:
        data = signing.loads(token, salt=CLICK_SALT, max_age=CLICK_MAX_AGE)
    except signing.SignatureExpired:
        raise InvalidClick("Le jeton de la recherche a expiré : relancez la recherche.") from None
    except (signing.BadSignature, ValueError, UnicodeError):
        raise InvalidClick("Le jeton de la recherche n’est pas valide.") from None
    try:
        key, day = data
        if not isinstance(key, str) or not key or len(key) > MAX_LENGTH:
            raise ValueError
        return key, datetime.date.fromisoformat(day)
    except (TypeError, ValueError):
        raise InvalidClick("Le jeton de la recherche n’est pas valide.") from None


def record_click(token: str, kind: str) -> None:
    """Count a click on the results page of the search `token` names: on a result (`resultat`), or on the
    « Vouliez-vous dire … ? » it offered (`suggestion`). Raises InvalidClick, with the reason in French.

    Whether the query is still recorded changes nothing in the answer. A click on a result is counted only
    against a search that showed results (never more clicks than such searches), a suggestion only against
    a search; a query deleted by the retention period is not made again, and its day's counts still move."""
    if kind not in CLICK_KINDS:
        raise InvalidClick("Le type de clic n’est pas reconnu : « resultat » ou « suggestion » attendu.")
    key, day = _read_token(token)
    records = SearchQueryRecord.objects.filter(query=key)
    days = SearchDailyCount.objects.filter(day=day)
    if kind == RESULT_CLICK:
        records.filter(clicked_searches__lt=F("searches_with_results")).update(
            clicked_searches=F("clicked_searches") + 1
        )
        days.filter(clicked_searches__lt=F("searches") - F("without_results")).update(
            clicked_searches=F("clicked_searches") + 1
        )
    else:
        records.filter(suggestions_taken__lt=F("searches")).update(suggestions_taken=F("suggestions_taken") + 1)
        days.filter(suggestions_taken__lt=F("searches")).update(suggestions_taken=F("suggestions_taken") + 1)
