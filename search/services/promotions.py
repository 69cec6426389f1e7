"""Wagtail's search promotions (editors' picks) for a query, those the reader may open.

A promotion made from the search report is filed under the query as the report keeps it (without
accents): both spellings are looked up.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from base.text import fold
from base.visibility import can_view_page


def promoted_results(query: str, reader) -> list:
    search_query = Query.get(query)
    search_query.add_hit()
    spellings = {search_query.query_string, fold(search_query.query_string)}
    promotions = SearchPromotion.objects.filter(query__query_string__in=spellings).select_related("page")
    shown, seen = [], set()
    for promotion in promotions.order_by("sort_order", "pk"):
        key = promotion.page_id or promotion.external_link_url
        if key in seen or (promotion.page is not None and not can_view_page(promotion.page, reader)):
            continue
        seen.add(key)
        shown.append(promotion)
    return shown
