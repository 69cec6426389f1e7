from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from .services.site_search import CONTENT_TYPES, DOCUMENTS_KEY, search_site

RESULTS_PER_PAGE = 15


def search(request):
    query = request.GET.get("q", "")[:200]
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
            "content_types": [(key, label) for key, (label, _model) in CONTENT_TYPES.items()],
            "promotions": outcome.promotions,
            "results": Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page")),
            "result_count": len(results),
        },
    )
