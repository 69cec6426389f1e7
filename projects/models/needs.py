"""Fiches d'identification des besoins: needs raised by staff, reviewed by project officers."""

from django.db import models
from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.search import index

from base.models import METIERS_PANEL, PortalPage, SectionIndexPage
from base.related import if_visible_to
from base.rich_text import FULL_FEATURES, SHORT_FEATURES
from search.registry import Facets, Kind, searchable

from ..choices import NeedStatus, allowed_statuses
from ..filters import NEEDS_SORTS, NeedsSheetFilterSet
from ..forms import HideCommentForm, NeedCommentForm, NeedStatusForm
from ..permissions import can_manage_needs
from ..querysets import NeedsSheetPageManager
from .needs_history import NeedsStatusChange
from .page_views import PageViewsMixin
from .working_groups import WorkingGroupPage


class NeedsIndexPage(PageViewsMixin, SectionIndexPage):
    """The needs sheets, by status, and the form any staff member uses to submit one (soumettre/, a view of
    projects.views.needs)."""

    form_introduction = RichTextField(_("texte d'accompagnement du formulaire"), blank=True, features=SHORT_FEATURES)

    content_panels = SectionIndexPage.content_panels + [FieldPanel("form_introduction")]
    subpage_types = ["projects.NeedsSheetPage"]
    filterset_class = NeedsSheetFilterSet
    page_views = "projects.urls.needs_index_views"

    class Meta:
        verbose_name = _("liste des fiches besoins")

    def visible_sheets(self, request):
        return NeedsSheetPage.objects.child_of(self).visible_to(request)

    def get_listing(self, request):
        return (
            self.visible_sheets(request)
            .select_related("submitted_by", "suggested_group")
            .with_support_count()
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The pills count every sheet the reader may see, whatever status is selected.
        counts = self.visible_sheets(request).status_counts()
        context["statuses"] = [(value, label, counts.get(value, 0)) for value, label in NeedStatus.choices]
        context["selected_status"] = context["filters"].selected("statut")
        context["sorts"] = NEEDS_SORTS
        context["selected_sort"] = context["filters"].selected("tri") or "recentes"
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    def my_sheets(self, request) -> list:
        """The sheets of this index the reader raised (and may still open), latest first, with their history."""
        history = NeedsStatusChange.objects.select_related("decided_by").order_by("decided_at", "pk")
        return list(
            self.visible_sheets(request)
            .submitted_by_user(request.user)
            .with_support_count()
            .order_by("-date", "-pk")
            .prefetch_related(Prefetch("status_changes", queryset=history))
        )

    @path("mes-fiches/")
    def my_sheets_route(self, request):
        context = {"page": self, "self": self, "sheets": self.my_sheets(request)}
        return TemplateResponse(request, "projects/needs_my_sheets.html", context)


class NeedsSheetPageTag(TaggedItemBase):
    content_object = ParentalKey("projects.NeedsSheetPage", on_delete=models.CASCADE, related_name="tagged_items")


@searchable(kind=Kind("besoins", _("Fiches besoins"), order=50), facets=Facets(date="date", group="suggested_group_id"))
class NeedsSheetPage(PageViewsMixin, PortalPage):
    """A fiche d'identification des besoins: a need from the field, its context and the decision taken.

    Its page also carries the sheet's status history, « Je suis concerné·e » and comments; project
    officers decide on it from there or from the administration. The forms post to sub-addresses of the
    page answered by the views of projects.views.needs (statut/, soutien/, commentaires/…).
    """

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
            [
                FieldPanel("submitted_by"),
                FieldPanel("date"),
                # Decisions go through "Changer le statut" so that each one is kept in the sheet's history.
                FieldPanel(
                    "status",
                    read_only=True,
                    help_text=_(
                        "Le statut se change avec le bouton « Changer le statut » (ou depuis la fiche sur le "
                        "portail) : chaque décision est ainsi conservée dans l’historique de la fiche."
                    ),
                ),
                FieldPanel("tags"),
            ],
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
    page_views = "projects.urls.needs_sheet_views"

    class Meta:
        verbose_name = _("fiche d'identification des besoins")
        verbose_name_plural = _("fiches d'identification des besoins")
        permissions = [("manage_needs", _("Peut décider du statut des fiches besoins et modérer leurs commentaires"))]

    def get_context(self, request, *args, **kwargs):
        """The sheet, its history, supporters and comments, and the forms this reader may use, in a fixed number
        of queries whatever the sheet holds."""
        context = super().get_context(request, *args, **kwargs)
        context["suggested_group"] = if_visible_to(self.suggested_group, request)
        context["micro_projects"] = list(self.micro_projects.visible_to(request).order_by("path"))
        can_manage = can_manage_needs(request.user)
        support_count, concerned = self.supports.summary_for(request.user)
        history = list(self.status_changes.select_related("decided_by"))
        context.update(
            history=history,
            # The last decision, told in « Avis et décision » when the team wrote no opinion there.
            last_change=history[-1] if history else None,
            support_count=support_count,
            is_concerned=concerned,
            # The author's own need: no « Je suis concerné·e » button.
            is_author=self.is_author(request.user),
            comments=list(self.comments.for_page()),
            comment_form=NeedCommentForm(),
            can_manage_needs=can_manage,
            status_form=self.status_form(request) if can_manage and allowed_statuses(self.status) else None,
            hide_form=HideCommentForm() if can_manage else None,
        )
        return context

    def is_author(self, user) -> bool:
        """Whether the account submitted the sheet (its owner, or the person it is signed by)."""
        if not getattr(user, "is_authenticated", False):
            return False
        signed_by = self.submitted_by.user_id if self.submitted_by_id and self.submitted_by else None
        return user.pk in (self.owner_id, signed_by)

    def status_form(self, reader, data=None) -> NeedStatusForm:
        """The form of the sheet's next step, offering the working groups the reader (request or account) may open."""
        groups = WorkingGroupPage.objects.visible_to(reader).order_by("title")
        # The group the author suggested comes preselected (ignored by the form when the reader may not see it).
        return NeedStatusForm(data, sheet=self, groups=groups, initial={"group": self.suggested_group_id})
