"""One search over every page type and the documents' text, respecting page and collection privacy."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page, PageViewRestriction

from base.text import search_words
from documents.views import ranked_search, visible_documents
from events.models import EventPage
from knowledge.models import ApproachPage, CaseStudyPage
from news.models import NewsPage
from projects.models import MicroProjectPage, NeedsSheetPage, WorkingGroupPage

# Filter keys (in French URLs) → (label, page model). "documents" is handled apart.
CONTENT_TYPES = {
    "actualites": (_("Actualités"), NewsPage),
    "agenda": (_("Agenda"), EventPage),
    "groupes": (_("Groupes de travail"), WorkingGroupPage),
    "micro-projets": (_("Micro-projets"), MicroProjectPage),
    "besoins": (_("Fiches besoins"), NeedsSheetPage),
    "etudes-de-cas": (_("Études de cas"), CaseStudyPage),
    "demarches": (_("Démarches modélisées"), ApproachPage),
}
DOCUMENTS_KEY = "documents"
MAX_PAGE_RESULTS = 200


@dataclass
class SearchOutcome:
    query: str
    content_type: str
    pages: list
    documents: list
    promotions: list


def viewable_pages(request):
    """Live pages, minus those behind a view restriction this request does not pass."""
    pages = Page.objects.live().filter(depth__gt=1)
    for restriction in PageViewRestriction.objects.select_related("page"):
        if not restriction.accept_request(request):
            pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def search_site(request, query: str, content_type: str = "") -> SearchOutcome:
    query = query.strip()
    words = search_words(query)
    if not words:
        return SearchOutcome(query, content_type, [], [], [])
    pages, documents = [], []
    if content_type != DOCUMENTS_KEY:
        candidates = viewable_pages(request)
        if content_type in CONTENT_TYPES:
            candidates = candidates.type(CONTENT_TYPES[content_type][1])
        pages = list(candidates.specific().search(words)[:MAX_PAGE_RESULTS])
    if content_type in ("", DOCUMENTS_KEY):
        documents = ranked_search(visible_documents(request), query)
    promotions = []
    if not content_type:
        search_query = Query.get(query)
        search_query.add_hit()
        promotions = [p for p in search_query.editors_picks.select_related("page") if p.page is None or p.page.live]
    return SearchOutcome(query, content_type, pages, documents, promotions)
