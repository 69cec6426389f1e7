"""Searching the documents' text: the document library's search box, ranked like the site search."""

from search.services.site_search import ranked_objects

from ..models import PortalDocument


def ranked_search(documents, query: str) -> list[PortalDocument]:
    """The documents among `documents` that match the query, best first."""
    return ranked_objects(documents, query)
