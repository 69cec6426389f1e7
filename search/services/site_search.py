"""One search over every page type and the documents' text, applying the visibility rule (base.visibility)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from base.text import query_words
from base.visibility import can_view_page, visible_pages
from documents.models import PortalDocument
from documents.services.search import ranked_search
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
    # Results per tab: "" (everything), each type key and "documents", counting only what the reader may see.
    counts: dict = field(default_factory=dict)


def _of_type(page, key: str) -> bool:
    return isinstance(page, CONTENT_TYPES[key][1])


def search_site(request, query: str, content_type: str = "") -> SearchOutcome:
    query = query.strip()
    words = query_words(query)
    if not words:
        return SearchOutcome(query, content_type, [], [], [])
    hits = list(visible_pages(Page.objects.filter(depth__gt=1), request).specific().search(words)[:MAX_PAGE_RESULTS])
    documents = ranked_search(PortalDocument.objects.visible_to(request), words)
    counts = {"": len(hits) + len(documents)}
    counts.update({key: sum(1 for page in hits if _of_type(page, key)) for key in CONTENT_TYPES})
    counts[DOCUMENTS_KEY] = len(documents)
    if content_type in CONTENT_TYPES:
        pages, documents = [page for page in hits if _of_type(page, content_type)], []
    elif content_type == DOCUMENTS_KEY:
        pages = []
    else:
        pages = hits
    promotions = []
    if not content_type:
        search_query = Query.get(words)
        search_query.add_hit()
        promotions = [
            promotion
            for promotion in search_query.editors_picks.select_related("page")
            if promotion.page is None or can_view_page(promotion.page, request)
        ]
    return SearchOutcome(query, content_type, pages, documents, promotions, counts)
