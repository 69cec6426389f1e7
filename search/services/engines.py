"""Asking the configured search engine for candidates, and falling back to the database when an
external engine (Elasticsearch, OpenSearch) does not answer."""

import logging

from django.conf import settings
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from .query import ParsedQuery

logger = logging.getLogger("portal.search")

# The database backend configured beside an external engine (portal.settings.search).
FALLBACK_ALIAS = "database"
# One engine query holds at most this many alternatives: the typed words first.
MAX_ALTERNATIVES = 60


def engine_query(parsed: ParsedQuery):
    """The query sent to the engine: any alternative of any concept (ranking then counts them)."""
    alternatives = [alternative.terms for concept in parsed.concepts for alternative in concept.alternatives]
    typed_first = sorted(dict.fromkeys(alternatives), key=lambda terms: not set(terms) <= set(parsed.phrase))
    parts = [_all_of(terms) for terms in typed_first[:MAX_ALTERNATIVES]]
    return parts[0] if len(parts) == 1 else Or(parts)


def _all_of(terms: tuple[str, ...]):
    return PlainText(terms[0]) if len(terms) == 1 else And([PlainText(term) for term in terms])


def _search_ids(alias: str, query, queryset, limit: int) -> list:
    backend = get_search_backend(alias)
    only_key = queryset.only(queryset.model._meta.pk.attname)
    return [obj.pk for obj in backend.search(query, only_key, order_by_relevance=True)[:limit]]


def retrieve(parsed: ParsedQuery, queryset, limit: int) -> tuple[list, bool]:
    """The primary keys of the best `limit` matches in the queryset, in the engine's order, and whether
    the fallback answered instead of the configured engine."""
    query = engine_query(parsed)
    try:
        return _search_ids("default", query, queryset, limit), False
    except Exception:
        if FALLBACK_ALIAS not in settings.WAGTAILSEARCH_BACKENDS:
            raise
        logger.exception("Moteur de recherche injoignable : la base de données répond à sa place.")
        return _search_ids(FALLBACK_ALIAS, query, queryset, limit), True
