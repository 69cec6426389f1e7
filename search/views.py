from django.template.response import TemplateResponse

from base.services.listing import paginated

from .services.site_search import CONTENT_TYPES, DOCUMENTS_KEY, search_site

RESULTS_PER_PAGE = 15
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].replace("\x00", "")
    content_type = request.GET.get("type", "")
    if content_type not in CONTENT_TYPES and content_type != DOCUMENTS_KEY:
        content_type = ""
    outcome = search_site(request, query, content_type)
    results = [("page", page) for page in outcome.pages] + [("document", doc) for doc in outcome.documents]
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": outcome.query,
            "selected_type": content_type,
            "content_types": [
                (key, label, outcome.counts.get(key, 0)) for key, (label, _model) in CONTENT_TYPES.items()
            ],
            "all_count": outcome.counts.get("", 0),
            "documents_count": outcome.counts.get(DOCUMENTS_KEY, 0),
            "promotions": outcome.promotions,
            "results": paginated(results, request, RESULTS_PER_PAGE),
            "result_count": len(results),
        },
    )
