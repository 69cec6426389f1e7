"""The SQLite search compiler of the database backend, ranking in one full-text query (search.backends.database)."""

import time
from contextlib import contextmanager

from django.db import connections, router
from django.db.models import Count, FloatField, Func, Q
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteFTSIndexEntry,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from . import RANKED_WINDOW, TITLE_WEIGHT, allowed_in_windows, read_ranked

# bm25 weights of the index's columns, in their order (autocomplete, body, title).
COLUMN_WEIGHTS = (1.0, 1.0, TITLE_WEIGHT)
# A source with at most this many entries, and this many times fewer than the rest of the index, is asked
# differently (RankedInOneQuerySQLiteCompiler._ranked_object_ids).
SMALL_SOURCE = 1000
SMALL_SHARE = 10
# How long the index's entry counts per source are trusted.
COUNTS_SECONDS = 60
_counts: dict[tuple, tuple[float, int, int]] = {}


class WeightedBM25(Func):
    """FTS5's bm25 with per-column weights (Wagtail's weighs every column alike); lower is better."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


def _entry_counts(types: list[int]) -> tuple[int, int]:
    """How many entries of the index are of these content types, and how many are not; read again after
    COUNTS_SECONDS. They only choose how the index is asked: the answer is the same either way."""
    database = router.db_for_read(IndexEntry)
    key = (database, connections[database].settings_dict["NAME"], *types)
    now = time.monotonic()
    known = _counts.get(key)
    if known is None or now - known[0] > COUNTS_SECONDS:
        counts = IndexEntry.objects.aggregate(all=Count("pk"), own=Count("pk", filter=Q(content_type__in=types)))
        known = _counts[key] = (now, counts["own"], counts["all"] - counts["own"])
    return known[1], known[2]


def _best_object_ids(matches, types: list[int], read: int) -> tuple[int, list[str]]:
    """How many of the index's best `read` entries were found, and the object ids of those of `types`, best
    first: ranked in the full-text index alone, then only those entries are looked up."""
    best = matches.annotate(score=WeightedBM25()).order_by("score").values_list("index_entry_id", "score")[:read]
    sql, params = best.query.sql_with_params()
    entries = IndexEntry._meta.db_table
    with connections[router.db_for_read(IndexEntry)].cursor() as cursor:
        cursor.execute(
            f"SELECT entry.content_type_id, entry.object_id FROM ({sql}) AS best "
            f"INNER JOIN {entries} AS entry ON entry.id = best.index_entry_id ORDER BY best.score",
            params,
        )
        rows = cursor.fetchall()
    wanted = set(types)
    return len(rows), [object_id for content_type, object_id in rows if content_type in wanted]


class RankedInOneQuerySQLiteCompiler(SQLiteSearchQueryCompiler):
    """Relevance order from one FTS5 query sorted by bm25.

    Wagtail's SQLite compiler scores each matching object in a correlated subquery that runs the full-text
    match again for every row: 0.6 s for a common word over a thousand pages. Here the index is asked once
    for its best entries, then the queryset keeps those it allows, in that order.
    """

    def _ranked_object_ids(self, config, query, window: int = RANKED_WINDOW) -> list[str]:
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
        types = sorted(get_descendants_content_types_pks(self.queryset.model))
        matches = SQLiteFTSIndexEntry.objects.filter(match)
        own, others = _entry_counts(types)
        if own <= SMALL_SOURCE and own * SMALL_SHARE <= others:
            # Few entries of the index are this source's (documents, people beside the pages): the index looks
            # up those entries only, not every entry holding a common word.
            own_entries = IndexEntry.objects.filter(content_type__in=types).values("pk")
            matches = matches.filter(index_entry__in=own_entries)
        elif others <= SMALL_SOURCE and others * SMALL_SHARE <= own:
            # Nearly every entry is this source's (the pages): the best entries are ranked first, and only those
            # are read, enough of them that the few of other sources cannot leave fewer than `window` of its own.
            read = window + others
            entries_read, object_ids = _best_object_ids(matches, types, read)
            # The best `window` of its own are among the best `read` if that many were found there (counts
            # read a while ago may be stale: then the general query below answers).
            if len(object_ids) >= window or entries_read < read:
                return object_ids[:window]
        entries = matches.filter(index_entry__content_type__in=types).annotate(score=WeightedBM25()).order_by("score")
        return list(entries.values_list("index_entry__object_id", flat=True)[:window])

    def ranks_in_one_query(self) -> bool:
        return self.order_by_relevance and not isinstance(normalize(self.query), (MatchAll, Not))

    def ranked_keys(self, config, limit: int) -> list:
        """The primary keys of the best `limit` matches the queryset allows, best first, no object built."""
        query = normalize(self.query)
        database = router.db_for_read(IndexEntry)
        key = (
            "sqlite",
            database,
            connections[database].settings_dict["NAME"],
            config,
            repr(query),
            tuple(self.fields or self.FTS_TABLE_FIELDS),
            tuple(sorted(get_descendants_content_types_pks(self.queryset.model))),
        )
        return allowed_in_windows(
            lambda window: read_ranked(key, window, lambda size: self._ranked_object_ids(config, query, size)),
            self.queryset,
            limit,
        )

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
