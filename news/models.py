"""News: dated articles addressed to some métiers, with an index, filters and feeds."""

from urllib.parse import urlencode

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from base.blocks import BodyBlock
from base.models import METIERS_PANEL, PortalPage, SectionIndexPage
from base.related import if_visible_to
from search.registry import Facets, Kind, searchable

from .filters import NewsFilterSet
from .querysets import NewsPageManager


class NewsIndexPage(SectionIndexPage):
    """All news, newest first, filterable by métier, tag, working group and year; with RSS and Atom feeds."""

    subpage_types = ["news.NewsPage"]
    filterset_class = NewsFilterSet
    per_page = 10
    listing_fragment = "news-listing"

    class Meta:
        verbose_name = _("liste des actualités")

    def get_listing(self, request):
        return NewsPage.objects.child_of(self).visible_to(request).newest_first().for_cards()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = context["filters"]
        # Read by the feed buttons, inside the shared fragment: lazy like the listing.
        context["feed_query"] = SimpleLazyObject(lambda: urlencode(filters.valid_query()))
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


@searchable(
    kind=Kind("actualites", _("Actualités"), order=10, favours_recent=True),
    facets=Facets(date="date", group="working_group_id"),
)
class NewsPage(PortalPage):
    """A news article: date, author, the métiers it is meant for, tags and body."""

    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.ForeignKey(
        "people.Person", verbose_name=_("auteur"), null=True, blank=True, on_delete=models.SET_NULL, related_name="news"
    )
    working_group = models.ForeignKey(
        "projects.WorkingGroupPage",
        verbose_name=_("groupe de travail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        help_text=_("Pour une actualité d'un groupe : elle paraît aussi sur la page du groupe."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("mots-clés"))
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    objects = NewsPageManager()

    content_panels = PortalPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("working_group"), FieldPanel("tags")],
            heading=_("Informations"),
        ),
        METIERS_PANEL,
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = PortalPage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")
        ordering = ["-date"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The group is named only to those who may open its page (base.related).
        # Read only when the page body is rendered, not when it comes from the cache (base.page_cache).
        context["working_group"] = SimpleLazyObject(lambda: if_visible_to(self.working_group, request))
        return context
