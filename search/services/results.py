"""Turning ranked records into what a reader sees: title, link, type, date and a highlighted excerpt.

Titles and excerpts come from the search records; the objects are loaded only for their links and
what their kind shows (a document's size, a person's job and photo): a query per source, whatever the
page types on screen. What a source loads and how its results link are its declaration's
(search.registry).
"""

import datetime
import html
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from wagtail.models import Page

from base.text import type_label

from ..declarations import PAGE_SOURCE, declaration_of, source_named
from ..highlighting import beginning, excerpt, highlighted
from ..models import SearchRecord
from ..parameters import SearchFilters
from .query import ParsedQuery
from .ranking import Explanation
from .site_search import RankedItem, SearchOutcome, search_site

RESULTS_PER_PAGE = 15


@dataclass
class Hit:
    kind: str
    type_label: str
    title: str
    title_html: SafeString
    url: str
    date: datetime.date | None
    snippet_html: SafeString
    object: object
    # « Pourquoi ce résultat ? », for administrators (search_page's `explain`).
    why: Explanation | None = None

    @property
    def snippet(self) -> str:
        """The excerpt as plain text (the API's)."""
        return html.unescape(strip_tags(self.snippet_html))


def _objects(items: list[RankedItem]) -> dict[tuple[str, str], object]:
    ids: dict[str, list[str]] = {}
    for item in items:
        ids.setdefault(item.source, []).append(item.record.object_id)
    found = {}
    for name, object_ids in ids.items():
        if name == PAGE_SOURCE:
            objects = Page.objects.filter(pk__in=object_ids)
        else:
            model, declaration = source_named(name)
            objects = model._default_manager.filter(pk__in=object_ids)
            if declaration.source.select_related:
                objects = objects.select_related(*declaration.source.select_related)
        for obj in objects:
            found[(name, str(obj.pk))] = obj
    return found


def _url(source: str, obj, request) -> str:
    if source == PAGE_SOURCE:
        return obj.get_url(request=request) or ""
    return source_named(source)[1].source.url(obj, request)


def _shows_date(source: str) -> bool:
    return source == PAGE_SOURCE or source_named(source)[1].source.shows_date


def _type_label(content_type_id: int) -> str:
    # ContentType lookups by id are cached by Django.
    return type_label(ContentType.objects.get_for_id(content_type_id).model_class())


def hits(items: list[RankedItem], query: ParsedQuery, request=None) -> list[Hit]:
    """The items as hits, in the same order; an object deleted since the search is left out."""
    objects = _objects(items)
    shown_records = SearchRecord.objects.filter(pk__in=[item.record.pk for item in items])
    display = {pk: (heading, text) for pk, heading, text in shown_records.values_list("pk", "heading", "text")}
    terms = query.highlight_terms
    shown = []
    for item in items:
        obj = objects.get((item.source, item.record.object_id))
        if obj is None:
            continue
        heading, text = display.get(item.record.pk, ("", ""))
        title = heading or str(obj)
        passages = text.split("\n")
        shown.append(
            Hit(
                kind=item.record.kind,
                type_label=_type_label(item.record.content_type_id),
                title=title,
                title_html=highlighted(title, terms),
                url=_url(item.source, obj, request),
                date=item.record.date if _shows_date(item.source) else None,
                snippet_html=excerpt(passages, terms) or beginning(passages),
                object=obj,
                why=item.why,
            )
        )
    return shown


@dataclass
class SearchPage:
    """A search as the page and the API answer it: the outcome, the page of hits asked for, and French
    messages about refused parameters."""

    outcome: SearchOutcome
    page: PaginatorPage
    messages: list[str]


def search_page(
    request, query: str, filters: SearchFilters, page_number: int, messages: list[str], *, explain: bool = False
) -> SearchPage:
    """The search asked by the request (its parameters read by search.forms.SearchForm), on one page of hits;
    with `explain`, each hit says what placed it."""
    outcome = search_site(request, query, filters, explain=explain)
    page = Paginator(outcome.items, RESULTS_PER_PAGE).get_page(page_number)
    page.object_list = hits(list(page.object_list), outcome.query, request)
    return SearchPage(outcome, page, messages)


def prefetch_extras(page_hits) -> None:
    """What the shown results of each source load together (people's photos and their renditions…),
    not one result at a time."""
    by_source = {}
    for hit in page_hits:
        source = declaration_of(hit.object).source
        if source is not None and source.prefetch is not None:
            by_source.setdefault(source.name, (source.prefetch, []))[1].append(hit.object)
    for prefetch, objects in by_source.values():
        prefetch(objects)
