"""Shared working documents whose text is extracted and searchable, and the library page listing them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.fields import RichTextField
from wagtail.search import index

from base.models import PortalPage
from base.visibility import VisibleToQuerySetMixin


class PortalDocumentQuerySet(VisibleToQuerySetMixin, DocumentQuerySet):
    """Documents; `visible_to(request)` leaves out those in collections the reader may not open."""


class PortalDocument(AbstractDocument):
    """A Wagtail document with a description, target métiers and its extracted text for search."""

    description = models.TextField(_("description"), blank=True)
    metiers = models.ManyToManyField("people.Metier", verbose_name=_("métiers concernés"), blank=True, related_name="+")
    extracted_text = models.TextField(_("texte extrait"), blank=True, editable=False)
    # file_hash of the file the text was read from: saving metadata alone does not re-read the file.
    extracted_from_hash = models.CharField(max_length=40, blank=True, editable=False)

    objects = PortalDocumentQuerySet.as_manager()

    admin_form_fields = Document.admin_form_fields + ("description", "metiers")
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


class DocumentLibraryPage(PortalPage):
    """The document library: every shared working document, searchable by its content, filterable by
    collection, type and métier."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("summary"), FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("bibliothèque de documents")

    def get_context(self, request, *args, **kwargs):
        from .views import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(self, request))
        return context
