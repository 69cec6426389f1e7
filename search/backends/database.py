"""Wagtail's database search backend (SQLite FTS5 or PostgreSQL full text, picked from the database),
keeping the portal's search records and vocabulary in step with its index.

Configured as the "default" backend, or beside an external engine, which then leaves this one current
for the fallback.
"""

from wagtail.search.backends.database import SearchBackend as database_search_backend

from ..indexing import forget_items, record_items

_backend_classes: dict[type, type] = {}


class RecordingIndexMixin:
    """Every object added to or deleted from the index also updates its SearchRecord and the vocabulary
    (single saves, bulk updates and `update_index` all go through here)."""

    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        record_items(objs)

    def delete_item(self, item):
        super().delete_item(item)
        forget_items([item])


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    base_class = type(database_search_backend(params))
    if base_class not in _backend_classes:
        index_class = type(
            f"Portal{base_class.index_class.__name__}", (RecordingIndexMixin, base_class.index_class), {}
        )
        _backend_classes[base_class] = type(f"Portal{base_class.__name__}", (base_class,), {"index_class": index_class})
    return _backend_classes[base_class](params)
