"""Asking the configured search engine for candidates, and falling back to the database when an
external engine (Elasticsearch, OpenSearch) does not answer."""

import logging
from typing import Protocol

from django.conf import settings
from django.db.models import QuerySet
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

from base.caches import SEARCH_ENGINE_DOWN

from .query import ParsedQuery

logger = logging.getLogger("portal.search")

# The database backend configured beside an external engine (portal.settings.search).
FALLBACK_ALIAS = "database"
# One engine query holds at most this many alternatives: the typed words first.
MAX_ALTERNATIVES = 60


class Searched(Protocol):
    """What a search asks an engine: the objects it searches and those the reader may see (None: all)."""

    searched: QuerySet
    allowed: QuerySet | None


def engine_query(parsed: ParsedQuery, *, every_concept: bool = False):
    """The query sent to the engine: any alternative of any concept (ranking then counts them), or with
    `every_concept`, results holding every concept (each through any of its alternatives)."""
    if every_concept and len(parsed.concepts) > 1:
        budget = max(1, MAX_ALTERNATIVES // len(parsed.concepts))
        return And(
            [
                _any_of([alternative.terms for alternative in concept.alternatives][:budget])
                for concept in parsed.concepts
            ]
        )
    alternatives = [alternative.terms for concept in parsed.concepts for alternative in concept.alternatives]
    # Words nearly every item holds would make the engine rank most of the index: rarer ones find.
    if parsed.telling_terms:
        alternatives = [terms for terms in alternatives if set(terms) & parsed.telling_terms] or alternatives
    typed_first = sorted(dict.fromkeys(alternatives), key=lambda terms: not set(terms) <= set(parsed.phrase))
    return _any_of(typed_first[:MAX_ALTERNATIVES])


def _any_of(alternatives: list[tuple[str, ...]]):
    parts = [_all_of(terms) for terms in dict.fromkeys(alternatives)]
    return parts[0] if len(parts) == 1 else Or(parts)


def _all_of(terms: tuple[str, ...]):
    return PlainText(terms[0]) if len(terms) == 1 else And([PlainText(term) for term in terms])


def _search_ids(alias: str, query, source: Searched, limit: int) -> list:
    backend = get_search_backend(alias)
    if hasattr(backend, "ranked_keys"):
        # The database checks its matches against a queryset anyway: the reader's one costs no extra query.
        return backend.ranked_keys(query, source.allowed if source.allowed is not None else source.searched, limit)
    only_key = source.searched.select_related(None).only(source.searched.model._meta.pk.attname)
    ids = [obj.pk for obj in backend.search(query, only_key, order_by_relevance=True)[:limit]]
    if ids and source.allowed is not None:
        # External engines filter on indexed fields only: visibility (paths, collections) is applied here.
        visible = set(source.allowed.filter(pk__in=ids).values_list("pk", flat=True))
        ids = [pk for pk in ids if pk in visible]
    return ids


def _candidate_ids(alias: str, parsed: ParsedQuery, source: Searched, limit: int) -> list:
    """Results holding every concept of the query first, then those holding some: a common word alone
    then never crowds out the answers to the whole query, and the engine ranks far fewer matches."""
    ids = []
    if len(parsed.concepts) > 1:
        ids = _search_ids(alias, engine_query(parsed, every_concept=True), source, limit)
    if len(ids) < limit:
        seen = set(ids)
        more = _search_ids(alias, engine_query(parsed), source, limit)
        ids += [pk for pk in more if pk not in seen][: limit - len(ids)]
    return ids


def retrieve(parsed: ParsedQuery, source: Searched, limit: int) -> tuple[list, bool]:
    """The primary keys of the best `limit` matches the reader may see, in the engine's order, and
    whether the fallback answered instead of the configured engine."""
    has_fallback = FALLBACK_ALIAS in settings.WAGTAILSEARCH_BACKENDS
    if has_fallback and SEARCH_ENGINE_DOWN.get():
        return _candidate_ids(FALLBACK_ALIAS, parsed, source, limit), True
    try:
        return _candidate_ids("default", parsed, source, limit), False
    except Exception:
        # Any failure, not only a refused connection: a missing index or a refused query are no reason
        # for a reader to get an error while the database can answer.
        if not has_fallback:
            raise
        logger.warning("Moteur de recherche injoignable : la base de données répond à sa place.", exc_info=True)
        SEARCH_ENGINE_DOWN.set(True)
        return _candidate_ids(FALLBACK_ALIAS, parsed, source, limit), True
