"""The knowledge base: case studies and modelised approaches, linked to each other."""

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from base.blocks import BodyBlock
from base.models import METIERS_PANEL, DocumentLink, PortalPage, SectionIndexPage
from base.rich_text import FULL_FEATURES, SHORT_FEATURES
from base.visibility import can_view_in_collection
from documents.models import PortalDocument
from search.registry import Facets, Kind, searchable

from .filters import ApproachFilterSet, CaseStudyFilterSet


def visible_links(links, reader) -> list:
    """The document links (attachments, tools) whose document the reader may open, in their order.

    Filtered in Python so that a page preview (links not saved yet) shows the same thing.
    """
    links = links.select_related("document__collection")
    return [link for link in links if can_view_in_collection(link.document, reader)]


class CaseStudyIndexPage(SectionIndexPage):
    """All case studies, filterable by theme, métier and territory."""

    subpage_types = ["knowledge.CaseStudyPage"]
    filterset_class = CaseStudyFilterSet
    per_page = 12
    listing_fragment = "case-study-listing"

    class Meta:
        verbose_name = _("liste des études de cas")

    def get_listing(self, request):
        return (
            CaseStudyPage.objects.child_of(self).visible_to(request).prefetch_related("tags").order_by("-date", "title")
        )


class CaseStudyPageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items")


@searchable(kind=Kind("etudes-de-cas", _("Études de cas"), order=60), facets=Facets(date="date"))
class CaseStudyPage(PortalPage):
    """An étude de cas: Client, Situation, Mandat, Mode d'intervention, Résultats."""

    client = models.CharField(_("client / commanditaire"), max_length=255)
    date = models.DateField(_("date"), default=timezone.localdate)
    territory = models.CharField(_("territoire"), max_length=200, blank=True)
    situation = RichTextField(_("situation"), features=FULL_FEATURES)
    mandate = RichTextField(_("mandat"), features=FULL_FEATURES)
    intervention = RichTextField(_("mode d'intervention"), features=FULL_FEATURES)
    results = RichTextField(_("résultats"), features=FULL_FEATURES)
    body = StreamField(BodyBlock(), verbose_name=_("compléments"), blank=True)
    tags = ClusterTaggableManager(through=CaseStudyPageTag, blank=True, verbose_name=_("thèmes"))

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("client"), FieldPanel("date"), FieldPanel("territory"), FieldPanel("tags")],
            heading=_("Repères"),
        ),
        FieldPanel("situation"),
        FieldPanel("mandate"),
        FieldPanel("intervention"),
        FieldPanel("results"),
        METIERS_PANEL,
        InlinePanel("approach_links", label=_("Démarche modélisée liée")),
        InlinePanel("attachments", label=_("Pièce jointe")),
        FieldPanel("body"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("client"),
        index.SearchField("territory"),
        index.SearchField("situation"),
        index.SearchField("mandate"),
        index.SearchField("intervention"),
        index.SearchField("results"),
        index.SearchField("body"),
        index.FilterField("territory"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["knowledge.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("étude de cas")
        verbose_name_plural = _("études de cas")

    def visible_approaches(self, reader) -> list:
        """The linked approaches the reader may open, in the editor's order (two queries)."""
        ids = [link.approach_id for link in self.approach_links.all()]
        visible = ApproachPage.objects.visible_to(reader).in_bulk(ids)
        return [visible[pk] for pk in ids if pk in visible]

    def visible_attachments(self, reader) -> list:
        return visible_links(self.attachments, reader)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page body is rendered, not when it comes from the cache (base.page_cache).
        context["approaches"] = SimpleLazyObject(lambda: self.visible_approaches(request))
        context["attachments"] = SimpleLazyObject(lambda: self.visible_attachments(request))
        return context


class CaseStudyApproachLink(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="approach_links")
    approach = models.ForeignKey(
        "knowledge.ApproachPage", verbose_name=_("démarche"), on_delete=models.CASCADE, related_name="case_study_links"
    )

    panels = [PageChooserPanel("approach", "knowledge.ApproachPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("démarche liée")
        constraints = [models.UniqueConstraint(fields=["page", "approach"], name="unique_case_study_approach")]


class CaseStudyAttachment(DocumentLink):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="attachments")

    class Meta(DocumentLink.Meta):
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")


class ApproachIndexPage(SectionIndexPage):
    """All modelised approaches (démarches modélisées), filterable by theme and métier."""

    subpage_types = ["knowledge.ApproachPage"]
    filterset_class = ApproachFilterSet
    per_page = 12
    listing_fragment = "approach-listing"

    class Meta:
        verbose_name = _("liste des démarches modélisées")

    def get_listing(self, request):
        visible_documents = PortalDocument.objects.visible_to(request).values("pk")
        return (
            ApproachPage.objects.child_of(self)
            .visible_to(request)
            .annotate(tool_count=Count("tools", filter=Q(tools__document__in=visible_documents), distinct=True))
            .prefetch_related("tags")
            .order_by("-date", "title")
        )


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("étape"), max_length=200)
    body = blocks.RichTextBlock(label=_("description"), features=SHORT_FEATURES, required=False)

    class Meta:
        icon = "list-ol"
        label = _("Étape")


class ApproachPageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.ApproachPage", on_delete=models.CASCADE, related_name="tagged_items")


@searchable(kind=Kind("demarches", _("Démarches modélisées"), order=70), facets=Facets(date="date"))
class ApproachPage(PortalPage):
    """A démarche modélisée: a documented, reusable method with ordered steps and its tools."""

    date = models.DateField(_("date de mise à jour"), default=timezone.localdate)
    purpose = RichTextField(_("objet de la démarche"), features=FULL_FEATURES)
    steps = StreamField([("step", StepBlock())], verbose_name=_("étapes"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("compléments"), blank=True)
    tags = ClusterTaggableManager(through=ApproachPageTag, blank=True, verbose_name=_("thèmes"))

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("date"), FieldPanel("tags")], heading=_("Repères")),
        FieldPanel("purpose"),
        FieldPanel("steps"),
        InlinePanel("tools", label=_("Outil ou modèle")),
        METIERS_PANEL,
        FieldPanel("body"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("steps"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["knowledge.ApproachIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("démarche modélisée")
        verbose_name_plural = _("démarches modélisées")

    def visible_case_studies(self, reader):
        """The case studies applying this approach that the reader may open, most recent first."""
        return (
            CaseStudyPage.objects.visible_to(reader)
            .filter(pk__in=CaseStudyApproachLink.objects.filter(approach=self).values("page_id"))
            .order_by("-date", "title")
        )

    def visible_tools(self, reader) -> list:
        return visible_links(self.tools, reader)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page body is rendered, not when it comes from the cache (base.page_cache).
        context["case_studies"] = SimpleLazyObject(lambda: list(self.visible_case_studies(request)))
        context["tools"] = SimpleLazyObject(lambda: self.visible_tools(request))
        return context


class ApproachTool(DocumentLink):
    """A tool or template to download (grille, trame, modèle de compte rendu…)."""

    page = ParentalKey(ApproachPage, on_delete=models.CASCADE, related_name="tools")
    description = models.CharField(_("usage"), max_length=300, blank=True)

    class Meta(DocumentLink.Meta):
        verbose_name = _("outil ou modèle")
        verbose_name_plural = _("outils et modèles")
