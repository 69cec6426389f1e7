"""Wagtail's database search backend (SQLite FTS5 or PostgreSQL full text, picked from the database),
keeping the portal's search records and vocabulary in step with its index.

Configured as the "default" backend, or beside an external engine, which then leaves this one current
for the fallback.
"""

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry, SQLiteSearchQueryCompiler
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.backends.database import SearchBackend as database_search_backend

from ..indexing import forget_items, record_items

_backend_classes: dict[type, type] = {}
# Index entries read, best first, before the queryset's own filters (live pages…) are applied.
RANKED_WINDOW = 2000


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


class RankedInOneQuerySQLiteCompiler(SQLiteSearchQueryCompiler):
    """Relevance order from one FTS5 query sorted by bm25.

    Wagtail's SQLite compiler scores each matching object in a correlated subquery that runs the full-text
    match again for every row: 0.6 s for a common word over a thousand pages. Here the index is asked once
    for its best entries, then the queryset keeps those it allows, in that order.
    """

    def _ranked_object_ids(self, config, query) -> list[str]:
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
        entries = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score")
        )
        return list(entries.values_list("index_entry__object_id", flat=True)[:RANKED_WINDOW])

    def _ranks_in_one_query(self) -> bool:
        return self.order_by_relevance and not isinstance(normalize(self.query), (MatchAll, Not))

    def ranked_keys(self, config, limit: int) -> list:
        """The primary keys of the best `limit` matches the queryset allows, best first, no object built."""
        pk_field = self.queryset.model._meta.pk
        object_ids = self._ranked_object_ids(config, normalize(self.query))
        ranked = list(dict.fromkeys(pk_field.to_python(object_id) for object_id in object_ids))
        allowed = set(self.queryset.filter(pk__in=ranked).values_list("pk", flat=True))
        return [pk for pk in ranked if pk in allowed][:limit]

    def search(self, config, start, stop, score_field=None):
        if score_field is not None or not self._ranks_in_one_query():
            return super().search(config, start, stop, score_field)
        # Keys first, objects for the asked slice only: building thousands of pages costs more than the search.
        kept = self.ranked_keys(config, stop or RANKED_WINDOW)[start:]
        objects = self.queryset.in_bulk(kept)
        return [objects[pk] for pk in kept if pk in objects]


class RankedKeysMixin:
    """`ranked_keys(query, queryset, limit)`, what the portal's search asks (search.services.engines): on
    SQLite without building the objects."""

    def ranked_keys(self, query, queryset, limit: int) -> list:
        compiler = self.query_compiler_class(queryset, query, order_by_relevance=True)
        if isinstance(compiler, RankedInOneQuerySQLiteCompiler) and compiler._ranks_in_one_query():
            return compiler.ranked_keys(self.config, limit)
        only_key = queryset.only(queryset.model._meta.pk.attname)
        return [obj.pk for obj in self.search(query, only_key, order_by_relevance=True)[:limit]]


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    base_class = type(database_search_backend(params))
    if base_class not in _backend_classes:
        attributes = {
            "index_class": type(
                f"Portal{base_class.index_class.__name__}", (RecordingIndexMixin, base_class.index_class), {}
            )
        }
        if issubclass(base_class.query_compiler_class, SQLiteSearchQueryCompiler):
            attributes["query_compiler_class"] = RankedInOneQuerySQLiteCompiler
        _backend_classes[base_class] = type(f"Portal{base_class.__name__}", (RankedKeysMixin, base_class), attributes)
    return _backend_classes[base_class](params)
