"""Section listings: a queryset, its filters (a ListingFilterSet) and one page of results."""

from django.core.paginator import Paginator


def paginated(items, request, per_page: int):
    """The page of results asked for by ?page= (the first one when the value makes no sense)."""
    raw = request.GET.get("page", "1")
    number = raw if raw.isascii() and raw.isdigit() and len(raw) < 10 else 1
    return Paginator(items, per_page).get_page(number)


def listing_context(request, items, filterset_class=None, per_page: int = 20, **filterset_kwargs) -> dict:
    """What a section index template needs: the filters, their messages and the current page of items."""
    filterset = None
    if filterset_class is not None:
        filterset = filterset_class(request.GET or None, queryset=items, request=request, **filterset_kwargs)
        items = filterset.qs
    return {
        "filters": filterset,
        "filter_messages": filterset.messages if filterset is not None else [],
        "items": paginated(items, request, per_page),
    }
