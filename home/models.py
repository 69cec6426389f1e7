from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from base.caches import versioned
from base.models import TitleSlugMixin, ViewRestrictionsInOneQueryMixin
from base.rich_text import INLINE_FEATURES

from .services.dashboard import build_dashboard


class QuickLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("libellé"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=160)

    class Meta:
        icon = "link"
        label = _("Accès rapide")


class HomePage(TitleSlugMixin, ViewRestrictionsInOneQueryMixin, Page):
    """The intranet's front door: my métier's news, upcoming meetings, my groups and key figures.

    Most of the page is computed for the signed-in user (see home.services.dashboard);
    editors write the welcome text and choose the quick links.
    """

    welcome = RichTextField(_("mot d'accueil"), blank=True, features=INLINE_FEATURES)
    quick_links = StreamField([("link", QuickLinkBlock())], verbose_name=_("accès rapides"), blank=True, max_num=8)
    news_count = models.PositiveSmallIntegerField(_("nombre d'actualités affichées"), default=4)

    content_panels = Page.content_panels + [FieldPanel("welcome"), FieldPanel("quick_links"), FieldPanel("news_count")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "base.StandardPage",
        "projects.ServiceProjectPage",
        "projects.WorkingGroupIndexPage",
        "projects.NeedsIndexPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "knowledge.CaseStudyIndexPage",
        "knowledge.ApproachIndexPage",
        "documents.DocumentLibraryPage",
        "people.DirectoryPage",
        "dashboard.DashboardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def route(self, request, path_components):
        """Find the page a URL names in one query, instead of one query (and one more for its type) per level.

        The deepest page whose URL path is a prefix of the request's is looked up by url_path; whatever
        follows it is for that page's own routes (needs submission, a person's card), as in Wagtail.
        """
        if not path_components:
            return super().route(request, path_components)
        if any("\x00" in component for component in path_components):
            raise Http404
        prefixes = [self.url_path + "/".join(path_components[:end]) + "/" for end in range(1, len(path_components) + 1)]
        # The same for every reader until the content changes: kept in the cache (who may see it is checked
        # after routing, by the page's view restrictions). Only an address naming a page itself is kept: an
        # unknown address, or one handled by a page's own routes, costs its query each time but no cache entry.
        page = versioned(
            "route",
            lambda: self._deepest_page(prefixes),
            self.pk,
            prefixes[-1],
            storable=lambda found: found is not None and found.url_path == prefixes[-1],
        )
        if page is None:
            raise Http404
        # The page's own route() serves it (checking it is live) or its sub-routes, with no more queries.
        return page.route(request, path_components[page.depth - self.depth :])

    def _deepest_page(self, prefixes: list[str]) -> Page | None:
        page = Page.objects.filter(url_path__in=prefixes, path__startswith=self.path).order_by("-depth").first()
        return page.specific if page is not None else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dashboard"] = build_dashboard(request, news_count=self.news_count)
        return context
