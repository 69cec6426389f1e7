"""Fiches d'identification des besoins: needs raised by staff, reviewed by project officers."""

from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from base.models import METIERS_PANEL, PortalPage, SectionIndexPage
from base.rich_text import FULL_FEATURES, SHORT_FEATURES
from base.visibility import can_view_page

from ..choices import NeedStatus
from ..filters import NeedsSheetFilterSet
from ..querysets import NeedsSheetPageManager


class NeedsIndexPage(RoutablePageMixin, SectionIndexPage):
    """The needs sheets, by status, and the form any staff member uses to submit one."""

    form_introduction = RichTextField(_("texte d'accompagnement du formulaire"), blank=True, features=SHORT_FEATURES)

    content_panels = SectionIndexPage.content_panels + [FieldPanel("form_introduction")]
    subpage_types = ["projects.NeedsSheetPage"]
    filterset_class = NeedsSheetFilterSet

    class Meta:
        verbose_name = _("liste des fiches besoins")

    def visible_sheets(self, request):
        return NeedsSheetPage.objects.child_of(self).visible_to(request)

    def get_listing(self, request):
        return self.visible_sheets(request).select_related("submitted_by", "suggested_group").order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The pills count every sheet the reader may see, whatever status is selected.
        counts = self.visible_sheets(request).status_counts()
        context["statuses"] = [(value, label, counts.get(value, 0)) for value, label in NeedStatus.choices]
        context["selected_status"] = context["filters"].selected("statut")
        for sheet in context["items"]:
            group = sheet.suggested_group
            sheet.shown_group = group if group is not None and can_view_page(group, request) else None
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("soumettre/")
    def submit_route(self, request):
        from ..services.needs import handle_submission

        form, sheet = handle_submission(self, request)
        if sheet is not None:
            messages.success(request, _("Merci : votre fiche « %(title)s » est enregistrée.") % {"title": sheet.title})
            return redirect(sheet.url)
        response = self.render(request, template="projects/needs_submit.html", context_overrides={"form": form})
        response.status_code = 400 if form.is_bound else 200
        return response


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        group = self.suggested_group
        context["suggested_group"] = group if group is not None and can_view_page(group, request) else None
        context["micro_projects"] = list(self.micro_projects.visible_to(request).order_by("path"))
        return context
