"""GET /api/search/: the search page's results as JSON, for signed-in users.

Same parameters, validation, ranking, facets and pagination as the page (search.views); refused
parameters are explained in French in "messages" and ignored, as on the page. Result URLs are the
site's relative URLs (/actualites/…), as the page links them. Searches through the API are not
recorded in the search report: scripts and search-as-you-type would drown what people look for.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from .forms import SearchForm
from .services.results import Hit, search_page
from .services.site_search import FacetValue

AUTHENTICATION_REQUIRED = "Authentification requise."


def _facet_value(value: FacetValue) -> dict:
    return {"value": value.value, "label": str(value.label), "count": value.count, "selected": value.selected}


def _result(hit: Hit) -> dict:
    return {
        "title": hit.title,
        "url": hit.url,
        "type": hit.kind,
        "type_label": hit.type_label,
        "date": hit.date.isoformat() if hit.date else None,
        "snippet": hit.snippet,
    }


# The private-by-default middleware would answer anonymous callers in plain text: the view answers them
# itself, in JSON, before reading anything.
@login_not_required
@require_GET
def search(request):
    if not request.user.is_authenticated:
        response = JsonResponse({"detail": AUTHENTICATION_REQUIRED}, status=401)
        response["WWW-Authenticate"] = 'Session realm="intranet"'
        return response
    answer = search_page(request, *SearchForm(request.GET).values())
    outcome, page = answer.outcome, answer.page
    response = JsonResponse(
        {
            "count": outcome.count,
            "facets": {facet: [_facet_value(value) for value in values] for facet, values in outcome.facets.items()},
            "results": [_result(hit) for hit in page.object_list],
            "page": page.number,
            "pages": page.paginator.num_pages,
            "suggestion": outcome.suggestion or None,
            "messages": [str(message) for message in answer.messages],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    # What a reader may see is personal: no shared cache keeps it.
    patch_cache_control(response, private=True, no_store=True)
    return response
