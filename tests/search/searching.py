"""Searching as a reader does, for the search tests: the titles of the results, best first."""

from search.parameters import SearchFilters
from search.services.results import hits
from search.services.site_search import search_site


def result_titles(reader, query: str, count: int | None = None) -> list[str]:
    outcome = search_site(type(reader).objects.get(pk=reader.pk), query, SearchFilters())
    return [hit.title for hit in hits(outcome.items[:count], outcome.query)]
