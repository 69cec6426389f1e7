"""Wagtail's search promotions (editors' picks) for a query, those the reader may open."""

from wagtail.contrib.search_promotions.models import Query

from base.visibility import can_view_page


def promoted_results(query: str, reader) -> list:
    search_query = Query.get(query)
    search_query.add_hit()
    return [
        promotion
        for promotion in search_query.editors_picks.select_related("page")
        if promotion.page is None or can_view_page(promotion.page, reader)
    ]
