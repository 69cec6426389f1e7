"""/recherche/: one search over every page, person and document (search.services)."""

from django.template.response import TemplateResponse

from base.access import reader_can_access_admin

from .forms import SearchForm
from .services.facet_links import active_filters, side_facets, type_tabs
from .services.promotions import promoted_results
from .services.reporting import record_search
from .services.results import prefetch_extras, search_page


def search(request):
    answer = search_page(request, *SearchForm(request.GET).values())
    outcome, page, filters = answer.outcome, answer.page, answer.outcome.filters
    prefetch_extras(page.object_list)
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
            "filter_messages": answer.messages,
            "results": page,
            "result_count": outcome.count,
            # Everything answering the query under the chosen facets other than the type: the "Tout" tab.
            "all_count": sum(tab.count for tab in outcome.facets.get("type", [])),
            "type_tabs": type_tabs(filters, outcome.facets),
            "side_facets": side_facets(request.GET, outcome.facets),
            "active_filters": active_filters(request.GET, filters, outcome.facets),
            "promotions": promotions,
            "suggestion": outcome.suggestion,
            "show_degraded_warning": outcome.degraded and reader_can_access_admin(request),
        },
    )
