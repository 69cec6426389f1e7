"""Building blocks shared by the page types: the content page base, the section index base, the
"document + description" inline, and the generic standard page."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from .blocks import BodyBlock
from .caches import versioned
from .content_version import ContentVersion  # noqa: F401  (a model of this app)
from .framework import fill_new_page_slug
from .querysets import PortalPageManager
from .rich_text import INLINE_FEATURES
from .services.listing import LazyListing
from .text import title_slug
from .visibility import visible_pages


class ViewRestrictionsInOneQueryMixin:
    """Wagtail's view-restriction lookup for a served page (the page's and its ancestors' restrictions, an
    alias answering with its source's) read in one query instead of two, and in none when neither the page
    nor an ancestor is restricted or an alias: it runs on every page view."""

    def get_view_restrictions(self):
        ancestor_paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        if not restricted_or_alias_paths().intersection(ancestor_paths):
            return PageViewRestriction.objects.none()
        sources_of_aliases = Page.objects.filter(aliases__path__in=ancestor_paths).values("pk")
        return PageViewRestriction.objects.filter(
            Q(page__path__in=ancestor_paths, page__alias_of__isnull=True) | Q(page__in=sources_of_aliases)
        )


class TitleSlugMixin:
    """A new page's slug made from its title with inclusive writing marks separating words (« …-infirmier-eres »,
    not « …-infirmiereres »): every page type of the portal has it; the admin's slug field does the same."""

    def full_clean(self, *args, **kwargs):
        fill_new_page_slug(self, title_slug(self.title))
        super().full_clean(*args, **kwargs)


def restricted_or_alias_paths() -> frozenset[str]:
    """Paths of the pages carrying a view restriction, and of the aliases (which answer with their source's
    restrictions); read once per content version, which any restriction or page change bumps."""

    def read() -> frozenset[str]:
        restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
        aliases = Page.objects.filter(alias_of__isnull=False).order_by().values_list("path", flat=True)
        return frozenset(restricted.order_by().union(aliases, all=True))

    return versioned("restricted-or-alias-paths", read)


class PortalPage(TitleSlugMixin, ViewRestrictionsInOneQueryMixin, Page):
    """Abstract base of content pages: a summary for listings and the métiers it concerns.

    Its manager adds `visible_to(request)` and `for_metier(metier)` to the usual page queryset.
    """

    summary = models.TextField(
        _("résumé"),
        blank=True,
        max_length=600,
        help_text=_("Deux ou trois phrases reprises dans les listes et les résultats de recherche."),
    )
    metiers = ParentalManyToManyField(
        "people.Metier", verbose_name=_("métiers concernés"), blank=True, related_name="+"
    )

    objects = PortalPageManager()

    # "search_terms": the analysed text that search gives every content page (search.registry), indexed
    # here, beside the summary.
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("search_terms")]

    class Meta:
        abstract = True


# Panels are copied when bound to a model, so one instance can serve every page type.
METIERS_PANEL = FieldPanel("metiers", widget=forms.CheckboxSelectMultiple)


class SectionIndexPage(PortalPage):
    """Abstract base of a section's list page (news, agenda, groups, case studies…): an introduction,
    filters and a paginated list of the items the reader may see.

    A subclass says which items it lists (`get_listing`), how they are filtered (`filterset_class`,
    a base.filters.ListingFilterSet) and how many go on a page (`per_page`).
    """

    introduction = RichTextField(_("introduction"), blank=True, features=INLINE_FEATURES)

    content_panels = PortalPage.content_panels + [FieldPanel("summary"), FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    filterset_class = None
    per_page = 20
    # The name under which the section's listing (its template's shared_listing block, base/section_index.html)
    # is shared by the readers of one visibility class; `listing_timed`: it shows "à venir" items, kept briefly.
    listing_fragment = "section-listing"
    listing_timed = False

    class Meta:
        abstract = True

    def get_listing(self, request):
        """The items of the section this request may see, in display order, before filtering.

        By default the section's child pages in tree order; sections override it to order their items
        and fetch what their cards show.
        """
        # child_of() asks the database; get_children() trusts this object's child count, which may be stale.
        return visible_pages(Page.objects.child_of(self).specific(), request)

    def get_filterset_kwargs(self, request) -> dict:
        return {}

    def decorate_listing(self, items, request) -> None:
        """Add to the items of the current page what their cards show for this reader (none by default).

        Runs inside the lazy listing: a listing served from the shared cache skips it.
        """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the templates render the listing in a shared fragment; served from the cache, it asks nothing.
        listing = LazyListing(
            request,
            lambda: self.get_listing(request),
            self.filterset_class,
            self.per_page,
            decorate=lambda items: self.decorate_listing(items, request),
            **self.get_filterset_kwargs(request),
        )
        context.update(listing.context())
        return context


class DocumentLink(Orderable):
    """Abstract inline: a document attached to a page, with a short description of what it is for."""

    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        abstract = True


class StandardPage(PortalPage):
    """A free-form page (practical information, help, about): title, summary and body."""

    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = PortalPage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = PortalPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage", "base.StandardPage"]

    class Meta:
        verbose_name = _("page libre")
        verbose_name_plural = _("pages libres")
