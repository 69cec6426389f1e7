"""Fiches d'identification des besoins: needs raised by staff, reviewed by project officers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
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
from base.related import if_visible_to
from base.rich_text import FULL_FEATURES, SHORT_FEATURES
from search.registry import Facets, Kind, searchable

from ..choices import NeedStatus
from ..filters import NEEDS_SORTS, NeedsSheetFilterSet
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

    @path("mes-fiches/")
    def my_sheets_route(self, request):
        from ..services.needs_pages import my_sheets

        context = {"page": self, "self": self, "sheets": my_sheets(self, request)}
        return TemplateResponse(request, "projects/needs_my_sheets.html", context)


class NeedsSheetPageTag(TaggedItemBase):
    content_object = ParentalKey("projects.NeedsSheetPage", on_delete=models.CASCADE, related_name="tagged_items")


@searchable(kind=Kind("besoins", _("Fiches besoins"), order=50), facets=Facets(date="date", group="suggested_group_id"))
class NeedsSheetPage(RoutablePageMixin, PortalPage):
    """A fiche d'identification des besoins: a need from the field, its context and the decision taken.

    Its page also carries the sheet's status history, « Je suis concerné·e » and comments; project
    officers decide on it from there (route statut/) or from the administration.
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

    class Meta:
        verbose_name = _("fiche d'identification des besoins")
        verbose_name_plural = _("fiches d'identification des besoins")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["suggested_group"] = if_visible_to(self.suggested_group, request)
        context["micro_projects"] = list(self.micro_projects.visible_to(request).order_by("path"))
        from ..services.needs_pages import sheet_page_context

        context.update(sheet_page_context(self, request))
        return context

    def _refused(self, request, message=None, **forms):
        """The sheet's page again, with what was typed and why it was refused (status 400)."""
        if message:
            messages.error(request, message)
        response = self.render(request, context_overrides=forms)
        response.status_code = 400
        return response

    @path("statut/")
    def status_route(self, request):
        from ..forms import NeedStatusForm
        from ..services.needs_status import is_needs_officer

        if not is_needs_officer(request.user):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        form = NeedStatusForm(request.POST, sheet=self, reader=request)
        change = form.save(by=request.user)
        if change is None:
            return self._refused(request, _("Le statut n’a pas été changé."), status_form=form)
        messages.success(request, _("La fiche est désormais « %(status)s ».") % {"status": change.get_status_display()})
        return redirect(self.url + "#historique-titre")

    @path("soutien/")
    def support_route(self, request):
        from ..services.needs_support import set_support

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        choice = request.POST.get("concerne")
        if choice not in ("oui", "non"):
            return self._refused(request, _("Votre réponse n’a pas été comprise : rien n’a été changé."))
        if set_support(self, request.user, choice == "oui"):
            messages.success(request, _("C’est noté : vous êtes concerné·e par ce besoin."))
        else:
            messages.success(request, _("C’est noté : vous n’êtes plus indiqué·e comme concerné·e."))
        return redirect(self.url + "#soutien-titre")

    @path("commentaires/")
    def comment_route(self, request):
        from ..forms import NeedCommentForm

        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        form = NeedCommentForm(request.POST)
        comment = form.save(self, request.user)
        if comment is None:
            return self._refused(request, _("Votre commentaire n’a pas été publié."), comment_form=form)
        messages.success(request, _("Votre commentaire est publié."))
        return redirect(f"{self.url}#commentaire-{comment.pk}")

    @path("commentaires/<int:comment_id>/masquer/")
    def hide_comment_route(self, request, comment_id):
        from ..forms import HideCommentForm
        from ..services.needs_status import is_needs_officer

        if not is_needs_officer(request.user):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        comment = self.comments.filter(pk=comment_id).first() if comment_id < 2**31 else None
        if comment is None:
            raise Http404
        form = HideCommentForm(request.POST)
        if form.save(comment, request.user) is None:
            return self._refused(request, _("Le commentaire n’a pas été masqué."), hide_form=form)
        messages.success(request, _("Le commentaire est masqué ; la trace de la modération est conservée."))
        return redirect(f"{self.url}#commentaire-{comment.pk}")
