"""The projet de service itself: context, objectives, method, phases and governance."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from base.blocks import BodyBlock, ChoiceBlock, DateBlock
from base.models import PortalPage
from base.rich_text import FULL_FEATURES, SHORT_FEATURES


class ObjectiveBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("objectif"), max_length=200)
    description = blocks.TextBlock(label=_("précisions"), required=False)

    class Meta:
        icon = "pick"
        label = _("Objectif")


class PhaseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("phase"), max_length=200)
    start = DateBlock(label=_("début"), required=False)
    end = DateBlock(label=_("fin"), required=False)
    state = ChoiceBlock(
        label=_("avancement"),
        choices=[("planned", _("À venir")), ("current", _("En cours")), ("done", _("Terminée"))],
        default="planned",
    )
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "date"
        label = _("Phase")


class GovernanceBodyBlock(blocks.StructBlock):
    """A steering body (équipe projet, comité stratégique) with its mission and members."""

    name = blocks.CharBlock(label=_("instance"), max_length=200)
    mission = blocks.RichTextBlock(label=_("rôle"), features=SHORT_FEATURES, required=False)
    meeting_frequency = blocks.CharBlock(label=_("fréquence des réunions"), required=False, max_length=120)
    members = blocks.ListBlock(SnippetChooserBlock("people.Person"), label=_("membres"))

    class Meta:
        icon = "group"
        label = _("Instance de gouvernance")


class ServiceProjectPage(PortalPage):
    """The multi-year projet de service: why, what for, how, when, and who steers it."""

    period_start = models.PositiveSmallIntegerField(_("première année"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("dernière année"), null=True, blank=True)
    context = RichTextField(_("contexte"), blank=True, features=FULL_FEATURES)
    objectives = StreamField([("objective", ObjectiveBlock())], verbose_name=_("objectifs"), blank=True)
    methodology = StreamField(BodyBlock(), verbose_name=_("méthodologie"), blank=True)
    phases = StreamField([("phase", PhaseBlock())], verbose_name=_("phases et calendrier"), blank=True)
    governance = StreamField([("body", GovernanceBodyBlock())], verbose_name=_("instances de gouvernance"), blank=True)

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Période")),
        FieldPanel("context"),
        FieldPanel("objectives"),
        FieldPanel("methodology"),
        FieldPanel("phases"),
        FieldPanel("governance"),
        MultiFieldPanel(
            [InlinePanel("resource_people", label=_("Personne ressource"))], heading=_("Personnes ressources")
        ),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("context"),
        index.SearchField("objectives"),
        index.SearchField("methodology"),
        index.SearchField("phases"),
        index.SearchField("governance"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["base.StandardPage"]

    class Meta:
        verbose_name = _("projet de service")
        verbose_name_plural = _("projets de service")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = self.resource_people.all()
        if hasattr(people, "query"):  # saved rows; a preview holds the form's unsaved ones
            people = people.select_related("person__photo").prefetch_related("person__photo__renditions")
        context["resource_people"] = list(people)
        return context

    @property
    def period_label(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_start or self.period_end or "")


class ServiceProjectResourcePerson(Orderable):
    """A resource person who relays the project (médecin délégué de secteur, pilote…)."""

    page = ParentalKey(ServiceProjectPage, on_delete=models.CASCADE, related_name="resource_people")
    person = models.ForeignKey("people.Person", verbose_name=_("personne"), on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("rôle dans le projet"), max_length=200, blank=True)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("personne ressource")
        verbose_name_plural = _("personnes ressources")
