"""The thesaurus administrators edit (search.models.Synonym), as term groups kept in memory per process,
reloaded when an entry is saved or deleted in any process (latest change and count, in one query)."""

from dataclasses import dataclass

from django.db.models import Count, Max

from ..models import Synonym

# (version, {first term: [(terms of an expression, every expression of its group, its broader terms)]})
_current: tuple[tuple | None, dict] = (None, {})


def _load() -> dict[str, list[tuple[tuple[str, ...], list[tuple[str, ...]], list[tuple[str, ...]]]]]:
    entries = [(synonym.term_groups(), synonym.broader_term_groups()) for synonym in Synonym.objects.all()]
    # A broader term brings its own equivalents: "cannabis" finds "conduites addictives", so also
    # "pratiques addictives" when the thesaurus says they are the same.
    equivalents: dict[tuple[str, ...], list] = {}
    for group, _broader in entries:
        for expression in group:
            equivalents.setdefault(expression, []).extend(group)
    by_first_term: dict = {}
    for group, broader in entries:
        if len(group) < 2 and not (group and broader):
            continue
        broader = list(dict.fromkeys(other for term in broader for other in [term, *equivalents.get(term, [])]))
        for expression in group:
            by_first_term.setdefault(expression[0], []).append((expression, group, broader))
    for starting_here in by_first_term.values():
        # Longest expressions first: "document unique" before "document".
        starting_here.sort(key=lambda entry: -len(entry[0]))
    return by_first_term


def expressions_by_first_term() -> dict:
    global _current
    state = Synonym.objects.aggregate(last=Max("updated_at"), count=Count("pk"))
    version = (state["last"], state["count"])
    if _current[0] != version:
        _current = (version, _load())
    return _current[1]


@dataclass(frozen=True)
class ThesaurusMatch:
    """A thesaurus expression found in a query: how many of its terms it spans, the expressions
    equivalent to it (itself included) and the broader terms of its groups (searched at a lower weight)."""

    length: int
    expressions: list[tuple[str, ...]]
    broader: list[tuple[str, ...]]


def match_at(query_terms: list[str], position: int) -> ThesaurusMatch | None:
    """The longest thesaurus expression starting at this position of the query, or None. An acronym with
    two meanings ("SST": santé et sécurité au travail, sauveteur secouriste du travail) is two groups:
    searching it finds both."""
    found_length, expressions, broader = 0, [], []
    for expression, group, group_broader in expressions_by_first_term().get(query_terms[position], []):
        if found_length and len(expression) < found_length:
            break  # longest first: the rest are shorter
        if tuple(query_terms[position : position + len(expression)]) == expression:
            found_length = len(expression)
            expressions += [other for other in group if other not in expressions]
            broader += [other for other in group_broader if other not in broader]
    if not found_length:
        return None
    return ThesaurusMatch(found_length, expressions, [other for other in broader if other not in expressions])


def forget_loaded_thesaurus():
    """For tests: a rolled-back transaction can leave the same latest change and count."""
    global _current
    _current = (None, {})
