"""The PostgreSQL search compiler of the database backend, ranking in one full-text query
(search.backends.database).

Wagtail's compiler ranks with one ts_rank per word of the query over every match; the portal's queries
carry many alternatives (synonyms, completions), which made that the slow part of a search. Here the
index is asked once, with the whole query, through its GIN indexes on title and body, and ranked with
one ts_rank per field; the portal then ranks the best of those itself (search.services.ranking).
"""

from django.db import connections, router
from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler
from modelsearch.conf import get_app_config
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from . import TITLE_WEIGHT, allowed_in_windows, read_ranked

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


def _tsquery(query) -> str | None:
    """The query in to_tsquery syntax, or None when it holds other kinds of nodes."""
    if isinstance(query, PlainText):
        words = query.query_string.split()
        if not words or any("'" in word or "\\" in word for word in words):
            return None
        joiner = " & " if query.operator.lower() == "and" else " | "
        return "(" + joiner.join(f"'{word}'" for word in words) + ")"
    if isinstance(query, (And, Or)):
        parts = [_tsquery(subquery) for subquery in query.subqueries]
        if not parts or None in parts:
            return None
        return "(" + (" & " if isinstance(query, And) else " | ").join(parts) + ")"
    return None


class RankedInOneQueryPostgresCompiler(PostgresSearchQueryCompiler):
    def ranks_in_one_query(self) -> bool:
        return self.order_by_relevance and _tsquery(self.query) is not None

    def ranked_keys(self, config, limit: int) -> list:
        """The primary keys of the best `limit` matches the queryset allows, best first, no object built."""
        database = router.db_for_read(IndexEntry)
        key = (
            "postgresql",
            database,
            connections[database].settings_dict["NAME"],
            config,
            _tsquery(self.query),
            tuple(sorted(get_descendants_content_types_pks(self.queryset.model))),
        )
        return allowed_in_windows(
            lambda window: read_ranked(key, window, lambda size: self._ranked_object_ids(config, size)),
            self.queryset,
            limit,
        )

    def _ranked_object_ids(self, config, window: int) -> list[str]:
        sql = f"""
            SELECT object_id FROM {IndexEntry._meta.db_table}
            WHERE content_type_id = ANY(%(types)s) AND (title @@ to_tsquery(%(config)s::regconfig, %(query)s)
                OR body @@ to_tsquery(%(config)s::regconfig, %(query)s))
            ORDER BY ts_rank(title, to_tsquery(%(config)s::regconfig, %(query)s)) * %(title_weight)s
                + ts_rank(body, to_tsquery(%(config)s::regconfig, %(query)s)) DESC, id
            LIMIT %(window)s
        """
        parameters = {
            "types": list(get_descendants_content_types_pks(self.queryset.model)),
            "config": config or "simple",
            "query": _tsquery(self.query),
            "window": window,
            "title_weight": TITLE_WEIGHT,
        }
        with connections[router.db_for_read(IndexEntry)].cursor() as cursor:
            cursor.execute(sql, parameters)
            return [row[0] for row in cursor.fetchall()]
