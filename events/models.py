"""The agenda: information meetings per métier, pilots' meetings, exchange half-days, trainings."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from base.blocks import BodyBlock
from base.models import METIERS_PANEL, PortalPage, SectionIndexPage
from base.related import if_visible_to
from base.schedule import effective_end, is_past
from search.registry import Facets, Kind, searchable

from .filters import EventFilterSet, wants_past
from .kinds import EventKind
from .querysets import EventPageManager


class EventIndexPage(SectionIndexPage):
    """Upcoming and past events, filterable by kind, métier and tag, exported as an iCalendar feed."""

    subpage_types = ["events.EventPage"]
    filterset_class = EventFilterSet
    # "À venir" and "passés" depend on the clock.
    listing_fragment, listing_timed = "event-listing", True

    class Meta:
        verbose_name = _("agenda")

    def get_listing(self, request):
        events = EventPage.objects.child_of(self).visible_to(request).select_related("working_group")
        events = events.past() if wants_past(request) else events.upcoming()
        return events.prefetch_related("metiers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["showing_past"] = wants_past(request)
        return context


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="tagged_items")


@searchable(kind=Kind("agenda", _("Agenda"), order=20), facets=Facets(date="start", group="working_group_id"))
class EventPage(PortalPage):
    """One event of the agenda, which staff can add to their own calendar."""

    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices, default=EventKind.OTHER)
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"), null=True, blank=True)
    location = models.CharField(_("lieu"), max_length=255, blank=True)
    organiser = models.ForeignKey(
        "people.Person",
        verbose_name=_("organisateur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    working_group = models.ForeignKey(
        "projects.WorkingGroupPage",
        verbose_name=_("groupe de travail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    registration = models.CharField(
        _("inscription"), max_length=255, blank=True, help_text=_("Comment s'inscrire, s'il le faut.")
    )
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name=_("mots-clés"))
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    objects = EventPageManager()

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldPanel("organiser"),
                FieldPanel("working_group"),
                FieldPanel("registration"),
                FieldPanel("tags"),
            ],
            heading=_("Informations pratiques"),
        ),
        METIERS_PANEL,
        FieldPanel("body"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("start"),
        index.FilterField("kind"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["start"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The group is named only to those who may open its page.
        context["working_group"] = if_visible_to(self.working_group, request)
        return context

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("La fin doit être postérieure au début.")})

    @property
    def effective_end(self):
        return effective_end(self.start, self.end)

    @property
    def is_past(self) -> bool:
        return is_past(self.start, self.end)
