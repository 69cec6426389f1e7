"""/recherche/: one search over every page, person and document (search.services); /recherche/clic/: the
results page says, once, that one of its results or its suggestion was clicked (static/js/search-clicks.js)."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from base.access import reader_can_access_admin
from base.machine_readable import machine_readable

from .admin_views import can_view_search_report
from .forms import SearchForm
from .services.facet_links import active_filters, side_facets, type_tabs
from .services.promotions import promoted_results
from .services.reporting import InvalidClick, click_token, record_click, record_search
from .services.results import prefetch_extras, search_page


def search(request):
    # Those who run the search see why each result is where it is (the admin access is remembered in the
    # session: a reader's page costs no permission query).
    explain = reader_can_access_admin(request) and can_view_search_report(request.user)
    answer = search_page(request, *SearchForm(request.GET).values(), explain=explain)
    outcome, page, filters = answer.outcome, answer.page, answer.outcome.filters
    prefetch_extras(page.object_list)
    promotions = []
    token = ""
    if outcome.query:
        if page.number == 1 and not filters.type:
            promotions = promoted_results(outcome.query.text, request)
        # A recommendation shown is a result the reader may click.
        key = record_search(outcome.query.text, outcome.count, with_results=outcome.count > 0 or bool(promotions))
        token = click_token(key)
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
            # Sent back by the page's script on the first click on a result or on the suggestion.
            "click_token": token,
            "show_degraded_warning": outcome.degraded and reader_can_access_admin(request),
        },
    )


TEXT = "text/plain; charset=utf-8"


# A script posts here: an anonymous caller gets 401, not the sign-in page. CSRF applies as to any form.
@machine_readable
@never_cache
def search_click(request):
    """Count a click on a result (`clic=resultat`) or on the suggestion (`clic=suggestion`) of the results
    page that received `jeton`. Answers 204 whatever was counted, or 400 with the reason in French: the
    answer never tells whether a query was searched, and nothing about the person is kept."""
    if request.method != "POST":
        response = HttpResponse("Envoyez le clic par la méthode POST.", status=405, content_type=TEXT)
        response["Allow"] = "POST"
        return response
    try:
        record_click(str(request.POST.get("jeton", "")), str(request.POST.get("clic", "")))
    except InvalidClick as refusal:
        return HttpResponse(str(refusal), status=400, content_type=TEXT)
    return HttpResponse(status=204)
