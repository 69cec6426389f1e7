"""Fiches d'identification des besoins: needs raised by staff, reviewed by project officers."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from base.models import METIERS_PANEL, PortalPage
from base.rich_text import FULL_FEATURES, SHORT_FEATURES

from ..querysets import NeedsSheetPageManager


class NeedStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Soumise")
    UNDER_REVIEW = "under_review", _("En étude")
    RETAINED = "retained", _("Retenue")
    NOT_RETAINED = "not_retained", _("Non retenue")


class NeedsIndexPage(RoutablePageMixin, PortalPage):
    """The needs sheets, by status, and the form any staff member uses to submit one."""

    introduction = RichTextField(_("introduction"), blank=True, features=SHORT_FEATURES)
    form_introduction = RichTextField(_("texte d'accompagnement du formulaire"), blank=True, features=SHORT_FEATURES)

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("introduction"),
        FieldPanel("form_introduction"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.NeedsSheetPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des fiches besoins")

    @path("")
    def index_route(self, request):
        from ..views import needs_index

        return needs_index(request, self)

    @path("soumettre/")
    def submit_route(self, request):
        from ..views import submit_need

        return submit_need(request, self)


class NeedsSheetPageTag(TaggedItemBase):
    content_object = ParentalKey("projects.NeedsSheetPage", on_delete=models.CASCADE, related_name="tagged_items")


class NeedsSheetPage(PortalPage):
    """A fiche d'identification des besoins: a need from the field, its context and the decision taken."""

    submitted_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("émise par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs_sheets",
    )
    date = models.DateField(_("date de dépôt"), default=timezone.localdate)
    status = models.CharField(_("statut"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.SUBMITTED)
    need = RichTextField(_("besoin identifié"), features=FULL_FEATURES)
    context = RichTextField(_("contexte / constat"), blank=True, features=SHORT_FEATURES)
    expected_benefits = RichTextField(_("bénéfices attendus"), blank=True, features=SHORT_FEATURES)
    suggested_group = models.ForeignKey(
        "projects.WorkingGroupPage",
        verbose_name=_("groupe de travail pressenti"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggested_needs",
    )
    decision = RichTextField(_("avis et décision"), blank=True, features=SHORT_FEATURES)
    tags = ClusterTaggableManager(through=NeedsSheetPageTag, blank=True, verbose_name=_("mots-clés"))

    objects = NeedsSheetPageManager()

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("submitted_by"), FieldPanel("date"), FieldPanel("status"), FieldPanel("tags")],
            heading=_("Dépôt et suivi"),
        ),
        FieldPanel("need"),
        FieldPanel("context"),
        FieldPanel("expected_benefits"),
        METIERS_PANEL,
        MultiFieldPanel([FieldPanel("suggested_group"), FieldPanel("decision")], heading=_("Étude")),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("need"),
        index.SearchField("context"),
        index.SearchField("expected_benefits"),
        index.SearchField("decision"),
        index.FilterField("status"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["projects.NeedsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche d'identification des besoins")
        verbose_name_plural = _("fiches d'identification des besoins")
