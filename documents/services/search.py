"""Searching the documents' text: the ranking shared by the document library and the site search."""

from base.text import query_words

from ..models import PortalDocument

MAX_SEARCH_RESULTS = 500


def ranked_search(documents, query: str) -> list[PortalDocument]:
    """Search every document, then keep those the filters allow, in relevance order.

    The search backends only filter on indexed fields; collection restrictions and métiers are not.
    """
    words = query_words(query)
    if not words:
        return []
    ranked_ids = [document.pk for document in PortalDocument.objects.search(words)[:MAX_SEARCH_RESULTS]]
    allowed = documents.in_bulk(ranked_ids)
    return [allowed[pk] for pk in ranked_ids if pk in allowed]
