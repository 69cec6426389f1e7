"""Searching the documents' text: the document library's search box, ranked like the site search."""

from search.registry import ranked_objects


def ranked_search(documents, query: str) -> list:
    """The documents among `documents` (a PortalDocument queryset) that match the query, best first."""
    return ranked_objects(documents, query)
