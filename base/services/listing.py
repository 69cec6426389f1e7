"""Section listings: a queryset, its filters (a ListingFilterSet) and one page of results.

The listing of a section page is the same for every reader of one visibility class and one choice of
filters, so its templates render it inside a shared fragment (base.page_cache) keyed by the listing itself:
its filters' parameters and page number, normalised. The context is therefore lazy (LazyListing): when the
fragment comes from the cache, no listing query runs at all. A rendering is kept only when the query string
held nothing else than accepted, valid values and an existing page: made-up query strings cost their
rendering, never a cache entry.
"""

from collections.abc import Callable
from functools import cached_property

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject

PAGE_PARAMETER = "page"


def _page_number(request) -> str | int:
    raw = request.GET.get(PAGE_PARAMETER, "1")
    return raw if raw.isascii() and raw.isdigit() and len(raw) < 10 else 1


def paginated(items, request, per_page: int):
    """The page of results asked for by ?page= (the first one when the value makes no sense)."""
    return Paginator(items, per_page).get_page(_page_number(request))


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

    @cached_property
    def accepted_parameters(self) -> set[str]:
        """The query parameters the listing reads: its FilterSet's and the page number."""
        filters = set(self.filterset_class.base_filters) if self.filterset_class is not None else set()
        return filters | {PAGE_PARAMETER}

    def cache_part(self) -> str | None:
        """The listing's part of a shared fragment's key: the filters' parameters and the page, normalised
        (sorted, empty values and every other parameter left out). Asks nothing of the database. None (not
        shared) when a value has spaces around it: some filters refuse such a value, others read it trimmed,
        so it may not share the key of the trimmed or the empty value."""
        values = {name: self.request.GET.get(name, "") for name in self.accepted_parameters}
        if any(value != value.strip() for value in values.values()):
            return None
        chosen = [(name, value) for name, value in values.items() if value and (name, value) != (PAGE_PARAMETER, "1")]
        return repr(sorted(chosen))

    def may_store(self) -> bool:
        """Whether the rendering may be kept for others: only accepted parameters, each given once with a
        valid value, and a page that exists (read once the listing is computed)."""
        query = self.request.GET
        if any(name not in self.accepted_parameters or len(query.getlist(name)) > 1 for name in query):
            return False
        if self.filters is not None and self.filters.is_bound and self.filters.form.errors:
            return False
        return str(self.items.number) == str(_page_number(self.request))

    def context(self) -> dict:
        """Template variables standing for the listing; each one asks the database only when read."""
        return {
            # The key of the shared fragments that render it (base.caches.CacheVary).
            "listing": self,
            # Templates and get_context test `filters is None`: known without any query.
            "filters": SimpleLazyObject(lambda: self.filters) if self.filterset_class is not None else None,
            "filter_messages": SimpleLazyObject(lambda: self.filter_messages),
            "items": SimpleLazyObject(lambda: self.items),
        }
