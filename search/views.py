from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from accounts.access import reader_can_access_admin

from .forms import SearchForm
from .records import KINDS
from .services.promotions import promoted_results
from .services.reporting import record_search
from .services.results import hits
from .services.site_search import search_site

RESULTS_PER_PAGE = 15


def search(request):
    query, filters, page_number, messages = SearchForm(request.GET).values()
    outcome = search_site(request, query, filters)
    paginator = Paginator(outcome.items, RESULTS_PER_PAGE)
    page = paginator.get_page(page_number)
    page.object_list = hits(list(page.object_list), outcome.query, request)
    promotions = []
    if outcome.query:
        record_search(outcome.query.text, outcome.count)
        if page.number == 1 and not filters.type:
            promotions = promoted_results(outcome.query.text, request)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": outcome.query.text,
            "outcome": outcome,
            "filters": filters,
            "filter_messages": messages,
            "kinds": KINDS,
            "results": page,
            "result_count": outcome.count,
            "promotions": promotions,
            "suggestion": outcome.query.suggestion,
            "show_degraded_warning": outcome.degraded and reader_can_access_admin(request),
        },
    )
