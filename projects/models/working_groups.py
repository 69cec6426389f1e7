"""Working groups: each with pilots, a referent, members, its fiche action, meetings and documents."""

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from base.blocks import BodyBlock, ChoiceBlock, DateBlock
from base.models import METIERS_PANEL, DocumentLink, PortalPage, SectionIndexPage
from base.related import if_visible_to
from base.rich_text import FULL_FEATURES, SHORT_FEATURES
from base.schedule import is_past
from search.registry import Facets, Kind, searchable

from ..choices import GroupStatus, MemberRole, MicroProjectStatus
from ..filters import WorkingGroupFilterSet
from ..group_page import group_page_context
from ..querysets import WorkingGroupMeetingQuerySet, WorkingGroupPageManager


class ActionStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("action"), max_length=200)
    description = blocks.TextBlock(label=_("description"), required=False)
    due = DateBlock(label=_("échéance"), required=False)
    state = ChoiceBlock(
        label=_("avancement"),
        choices=[
            ("todo", _("À faire")),
            ("doing", _("En cours")),
            ("done", _("Réalisée")),
            ("abandoned", _("Abandonnée")),
        ],
        default="todo",
    )

    class Meta:
        icon = "list-ol"
        label = _("Action ou étape")


class MilestoneBlock(blocks.StructBlock):
    date = DateBlock(label=_("date"))
    label = blocks.CharBlock(label=_("jalon"), max_length=200)

    class Meta:
        icon = "date"
        label = _("Jalon")


class IndicatorValueBlock(blocks.StructBlock):
    date = DateBlock(label=_("date"))
    value = blocks.DecimalBlock(label=_("valeur"))
    comment = blocks.CharBlock(label=_("commentaire"), max_length=300, required=False)

    class Meta:
        icon = "date"
        label = _("Valeur mesurée")


class IndicatorBlock(blocks.StructBlock):
    """An evaluation indicator: where it starts, where it should go, and its measured values over time."""

    name = blocks.CharBlock(label=_("indicateur"), max_length=200)
    unit = blocks.CharBlock(
        label=_("unité"), max_length=40, required=False, help_text=_("Par exemple « % », « personnes ».")
    )
    baseline = blocks.DecimalBlock(label=_("valeur de départ"), required=False)
    target = blocks.DecimalBlock(label=_("cible"), required=False)
    target_label = blocks.CharBlock(
        label=_("cible (en clair)"), max_length=200, required=False, help_text=_("La cible telle qu’on la formule.")
    )
    target_date = DateBlock(label=_("échéance de la cible"), required=False)
    direction = ChoiceBlock(
        label=_("sens"),
        choices=[("increase", _("Plus haut est mieux")), ("decrease", _("Plus bas est mieux"))],
        default="increase",
    )
    values = blocks.ListBlock(IndicatorValueBlock(), label=_("valeurs mesurées"), default=[])

    class Meta:
        icon = "success"
        label = _("Indicateur")


class WorkingGroupIndexPage(SectionIndexPage):
    """The list of working groups, filterable by status and métier."""

    subpage_types = ["projects.WorkingGroupPage"]
    filterset_class = WorkingGroupFilterSet
    per_page = 24
    listing_fragment = "group-listing"

    class Meta:
        verbose_name = _("liste des groupes de travail")

    def get_listing(self, request):
        return (
            WorkingGroupPage.objects.child_of(self)
            .visible_to(request)
            .select_related("referent")
            .prefetch_related(
                Prefetch("members", queryset=WorkingGroupMember.objects.select_related("person")), "metiers"
            )
            .order_by("title")
        )


class WorkingGroupPageTag(TaggedItemBase):
    content_object = ParentalKey("projects.WorkingGroupPage", on_delete=models.CASCADE, related_name="tagged_items")


# A group's results are filed under the group itself.
@searchable(kind=Kind("groupes", _("Groupes de travail"), order=30), facets=Facets(date="date", group="pk"))
class WorkingGroupPage(PortalPage):
    """A working group of the projet de service, with its fiche action as structured fields.

    Pilots keep this page, its meetings and documents up to date; their changes go through
    the project officers' approval workflow.
    """

    status = models.CharField(_("statut"), max_length=20, choices=GroupStatus.choices, default=GroupStatus.FORMING)
    date = models.DateField(_("date de constitution"), default=timezone.localdate)
    referent = models.ForeignKey(
        "people.Person",
        verbose_name=_("référent chargé de projet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referent_groups",
    )
    tags = ClusterTaggableManager(through=WorkingGroupPageTag, blank=True, verbose_name=_("mots-clés"))
    body = StreamField(BodyBlock(), verbose_name=_("présentation"), blank=True)

    # The fiche action.
    action_context = RichTextField(_("contexte / constat"), blank=True, features=FULL_FEATURES)
    action_objectives = RichTextField(_("objectifs"), blank=True, features=FULL_FEATURES)
    target_audience = RichTextField(_("public cible"), blank=True, features=SHORT_FEATURES)
    action_steps = StreamField([("step", ActionStepBlock())], verbose_name=_("actions et étapes"), blank=True)
    schedule = StreamField([("milestone", MilestoneBlock())], verbose_name=_("calendrier"), blank=True)
    deliverables = RichTextField(_("livrables"), blank=True, features=SHORT_FEATURES)
    indicators = StreamField([("indicator", IndicatorBlock())], verbose_name=_("indicateurs d'évaluation"), blank=True)
    resources = RichTextField(_("ressources"), blank=True, features=SHORT_FEATURES)
    partners = RichTextField(_("partenaires"), blank=True, features=SHORT_FEATURES)

    objects = WorkingGroupPageManager()

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("date"), FieldPanel("tags")], heading=_("Situation")),
        MultiFieldPanel(
            [FieldPanel("referent"), InlinePanel("members", label=_("Pilote ou membre"))],
            heading=_("Composition"),
        ),
        METIERS_PANEL,
        FieldPanel("body"),
    ]
    action_sheet_panels = [
        FieldPanel("action_context"),
        FieldPanel("action_objectives"),
        FieldPanel("target_audience"),
        FieldPanel("action_steps"),
        FieldPanel("schedule"),
        FieldPanel("deliverables"),
        FieldPanel("indicators"),
        FieldPanel("resources"),
        FieldPanel("partners"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Groupe")),
            ObjectList(action_sheet_panels, heading=_("Fiche action")),
            ObjectList([InlinePanel("meetings", label=_("Réunion"))], heading=_("Réunions")),
            ObjectList([InlinePanel("documents", label=_("Document"))], heading=_("Documents")),
            ObjectList(PortalPage.promote_panels, heading=_("Promotion")),
            ObjectList(PortalPage.settings_panels, heading=_("Paramètres")),
        ]
    )
    search_fields = PortalPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("action_context"),
        index.SearchField("action_objectives"),
        index.SearchField("target_audience"),
        index.SearchField("action_steps"),
        index.SearchField("deliverables"),
        index.SearchField("resources"),
        index.SearchField("partners"),
        index.FilterField("status"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["projects.WorkingGroupIndexPage"]
    subpage_types = ["projects.MicroProjectPage"]

    class Meta:
        verbose_name = _("groupe de travail")
        verbose_name_plural = _("groupes de travail")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(group_page_context(self, request))
        return context

    def micro_project_pages(self):
        """The group's micro-projects (its subpages), as pages of their own type."""
        return MicroProjectPage.objects.child_of(self)

    @property
    def pilots(self):
        return [member.person for member in self.members.all() if member.role == WorkingGroupMember.Role.PILOT]

    @property
    def participants(self):
        return [member.person for member in self.members.all() if member.role == WorkingGroupMember.Role.MEMBER]


class WorkingGroupMember(Orderable):
    """A person in a working group, as pilot or member."""

    Role = MemberRole

    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "people.Person", verbose_name=_("personne"), on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("membre du groupe")
        verbose_name_plural = _("membres du groupe")
        constraints = [models.UniqueConstraint(fields=["page", "person"], name="unique_group_member")]


class WorkingGroupMeeting(Orderable):
    """A meeting of the group with its agenda and, once held, its minutes."""

    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("date et heure"))
    title = models.CharField(_("intitulé"), max_length=200, default="Réunion du groupe")
    location = models.CharField(_("lieu"), max_length=200, blank=True)
    agenda = models.TextField(_("ordre du jour"), blank=True)
    minutes = RichTextField(_("compte rendu"), blank=True, features=FULL_FEATURES)
    minutes_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("compte rendu (fichier)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = WorkingGroupMeetingQuerySet.as_manager()

    panels = [
        FieldPanel("starts_at"),
        FieldPanel("title"),
        FieldPanel("location"),
        FieldPanel("agenda"),
        FieldPanel("minutes"),
        FieldPanel("minutes_document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("réunion")
        verbose_name_plural = _("réunions")

    @property
    def is_past(self) -> bool:
        return is_past(self.starts_at)


class WorkingGroupDocument(DocumentLink):
    """A working document shared by the group."""

    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="documents")

    class Meta(DocumentLink.Meta):
        verbose_name = _("document du groupe")
        verbose_name_plural = _("documents du groupe")


class WorkingGroupEditors(models.Model):
    """The Wagtail group that lets this working group's pilots edit its pages (and nothing else)."""

    page = models.OneToOneField(WorkingGroupPage, on_delete=models.CASCADE, related_name="editors")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="working_group_editors")

    class Meta:
        verbose_name = _("droits des pilotes")

    def __str__(self):
        return self.group.name


def _parent_id(page) -> int | None:
    parent = page.get_parent()
    return parent.pk if parent else None


# A micro-project belongs to the working group it sits under.
@searchable(
    kind=Kind("micro-projets", _("Micro-projets"), order=40),
    facets=Facets(date=("start", "first_published_at"), group=_parent_id),
)
class MicroProjectPage(PortalPage):
    """A micro-project born from a retained needs sheet and carried by a working group."""

    needs_sheet = models.ForeignKey(
        "projects.NeedsSheetPage",
        verbose_name=_("fiche d'identification des besoins"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="micro_projects",
    )
    lead = models.ForeignKey(
        "people.Person", verbose_name=_("porteur"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=MicroProjectStatus.choices, default=MicroProjectStatus.PLANNED
    )
    start = models.DateField(_("début"), null=True, blank=True)
    end = models.DateField(_("fin prévue"), null=True, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("needs_sheet"),
        MultiFieldPanel(
            [FieldPanel("lead"), FieldPanel("status"), FieldPanel("start"), FieldPanel("end")], heading=_("Pilotage")
        ),
        METIERS_PANEL,
        FieldPanel("body"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("body"), index.FilterField("status")]
    parent_page_types = ["projects.WorkingGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("micro-projet")
        verbose_name_plural = _("micro-projets")

    @property
    def working_group(self) -> Page:
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["needs_sheet"] = if_visible_to(self.needs_sheet, request)
        return context
