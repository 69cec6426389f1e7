"""The SQLite search compiler of the database backend, ranking in one full-text query (search.backends.database)."""

from contextlib import contextmanager

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from . import RANKED_WINDOW, TITLE_WEIGHT

# bm25 weights of the index's columns, in their order (autocomplete, body, title).
COLUMN_WEIGHTS = (1.0, 1.0, TITLE_WEIGHT)


class WeightedBM25(Func):
    """FTS5's bm25 with per-column weights (Wagtail's weighs every column alike); lower is better."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


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
            .annotate(score=WeightedBM25())
            .order_by("score")
        )
        return list(entries.values_list("index_entry__object_id", flat=True)[:RANKED_WINDOW])

    def ranks_in_one_query(self) -> bool:
        return self.order_by_relevance and not isinstance(normalize(self.query), (MatchAll, Not))

    def ranked_keys(self, config, limit: int) -> list:
        """The primary keys of the best `limit` matches the queryset allows, best first, no object built."""
        pk_field = self.queryset.model._meta.pk
        object_ids = self._ranked_object_ids(config, normalize(self.query))
        ranked = list(dict.fromkeys(pk_field.to_python(object_id) for object_id in object_ids))
        allowed = set(self.queryset.filter(pk__in=ranked).values_list("pk", flat=True))
        return [pk for pk in ranked if pk in allowed][:limit]

    def search(self, config, start, stop, score_field=None):
        if score_field is not None or not self.ranks_in_one_query():
            return super().search(config, start, stop, score_field)
        # Keys first, objects for the asked slice only: building thousands of pages costs more than the search.
        kept = self.ranked_keys(config, stop or RANKED_WINDOW)[start:]
        objects = self.queryset.in_bulk(kept)
        return [objects[pk] for pk in kept if pk in objects]

    @contextmanager
    def unranked(self):
        """Wagtail's own path for a while: a queryset of every match the queryset allows, without order."""
        ranked, self.order_by_relevance = self.order_by_relevance, False
        try:
            yield
        finally:
            self.order_by_relevance = ranked


class CountedSQLiteSearchResults(SQLiteSearchResults):
    """Wagtail's SQLite results, counted and faceted over the matches: the ranked search answers a list of
    one slice's objects, which has no count() (the admin API's ?search= answered 500)."""

    def _do_count(self):
        compiler = self.query_compiler
        if not (isinstance(compiler, RankedInOneQuerySQLiteCompiler) and compiler.ranks_in_one_query()):
            return super()._do_count()
        with compiler.unranked():
            count = super()._do_count()
        # The ranked search reads at most RANKED_WINDOW index entries: it never yields more objects.
        return min(count, max(RANKED_WINDOW - self.start, 0))

    def facet(self, field_name):
        compiler = self.query_compiler
        if not isinstance(compiler, RankedInOneQuerySQLiteCompiler):
            return super().facet(field_name)
        with compiler.unranked():
            return super().facet(field_name)
