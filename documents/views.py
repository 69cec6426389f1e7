"""The document library's listing: search in the documents' text, filter by collection, type and métier."""

from django.core.paginator import Paginator
from wagtail.models import Collection, CollectionViewRestriction

from base.text import search_words
from people.models import Metier

from .models import PortalDocument

DOCUMENTS_PER_PAGE = 20
MAX_SEARCH_RESULTS = 500


def visible_documents(request):
    """Documents outside collections whose view restriction the user does not pass."""
    documents = PortalDocument.objects.all()
    hidden = [
        restriction.collection
        for restriction in CollectionViewRestriction.objects.select_related("collection")
        if not restriction.accept_request(request)
    ]
    for collection in hidden:
        documents = documents.exclude(collection__path__startswith=collection.path)
    return documents


def ranked_search(documents, query: str) -> list[PortalDocument]:
    """Search every document, then keep those the filters allow, in relevance order.

    The search backends only filter on indexed fields; collection restrictions and métiers are not.
    """
    words = search_words(query)
    if not words:
        return []
    ranked_ids = [document.pk for document in PortalDocument.objects.search(words)[:MAX_SEARCH_RESULTS]]
    allowed = documents.in_bulk(ranked_ids)
    return [allowed[pk] for pk in ranked_ids if pk in allowed]


def library_context(page, request) -> dict:
    documents = visible_documents(request).select_related("collection").prefetch_related("metiers")
    query = request.GET.get("q", "").strip()
    collection = request.GET.get("collection", "")
    extension = request.GET.get("type", "").lower()
    metier = request.GET.get("metier", "")
    if collection.isdigit():
        documents = documents.filter(collection_id=int(collection))
    if extension.isalnum():
        documents = documents.filter(file__iendswith=f".{extension}")
    if metier:
        documents = documents.filter(metiers__slug=metier)
    documents = documents.distinct()
    results = ranked_search(documents, query) if query else documents.order_by("-created_at")
    return {
        "documents": Paginator(results, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page")),
        "query": query,
        "collections": Collection.objects.filter(depth__gt=1).order_by("path"),
        "types": ["pdf", "docx", "odt", "xlsx", "pptx"],
        "metiers": Metier.objects.all(),
        "selected_collection": collection,
        "selected_type": extension,
        "selected_metier": metier,
    }
