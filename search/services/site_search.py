"""One search over every page, the directory and the documents' text, ranked together.

The engine finds candidates among what the reader may see (base.visibility); search.services.ranking
orders them; facets count the whole result set. Used by the search page and the JSON API alike.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Case, Value, When
from django.utils import timezone
from wagtail.models import Page

from base.visibility import can_view_page, visible_pages
from documents.models import PortalDocument
from people.models import DirectoryPage, Metier, Person
from projects.models import WorkingGroupPage

from ..models import SearchRecord
from ..records import KINDS
from .engines import retrieve
from .query import ParsedQuery, parse_query
from .ranking import score
from .vocabulary import current_vocabulary

# Candidates asked of the engine per source (pages, documents, people): the result set is at most this.
MAX_CANDIDATES = 300
# Terms of the query looked for in the bodies (in the database): the typed ones come first.
MAX_BODY_CHECKS = 40
FACETS = ("type", "metier", "groupe", "annee", "mot_cle")
SORTS = ("pertinence", "date")


@dataclass(frozen=True)
class SearchFilters:
    type: str = ""
    metier: int | None = None
    groupe: int | None = None
    annee: int | None = None
    mot_cle: str = ""
    sort: str = "pertinence"

    def selected(self, facet: str):
        return getattr(self, facet)


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

    @property
    def count(self) -> int:
        return len(self.items)


def _directory_visible(reader) -> bool:
    directory = DirectoryPage.objects.live().first()
    return directory is not None and can_view_page(directory, reader)


def _sources(reader):
    """(name, what the engine searches, what the reader may see of it, how its records are found).

    Engines filter only on indexed fields: visibility (paths, collections) is applied to their answer.
    """
    person_type = ContentType.objects.get_for_model(Person)
    document_type = ContentType.objects.get_for_model(PortalDocument)
    sources = [
        (
            "page",
            Page.objects.live(),
            visible_pages(Page.objects.filter(depth__gt=2), reader),
            {"kind__in": PAGE_KINDS},
        ),
        (
            "document",
            PortalDocument.objects.all(),
            PortalDocument.objects.visible_to(reader),
            {"content_type": document_type},
        ),
    ]
    if _directory_visible(reader):
        sources.append(("person", Person.objects.all(), Person.objects.all(), {"content_type": person_type}))
    return sources


PAGE_KINDS = [key for key in KINDS if key not in ("documents", "personnes")]


@dataclass
class SourceAnswer:
    """One source's matches the reader may see, as (record, score), and how the engine answered."""

    scored: list[tuple[SearchRecord, float]] = field(default_factory=list)
    degraded: bool = False
    capped: bool = False


def _ranked_records(parsed: ParsedQuery, searched, allowed, record_filter: dict) -> SourceAnswer:
    ids, degraded = retrieve(parsed, searched, MAX_CANDIDATES)
    answer = SourceAnswer(degraded=degraded, capped=len(ids) >= MAX_CANDIDATES)
    if not ids:
        return answer
    visible = {str(pk) for pk in allowed.filter(pk__in=ids).values_list("pk", flat=True)}
    vocabulary = current_vocabulary()
    today = timezone.localdate()
    position = {str(pk): rank for rank, pk in enumerate(ids) if str(pk) in visible}
    checked_terms = _body_terms_to_check(parsed)
    records = (
        SearchRecord.objects.filter(object_id__in=list(position), **record_filter)
        .defer("body", "words")
        .annotate(**{f"in_body_{rank}": _body_holds(term) for rank, term in enumerate(checked_terms)})
    )
    for record in records:
        body_terms = {term for rank, term in enumerate(checked_terms) if getattr(record, f"in_body_{rank}")}
        relevance = score(record, parsed, vocabulary, today, body_terms)
        if relevance > 0:
            # The engine's own order breaks ties.
            answer.scored.append((record, relevance - position[record.object_id] * 1e-6))
    return answer


def _body_terms_to_check(parsed: ParsedQuery) -> list[str]:
    terms = (term for concept in parsed.concepts for alternative in concept.alternatives for term in alternative.terms)
    return list(dict.fromkeys(terms))[:MAX_BODY_CHECKS]


def _body_holds(term: str):
    return Case(When(body__contains=f" {term} ", then=Value(True)), default=Value(False), output_field=BooleanField())


def _candidates(parsed: ParsedQuery, reader) -> tuple[list[RankedItem], list[SourceAnswer]]:
    ranked, answers = [], []
    for source, searched, allowed, record_filter in _sources(reader):
        answer = _ranked_records(parsed, searched, allowed, record_filter)
        answers.append(answer)
        ranked += [RankedItem(record, relevance, source) for record, relevance in answer.scored]
    return ranked, answers


def ranked_objects(queryset, query: str) -> list:
    """The queryset's objects matching the query, best first: the same analysis and ranking as the site
    search, for a section's own search box (the document library)."""
    parsed = parse_query(query)
    if not parsed:
        return []
    content_type = ContentType.objects.get_for_model(queryset.model)
    searched = queryset.model._default_manager.all()
    records = sorted(
        _ranked_records(parsed, searched, queryset, {"content_type": content_type}).scored,
        key=lambda entry: entry[1],
        reverse=True,
    )
    objects = queryset.in_bulk([record.object_id for record, _relevance in records])
    by_key = {str(pk): obj for pk, obj in objects.items()}
    return [by_key[record.object_id] for record, _relevance in records if record.object_id in by_key]


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
        return {key: str(KINDS[key][0]) for key in keys if key in KINDS}
    if facet == "metier":
        return dict(Metier.objects.filter(pk__in=keys).values_list("pk", "name"))
    if facet == "groupe":
        # A group the reader may not open is neither named nor counted.
        groups = visible_pages(WorkingGroupPage.objects.filter(pk__in=keys), reader)
        return dict(groups.values_list("pk", "title"))
    return {key: str(key) for key in keys}


def _facets(items: list[RankedItem], filters: SearchFilters, reader) -> dict[str, list[FacetValue]]:
    """Counts per facet value over the results, each facet counted under the other facets' choices."""
    facets = {}
    for facet in FACETS:
        counts = Counter(
            key for item in items if _matches(item, filters, skip=facet) for key in _facet_keys(item.record, facet)
        )
        labels = _facet_labels(facet, list(counts), reader)
        values = [
            FacetValue(key, labels[key], count, key == filters.selected(facet))
            for key, count in counts.items()
            if key in labels
        ]
        if facet == "annee":
            values.sort(key=lambda value: -value.value)
        elif facet == "type":
            order = list(KINDS)
            values.sort(key=lambda value: order.index(value.value))
        else:
            values.sort(key=lambda value: (-value.count, value.label.casefold()))
        facets[facet] = values
    return facets


def _sorted(items: list[RankedItem], sort: str) -> list[RankedItem]:
    if sort == "date":
        return sorted(items, key=lambda item: (item.record.date or datetime.date.min, item.score), reverse=True)
    return sorted(items, key=lambda item: item.score, reverse=True)


def search_site(reader, query: str, filters: SearchFilters | None = None, *, typing: bool = False) -> SearchOutcome:
    """Everything the reader may see that answers the query, ranked, with facets and a suggestion."""
    filters = filters or SearchFilters()
    parsed = parse_query(query, typing=typing)
    if not parsed:
        return SearchOutcome(parsed, filters)
    candidates, answers = _candidates(parsed, reader)
    facets = _facets(candidates, filters, reader)
    items = _sorted([item for item in candidates if _matches(item, filters)], filters.sort)
    degraded = any(answer.degraded for answer in answers)
    capped = any(answer.capped for answer in answers)
    return SearchOutcome(parsed, filters, items, facets, degraded, capped)
