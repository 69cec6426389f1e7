"""Wagtail's database search backend (SQLite FTS5 or PostgreSQL full text, picked from the database),
keeping the portal's search records and vocabulary in step with its index.

Configured as the "default" backend, or beside an external engine, which then leaves this one current
for the fallback.
"""

from importlib import import_module

from wagtail.search.backends.database import SearchBackend as database_search_backend

from ..indexing import forget_items, record_items
from . import RANKED_WINDOW, forget_ranked

_backend_classes: dict[type, type] = {}
# The portal's classes for each database's backend, by the name of Wagtail's backend class. Each module is
# imported by name on its own database only, as Wagtail picks its backends: the SQLite one reads a model
# that exists only there.
DATABASE_CLASSES = {
    "SQLiteSearchBackend": (
        ".sqlite",
        {"query_compiler_class": "RankedInOneQuerySQLiteCompiler", "results_class": "CountedSQLiteSearchResults"},
    ),
    "PostgresSearchBackend": (".postgres", {"query_compiler_class": "RankedInOneQueryPostgresCompiler"}),
}


class RecordingIndexMixin:
    """Every object added to or deleted from the index also updates its SearchRecord and the vocabulary
    (single saves, bulk updates and `update_index` all go through here)."""

    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        record_items(objs)
        forget_ranked()

    def delete_item(self, item):
        super().delete_item(item)
        forget_items([item])
        forget_ranked()


class RankedKeysMixin:
    """`ranked_keys(query, queryset, limit)`, what the portal's search asks (search.services.engines): in
    one full-text query, without building the objects."""

    def ranked_keys(self, query, queryset, limit: int) -> list:
        compiler = self.query_compiler_class(queryset, query, order_by_relevance=True)
        if hasattr(compiler, "ranked_keys") and compiler.ranks_in_one_query():
            return compiler.ranked_keys(self.config, limit)
        # The engine's general path filters on indexed fields only, and a reader's queryset may filter on
        # others (a person's account): the model's matches are read first, then kept if the queryset allows.
        model = queryset.model
        only_key = model._default_manager.only(model._meta.pk.attname)
        ranked = [obj.pk for obj in self.search(query, only_key, order_by_relevance=True)[:RANKED_WINDOW]]
        allowed = set(queryset.filter(pk__in=ranked).values_list("pk", flat=True))
        return [pk for pk in ranked if pk in allowed][:limit]


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    base_class = type(database_search_backend(params))
    if base_class not in _backend_classes:
        attributes = {
            "index_class": type(
                f"Portal{base_class.index_class.__name__}", (RecordingIndexMixin, base_class.index_class), {}
            )
        }
        if base_class.__name__ in DATABASE_CLASSES:
            module_name, classes = DATABASE_CLASSES[base_class.__name__]
            module = import_module(module_name, __package__)
            attributes.update({attribute: getattr(module, name) for attribute, name in classes.items()})
        _backend_classes[base_class] = type(f"Portal{base_class.__name__}", (RankedKeysMixin, base_class), attributes)
    return _backend_classes[base_class](params)
