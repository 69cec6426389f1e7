"""The thesaurus administrators edit (search.models.Synonym), as term groups kept in memory per process,
reloaded when an entry is saved or deleted in any process (latest change and count, in one query)."""

from django.db.models import Count, Max

from ..models import Synonym

# (version, {first term: [(terms of an expression, every expression of its group)]})
_current: tuple[tuple | None, dict] = (None, {})


def _load() -> dict[str, list[tuple[tuple[str, ...], list[tuple[str, ...]]]]]:
    by_first_term: dict = {}
    for synonym in Synonym.objects.all():
        group = synonym.term_groups()
        if len(group) < 2:
            continue
        for expression in group:
            by_first_term.setdefault(expression[0], []).append((expression, group))
    for entries in by_first_term.values():
        # Longest expressions first: "document unique" before "document".
        entries.sort(key=lambda entry: -len(entry[0]))
    return by_first_term


def expressions_by_first_term() -> dict:
    global _current
    state = Synonym.objects.aggregate(last=Max("updated_at"), count=Count("pk"))
    version = (state["last"], state["count"])
    if _current[0] != version:
        _current = (version, _load())
    return _current[1]


def match_at(query_terms: list[str], position: int):
    """The longest thesaurus expression starting at this position of the query: (its length, the
    expressions of every group that holds it), or None. An acronym with two meanings ("SST": santé et
    sécurité au travail, sauveteur secouriste du travail) is two groups: searching it finds both."""
    found_length, expressions = 0, []
    for expression, group in expressions_by_first_term().get(query_terms[position], []):
        if found_length and len(expression) < found_length:
            break  # longest first: the rest are shorter
        if tuple(query_terms[position : position + len(expression)]) == expression:
            found_length = len(expression)
            expressions += [other for other in group if other not in expressions]
    return (found_length, expressions) if found_length else None


def forget_loaded_thesaurus():
    """For tests: a rolled-back transaction can leave the same latest change and count."""
    global _current
    _current = (None, {})
