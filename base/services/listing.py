"""Section listings: a queryset, its filters (a ListingFilterSet) and one page of results.

The listing of a section page is the same for every reader of one visibility class and one query string,
so its templates render it inside a shared fragment (base.page_cache). The context is therefore lazy
(LazyListing): when the fragment comes from the cache, no listing query runs at all.
"""

from collections.abc import Callable
from functools import cached_property

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject


def paginated(items, request, per_page: int):
    """The page of results asked for by ?page= (the first one when the value makes no sense)."""
    raw = request.GET.get("page", "1")
    number = raw if raw.isascii() and raw.isdigit() and len(raw) < 10 else 1
    return Paginator(items, per_page).get_page(number)


def listing_context(request, items, filterset_class=None, per_page: int = 20, **filterset_kwargs) -> dict:
    """What a section index template needs: the filters, their messages and the current page of items."""
    listing = LazyListing(request, lambda: items, filterset_class, per_page, **filterset_kwargs)
    return {"filters": listing.filters, "filter_messages": listing.filter_messages, "items": listing.items}


class LazyListing:
    """The filters, their messages and one page of results of a section, each computed on first use only.

    `items` is a callable giving the queryset (itself read only when needed); `decorate`, when given, is
    called once with the page of results to add what the cards show per item (it runs inside the lazy
    computation, so a cached fragment skips it too).
    """

    def __init__(
        self,
        request,
        items: Callable,
        filterset_class=None,
        per_page: int = 20,
        decorate: Callable | None = None,
        **filterset_kwargs,
    ):
        self.request = request
        self._items = items
        self.filterset_class = filterset_class
        self.per_page = per_page
        self.decorate = decorate
        self.filterset_kwargs = filterset_kwargs

    @cached_property
    def queryset(self):
        """The items the reader may see, before filtering."""
        return self._items()

    @cached_property
    def filters(self):
        """The section's FilterSet bound to the query string (None when the section has no filters)."""
        if self.filterset_class is None:
            return None
        data = self.request.GET or None
        return self.filterset_class(data, queryset=self.queryset, request=self.request, **self.filterset_kwargs)

    @cached_property
    def filter_messages(self) -> list[str]:
        return self.filters.messages if self.filters is not None else []

    @cached_property
    def items(self):
        """The current page of (filtered) results, decorated."""
        items = self.filters.qs if self.filters is not None else self.queryset
        page = paginated(items, self.request, self.per_page)
        if self.decorate is not None:
            self.decorate(page)
        return page

    def context(self) -> dict:
        """Template variables standing for the listing; each one asks the database only when read."""
        return {
            # Templates and get_context test `filters is None`: known without any query.
            "filters": SimpleLazyObject(lambda: self.filters) if self.filterset_class is not None else None,
            "filter_messages": SimpleLazyObject(lambda: self.filter_messages),
            "items": SimpleLazyObject(lambda: self.items),
        }
