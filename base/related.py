"""What a page shows of another one: a news card's working group, an event's group, a needs sheet's suggested
group, a micro-project's needs sheet, a card's image. Each is named, linked or shown only to the readers who
may open it (base.visibility), on the cards of every listing as on the page itself.

Templates use the `if_visible_to` filter (base.templatetags.listing_tags):

    {% with group=item.working_group|if_visible_to:request %}{% if group %}…{% endif %}{% endwith %}
"""

from __future__ import annotations

from .visibility import can_view_in_collection, can_view_page, hidden_paths


def if_visible_to(item, reader):
    """The page, document or image when the reader may open it, else None.

    No query beyond the reader's restrictions, except the collection of a document or image when some
    collection is hidden from the reader (select it with the item to spare that query).
    """
    if item is None or reader is None:
        return None
    if hasattr(item, "collection_id"):
        if not hidden_paths(reader, "collection"):
            return item
        return item if can_view_in_collection(item, reader) else None
    return item if can_view_page(item, reader) else None
