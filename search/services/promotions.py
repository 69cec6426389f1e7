"""Wagtail's search promotions (editors' picks) for a query, those the reader may open.

A promotion made from the search report is filed under the query as the report keeps it (without
accents): both spellings are looked up, in one query. Searches are counted by the portal's own report
(search.services.reporting), not by Wagtail's daily hits.
"""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from base.text import fold
from base.visibility import can_view_page


def promoted_results(query: str, reader) -> list:
    normalised = normalise_query_string(query)
    spellings = {normalised, fold(normalised)}
    promotions = SearchPromotion.objects.filter(query__query_string__in=spellings).select_related("page")
    shown, seen = [], set()
    for promotion in promotions.order_by("sort_order", "pk"):
        key = promotion.page_id or promotion.external_link_url
        if key in seen or (promotion.page is not None and not can_view_page(promotion.page, reader)):
            continue
        seen.add(key)
        shown.append(promotion)
    return shown
