"""Searching the documents' text: the ranking shared by the document library and the site search."""

from base.text import search_words

from .models import PortalDocument

MAX_SEARCH_RESULTS = 500
# The search backends build one nested condition per word: hundreds of words overflow the stack.
MAX_SEARCH_WORDS = 32


def visible_documents(request):
    """The documents this request may open (PortalDocument.objects.visible_to)."""
    return PortalDocument.objects.visible_to(request)


def capped_words(query: str) -> str:
    """The first MAX_SEARCH_WORDS words of a query, without the punctuation search engines read as syntax."""
    return " ".join(search_words(query).split()[:MAX_SEARCH_WORDS])


def ranked_search(documents, query: str) -> list[PortalDocument]:
    """Search every document, then keep those the filters allow, in relevance order.

    The search backends only filter on indexed fields; collection restrictions and métiers are not.
    """
    words = capped_words(query)
    if not words:
        return []
    ranked_ids = [document.pk for document in PortalDocument.objects.search(words)[:MAX_SEARCH_RESULTS]]
    allowed = documents.in_bulk(ranked_ids)
    return [allowed[pk] for pk in ranked_ids if pk in allowed]
