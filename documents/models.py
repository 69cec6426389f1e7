"""Shared working documents whose text is extracted and searchable, and the library page listing them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from base.models import SectionIndexPage
from base.services.listing import paginated
from search.registry import Facets, Kind, Source, searchable

from .choices import READER_LABELS, DocumentAccessibility
from .filters import DocumentFilterSet
from .querysets import PortalDocumentQuerySet
from .services.search import ranked_search

# A longer query is cut: it is a search box, not a text to index.
MAX_QUERY_LENGTH = 1000


class TextStatus(models.TextChoices):
    """Where the reading of a document's text stands (done in the background after each upload)."""

    PENDING = "pending", _("en attente de lecture")
    DONE = "done", _("texte lu, cherchable")
    FAILED = "failed", _("échec de la lecture")
    UNSUPPORTED = "unsupported", _("type de fichier non lu")


@searchable(
    kind=Kind("documents", _("Documents"), order=90),
    summary=("description",),
    body=("extracted_text",),
    facets=Facets(date="created_at"),
    source=Source(
        "document",
        url=lambda document, request: document.url,
        visible_to=lambda reader: PortalDocument.objects.visible_to(reader),
    ),
)
class PortalDocument(AbstractDocument):
    """A Wagtail document with a description, target métiers and its extracted text for search."""

    description = models.TextField(_("description"), blank=True)
    metiers = models.ManyToManyField("people.Metier", verbose_name=_("métiers concernés"), blank=True, related_name="+")
    extracted_text = models.TextField(_("texte extrait"), blank=True, editable=False)
    # file_hash of the file the text was read from: saving metadata alone does not re-read the file.
    extracted_from_hash = models.CharField(max_length=40, blank=True, editable=False)
    text_status = models.CharField(
        _("lecture du texte"), max_length=20, choices=TextStatus.choices, default=TextStatus.PENDING, editable=False
    )
    text_status_message = models.TextField(_("détail de la lecture du texte"), blank=True, editable=False)
    accessibility = models.CharField(
        _("accessibilité"),
        max_length=20,
        choices=DocumentAccessibility.choices,
        default=DocumentAccessibility.TO_CHECK,
        help_text=_(
            "Accessible : lisible avec un lecteur d’écran (PDF balisé, titres, textes alternatifs). "
            "Indiqué à côté de chaque lien vers le document."
        ),
    )

    objects = PortalDocumentQuerySet.as_manager()

    admin_form_fields = Document.admin_form_fields + ("description", "metiers", "accessibility")

    @property
    def accessibility_label(self) -> str:
        """What readers see next to a link to the document."""
        return READER_LABELS.get(self.accessibility, READER_LABELS[DocumentAccessibility.TO_CHECK])

    search_fields = AbstractDocument.search_fields + [
        index.SearchField("description"),
        index.SearchField("extracted_text"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def extension(self) -> str:
        return self.file_extension.upper()

    @property
    def content_type(self) -> str:
        """The type sent with a download: from WAGTAILDOCS_CONTENT_TYPES (portal/settings/security.py), never
        guessed from the name, so that an html or svg file is saved, not opened in the intranet's origin."""
        return settings.WAGTAILDOCS_CONTENT_TYPES.get(self.file_extension.lower(), "application/octet-stream")


class DocumentLibraryPage(SectionIndexPage):
    """The document library: every shared working document the reader may open, searchable by its
    content, filterable by collection, type, métier and accessibility."""

    subpage_types = []
    per_page = 20

    class Meta:
        verbose_name = _("bibliothèque de documents")

    filterset_class = DocumentFilterSet

    def get_listing(self, request):
        return PortalDocument.objects.visible_to(request).select_related("collection")

    def get_context(self, request, *args, **kwargs):
        # The section's context, computed here because a search replaces the order by relevance.
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        filterset = self.filterset_class(request.GET or None, queryset=self.get_listing(request), request=request)
        documents = filterset.qs
        query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        results = ranked_search(documents, query) if query else documents.order_by("-created_at", "-pk")
        context.update(
            filters=filterset,
            filter_messages=filterset.messages,
            items=paginated(results, request, self.per_page),
            query=query,
        )
        return context
