"""One search over every page and every declared source (the directory, the documents' text…), ranked
together.

The engine finds candidates among what the reader may see (base.visibility for pages, each source's
declaration otherwise: search.registry); search.services.ranking orders them; facets count the whole
result set. Used by the search page and the JSON API alike.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Case, Q, QuerySet, Value, When
from django.utils import timezone
from wagtail.models import Page

from base.models import PortalPage
from base.visibility import visible_pages

from ..declarations import PAGE_SOURCE, declaration_of, kind_labels, kinds, page_kinds, sources
from ..models import SearchRecord
from ..parameters import SearchFilters
from .engines import retrieve
from .query import ParsedQuery, parse_query
from .ranking import Explanation, Scorer, commonest_concept
from .vocabulary import Vocabulary, current_vocabulary

# Candidates asked of the engine per source (pages, documents, people): the result set is at most this.
MAX_CANDIDATES = 200
# Terms of the query looked for in the bodies (in the database): the typed ones come first.
MAX_BODY_CHECKS = 40
FACETS = ("type", "metier", "groupe", "annee", "mot_cle")


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool = False


@dataclass
class RankedItem:
    record: SearchRecord
    score: float
    source: str  # "page", "document" or "person"
    # The query's corrections (ParsedQuery.corrections) that this item holds.
    corrections: frozenset[str] = frozenset()
    # « Pourquoi ce résultat ? », when asked (search_site's `explain`).
    why: Explanation | None = None
    # It holds only the query's commonest concept (search.services.ranking.commonest_concept).
    marginal: bool = False


@dataclass
class SearchOutcome:
    query: ParsedQuery
    filters: SearchFilters
    items: list[RankedItem] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # The configured external engine did not answer; the database did (administrators are told).
    degraded: bool = False
    # The engine had more matches than MAX_CANDIDATES for some kind: only the best were ranked and counted.
    capped: bool = False
    # "Vouliez-vous dire … ?": the query corrected by the words that the reader's results hold.
    suggestion: str = ""
    # Results holding only the query's commonest word (`commonest_word`), left out of the list and its
    # facets because others hold more of the query; SearchFilters.everything shows them.
    set_aside: int = 0
    commonest_word: str = ""

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass
class Source:
    """Where results come from: what the engine searches, what of it the reader may see (None: all of it)
    and how its search records are found."""

    name: str  # "page", or the declared source's ("document", "person"…)
    searched: QuerySet
    allowed: QuerySet | None
    records: Q
    kinds: list[str]


def sources_for(reader) -> list[Source]:
    """Engines filter only on indexed fields: visibility (paths, collections) is applied to their answer."""
    found = [
        Source(
            PAGE_SOURCE,
            Page.objects.live(),
            visible_pages(Page.objects.filter(depth__gt=2), reader),
            Q(kind__in=page_kinds()),
            page_kinds(),
        )
    ]
    for model, declaration in sources():
        source = declaration.source
        if source.available_to is None or source.available_to(reader):
            allowed = source.visible_to(reader) if source.visible_to is not None else None
            records = Q(content_type=ContentType.objects.get_for_model(model))
            found.append(Source(source.name, model._default_manager.all(), allowed, records, [declaration.kind.key]))
    return found


@dataclass
class SourceAnswer:
    """A source's matches the reader may see, by id with the engine's rank, and how the engine answered."""

    source: Source
    ranks: dict[str, int] = field(default_factory=dict)
    degraded: bool = False
    capped: bool = False


def _answer(parsed: ParsedQuery, source: Source) -> SourceAnswer:
    ids, degraded = retrieve(parsed, source, MAX_CANDIDATES)
    answer = SourceAnswer(source, degraded=degraded, capped=len(ids) >= MAX_CANDIDATES)
    answer.ranks = {str(pk): rank for rank, pk in enumerate(ids)}
    return answer


def _ranked(
    parsed: ParsedQuery, vocabulary: Vocabulary, answers: list[SourceAnswer], explain: bool = False
) -> list[RankedItem]:
    """The answers' records, scored, in one query; bodies are searched for the query's terms by the
    database, so they never leave it. With `explain`, each item says what placed it."""
    answers = [answer for answer in answers if answer.ranks]
    if not answers:
        return []
    checked_terms = _body_terms_to_check(parsed)
    corrections = parsed.correction_terms
    wanted = Q()
    for answer in answers:
        wanted |= answer.source.records & Q(object_id__in=list(answer.ranks))
    checks = {f"in_body_{rank}": _body_holds(term) for rank, term in enumerate(checked_terms)}
    if len(parsed.phrase) > 1:
        checks["body_has_phrase"] = _body_holds(" ".join(parsed.phrase))
    records = SearchRecord.objects.filter(wanted).defer("body", "words", "heading", "text").annotate(**checks)
    source_of_kind = {kind: answer for answer in answers for kind in answer.source.kinds}
    scorer = Scorer(parsed, vocabulary, timezone.localdate())
    ranked = []
    for record in records:
        answer = source_of_kind.get(record.kind)
        if answer is None or record.object_id not in answer.ranks:
            continue
        body_terms = {term for rank, term in enumerate(checked_terms) if getattr(record, f"in_body_{rank}")}
        body_has_phrase = getattr(record, "body_has_phrase", False)
        why = scorer.explain(record, body_terms, body_has_phrase) if explain else None
        relevance, marginal = (why.score, why.marginal) if why else scorer.rank(record, body_terms, body_has_phrase)
        if relevance > 0:
            # The engine's own order breaks ties.
            score = relevance - answer.ranks[record.object_id] * 1e-6
            held = _held(record, body_terms, corrections) if corrections else frozenset()
            ranked.append(RankedItem(record, score, answer.source.name, held, why, marginal))
    return ranked


def _held(record: SearchRecord, body_terms: set[str], terms: set[str]) -> frozenset[str]:
    """The terms among `terms` that the record holds in any zone."""
    zones = f" {record.title} {record.summary} {record.fields} "
    return frozenset(term for term in terms if term in body_terms or f" {term} " in zones)


def _body_terms_to_check(parsed: ParsedQuery) -> list[str]:
    terms = (term for concept in parsed.concepts for alternative in concept.alternatives for term in alternative.terms)
    checked = list(dict.fromkeys(terms))[:MAX_BODY_CHECKS]
    # A correction is proposed only if a result holds it: its terms are always looked for.
    return checked + sorted(parsed.correction_terms - set(checked))


def _body_holds(terms: str):
    return Case(When(body__contains=f" {terms} ", then=Value(True)), default=Value(False), output_field=BooleanField())


def ranked_objects(queryset, query: str) -> list:
    """The queryset's objects matching the query, best first: the same analysis and ranking as the site
    search, for a section's own search box (the document library)."""
    vocabulary = current_vocabulary()
    parsed = parse_query(query, vocabulary=vocabulary)
    if not parsed:
        return []
    declaration = declaration_of(queryset.model)
    name = declaration.source.name if declaration.source else PAGE_SOURCE
    records = Q(content_type=ContentType.objects.get_for_model(queryset.model))
    source = Source(name, queryset.model._default_manager.all(), queryset, records, [declaration.kind.key])
    items = sorted(_ranked(parsed, vocabulary, [_answer(parsed, source)]), key=lambda item: item.score, reverse=True)
    objects = {str(pk): obj for pk, obj in queryset.in_bulk([item.record.object_id for item in items]).items()}
    return [objects[item.record.object_id] for item in items if item.record.object_id in objects]


def _matches(item: RankedItem, filters: SearchFilters, skip: str = "") -> bool:
    record = item.record
    checks = {
        "type": lambda: record.kind == filters.type,
        "metier": lambda: filters.metier in record.metiers,
        "groupe": lambda: record.group == filters.groupe,
        "annee": lambda: record.date is not None and record.date.year == filters.annee,
        "mot_cle": lambda: filters.mot_cle in record.tags,
    }
    return all(check() for facet, check in checks.items() if facet != skip and filters.selected(facet))


def _facet_keys(record: SearchRecord, facet: str) -> list:
    if facet == "type":
        return [record.kind]
    if facet == "metier":
        return list(record.metiers)
    if facet == "groupe":
        return [record.group] if record.group else []
    if facet == "annee":
        return [record.date.year] if record.date else []
    return list(record.tags)


def _facet_labels(facet: str, keys, reader) -> dict:
    if facet == "type":
        labels = kind_labels()
        return {key: str(labels[key]) for key in keys if key in labels}
    if facet == "metier":
        # The métiers are what base's content pages are meant for.
        metier_model = apps.get_model(PortalPage._meta.get_field("metiers").related_model)
        return {metier.pk: str(metier) for metier in metier_model.objects.filter(pk__in=keys)}
    if facet == "groupe":
        # A group (a page) the reader may not open is neither named nor counted.
        groups = visible_pages(Page.objects.filter(pk__in=keys), reader)
        return dict(groups.values_list("pk", "title"))
    return {key: str(key) for key in keys}


def _facets(items: list[RankedItem], filters: SearchFilters, reader) -> dict[str, list[FacetValue]]:
    """Counts per facet value over the results, each facet counted under the other facets' choices."""
    facets = {}
    chosen = [facet for facet in FACETS if filters.selected(facet)]
    for facet in FACETS:
        # Without another facet chosen, every result counts: no check per result.
        counted = items if not set(chosen) - {facet} else [item for item in items if _matches(item, filters, facet)]
        counts = Counter(key for item in counted for key in _facet_keys(item.record, facet))
        labels = _facet_labels(facet, list(counts), reader)
        values = [
            FacetValue(key, labels[key], count, key == filters.selected(facet))
            for key, count in counts.items()
            if key in labels
        ]
        if facet == "annee":
            values.sort(key=lambda value: -value.value)
        elif facet == "type":
            order = [kind.key for kind in kinds()]
            values.sort(key=lambda value: order.index(value.value))
        else:
            values.sort(key=lambda value: (-value.count, value.label.casefold()))
        facets[facet] = values
    return facets


def _sorted(items: list[RankedItem], sort: str) -> list[RankedItem]:
    if sort == "date":
        return sorted(items, key=lambda item: (item.record.date or datetime.date.min, item.score), reverse=True)
    return sorted(items, key=lambda item: item.score, reverse=True)


def search_site(
    reader, query: str, filters: SearchFilters | None = None, *, typing: bool = False, explain: bool = False
) -> SearchOutcome:
    """Everything the reader may see that answers the query, ranked, with facets and a suggestion; with
    `explain`, each result says what placed it (for administrators)."""
    filters = filters or SearchFilters()
    vocabulary = current_vocabulary()
    parsed = parse_query(query, typing=typing, vocabulary=vocabulary)
    if not parsed:
        return SearchOutcome(parsed, filters)
    answers = [_answer(parsed, source) for source in sources_for(reader)]
    candidates = _ranked(parsed, vocabulary, answers, explain)
    candidates, set_aside = _without_marginal(candidates, filters)
    facets = _facets(candidates, filters, reader)
    items = _sorted([item for item in candidates if _matches(item, filters)], filters.sort)
    degraded = any(answer.degraded for answer in answers)
    capped = any(answer.capped for answer in answers)
    # Only what the reader gets, before the facets' filters, may suggest a word: the vocabulary also knows the
    # words of restricted pages and drafts, and a typo must not tell whether such a word exists.
    suggestion = parsed.suggestion(frozenset().union(*(item.corrections for item in candidates)))
    outcome = SearchOutcome(parsed, filters, items, facets, degraded, capped, suggestion)
    if set_aside:
        outcome.set_aside = len(set_aside)
        outcome.commonest_word = parsed.concepts[commonest_concept(parsed, vocabulary)].typed
    return outcome


def _without_marginal(candidates: list[RankedItem], filters: SearchFilters) -> tuple[list, list]:
    """The candidates less those holding only the query's commonest word, when others hold more of it:
    « fiche de liaison » lists what speaks of « liaison », not every « fiche » (unless asked)."""
    if filters.everything or all(item.marginal for item in candidates):
        return candidates, []
    return [item for item in candidates if not item.marginal], [item for item in candidates if item.marginal]
