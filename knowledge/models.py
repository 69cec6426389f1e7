"""The knowledge base: case studies and modelised approaches, linked to each other."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from base.blocks import BodyBlock
from base.models import METIERS_PANEL, PortalPage
from base.rich_text import FULL_FEATURES, SHORT_FEATURES


class KnowledgeIndexPage(PortalPage):
    """Abstract: a filterable list of knowledge pages."""

    introduction = RichTextField(_("introduction"), blank=True, features=SHORT_FEATURES)

    content_panels = PortalPage.content_panels + [FieldPanel("summary"), FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from .views import knowledge_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(knowledge_index_context(self, request))
        return context


class CaseStudyIndexPage(KnowledgeIndexPage):
    """All case studies, filterable by theme, métier and territory."""

    subpage_types = ["knowledge.CaseStudyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des études de cas")

    @property
    def child_model(self):
        return CaseStudyPage


class CaseStudyPageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items")


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
    themes = ClusterTaggableManager(through=CaseStudyPageTag, blank=True, verbose_name=_("thèmes"))

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("client"), FieldPanel("date"), FieldPanel("territory"), FieldPanel("themes")],
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
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    parent_page_types = ["knowledge.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("étude de cas")
        verbose_name_plural = _("études de cas")

    @property
    def approaches(self):
        return [link.approach for link in self.approach_links.select_related("approach") if link.approach.live]


class CaseStudyApproachLink(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="approach_links")
    approach = models.ForeignKey(
        "knowledge.ApproachPage", verbose_name=_("démarche"), on_delete=models.CASCADE, related_name="case_study_links"
    )

    panels = [PageChooserPanel("approach", "knowledge.ApproachPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("démarche liée")
        constraints = [models.UniqueConstraint(fields=["page", "approach"], name="unique_case_study_approach")]


class CaseStudyAttachment(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")


class ApproachIndexPage(KnowledgeIndexPage):
    """All modelised approaches (démarches modélisées), filterable by theme and métier."""

    subpage_types = ["knowledge.ApproachPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des démarches modélisées")

    @property
    def child_model(self):
        return ApproachPage


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("étape"), max_length=200)
    body = blocks.RichTextBlock(label=_("description"), features=SHORT_FEATURES, required=False)

    class Meta:
        icon = "list-ol"
        label = _("Étape")


class ApproachPageTag(TaggedItemBase):
    content_object = ParentalKey("knowledge.ApproachPage", on_delete=models.CASCADE, related_name="tagged_items")


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

    @property
    def case_studies(self):
        return CaseStudyPage.objects.live().filter(approach_links__approach=self).distinct().order_by("-date")


class ApproachTool(Orderable):
    """A tool or template to download (grille, trame, modèle de compte rendu…)."""

    page = ParentalKey(ApproachPage, on_delete=models.CASCADE, related_name="tools")
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(_("usage"), max_length=300, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("outil ou modèle")
        verbose_name_plural = _("outils et modèles")
