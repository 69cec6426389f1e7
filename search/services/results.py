"""Turning ranked records into what a reader sees: title, link, type, date and a highlighted excerpt.

Only the results on screen are loaded, a query per kind of object.
"""

import datetime
import html
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from documents.models import PortalDocument
from people.models import DirectoryPage, Person
from people.services import directory_url

from ..highlighting import excerpt, highlighted
from ..records import local_zones
from .query import ParsedQuery
from .site_search import RankedItem


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
        for page in Page.objects.filter(pk__in=ids["page"]).specific():
            found[("page", str(page.pk))] = page
    if ids["document"]:
        for document in PortalDocument.objects.filter(pk__in=ids["document"]):
            found[("document", str(document.pk))] = document
    if ids["person"]:
        for person in Person.objects.filter(pk__in=ids["person"]).select_related("metier"):
            found[("person", str(person.pk))] = person
    return found


def _url(source: str, obj, request) -> str:
    if source == "page":
        return obj.get_url(request=request) or ""
    if source == "document":
        return obj.url
    return DirectoryPage.card_url(directory_url(request), obj.pk)


def hits(items: list[RankedItem], query: ParsedQuery, request=None) -> list[Hit]:
    """The items as hits, in the same order; an object deleted since the search is left out."""
    objects = _objects(items)
    terms = query.highlight_terms
    shown = []
    for item in items:
        obj = objects.get((item.source, item.record.object_id))
        if obj is None:
            continue
        zones = local_zones(obj)
        title = " ".join(zones.title) or str(obj)
        passages = zones.summary + zones.fields + zones.body
        shown.append(
            Hit(
                kind=item.record.kind,
                type_label=_type_label(obj),
                title=title,
                title_html=highlighted(title, terms),
                url=_url(item.source, obj, request),
                date=item.record.date if item.source != "person" else None,
                snippet_html=excerpt(passages, terms) or mark_safe(escape(" ".join(zones.summary))),
                object=obj,
            )
        )
    return shown


def _type_label(obj) -> str:
    name = str(obj._meta.verbose_name)
    return name[:1].upper() + name[1:]
