"""The agenda: information meetings per métier, pilots' meetings, exchange half-days, trainings."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from base.blocks import BodyBlock
from base.models import METIERS_PANEL, PortalPage
from base.schedule import effective_end, is_past

from .querysets import EventPageManager


class EventKind(models.TextChoices):
    INFORMATION_MEETING = "information", _("Réunion d'information métier")
    PILOTS_MEETING = "pilots", _("Rencontre des pilotes")
    EXCHANGE_HALF_DAY = "exchange", _("Demi-journée d'échanges")
    TRAINING = "training", _("Formation")
    GROUP_MEETING = "group", _("Réunion de groupe de travail")
    OTHER = "other", _("Autre")


class EventIndexPage(PortalPage):
    """Upcoming and past events, filterable by kind and métier, exported as an iCalendar feed."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = PortalPage.content_panels + [FieldPanel("summary"), FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("agenda")

    def get_context(self, request, *args, **kwargs):
        from .views import event_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_index_context(self, request))
        return context


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="tagged_items")


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
