"""Turning ranked records into what a reader sees: title, link, type, date and a highlighted excerpt.

Titles and excerpts come from the search records; the objects are loaded only for their links and
what their kind shows (a document's size, a person's job and photo): a query per source, whatever the
page types on screen.
"""

import datetime
import html
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from wagtail.models import Page

from documents.models import PortalDocument
from people.models import DirectoryPage, Person
from people.services import directory_url

from ..forms import SearchForm
from ..highlighting import beginning, excerpt, highlighted
from ..models import SearchRecord
from .query import ParsedQuery
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

    @property
    def snippet(self) -> str:
        """The excerpt as plain text (the API's)."""
        return html.unescape(strip_tags(self.snippet_html))


def _objects(items: list[RankedItem]) -> dict[tuple[str, str], object]:
    ids = {"page": [], "document": [], "person": []}
    for item in items:
        ids[item.source].append(item.record.object_id)
    found = {}
    if ids["page"]:
        for page in Page.objects.filter(pk__in=ids["page"]):
            found[("page", str(page.pk))] = page
    if ids["document"]:
        for document in PortalDocument.objects.filter(pk__in=ids["document"]):
            found[("document", str(document.pk))] = document
    if ids["person"]:
        for person in Person.objects.filter(pk__in=ids["person"]).select_related("metier", "photo"):
            found[("person", str(person.pk))] = person
    return found


def _url(source: str, obj, request) -> str:
    if source == "page":
        return obj.get_url(request=request) or ""
    if source == "document":
        return obj.url
    return DirectoryPage.card_url(directory_url(request), obj.pk)


def _type_label(content_type_id: int) -> str:
    # ContentType lookups by id are cached by Django.
    name = str(ContentType.objects.get_for_id(content_type_id).model_class()._meta.verbose_name)
    return name[:1].upper() + name[1:]


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
                date=item.record.date if item.source != "person" else None,
                snippet_html=excerpt(passages, terms) or beginning(passages),
                object=obj,
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


def search_page(request) -> SearchPage:
    query, filters, page_number, messages = SearchForm(request.GET).values()
    outcome = search_site(request, query, filters)
    page = Paginator(outcome.items, RESULTS_PER_PAGE).get_page(page_number)
    page.object_list = hits(list(page.object_list), outcome.query, request)
    return SearchPage(outcome, page, messages)


def prefetch_photos(page_hits) -> None:
    """People's photos and their renditions for the whole page at once, not one person at a time."""
    people = [hit.object for hit in page_hits if isinstance(hit.object, Person) and hit.object.photo_id]
    if people:
        prefetch_related_objects(people, "photo__renditions")
