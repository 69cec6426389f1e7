"""Querysets shared by the portal's page types: visibility and audience, chainable in every app."""

from django.db.models import Q
from wagtail.models import PageManager, PageQuerySet

from .visibility import VisibleToQuerySetMixin


class PortalPageQuerySet(VisibleToQuerySetMixin, PageQuerySet):
    """Pages of one portal type. `visible_to(request)` applies the visibility rule (base.visibility)."""

    def for_metier(self, metier):
        """Pages meant for this métier, and pages meant for everyone (no métier chosen).

        The one definition of "for my métier", used by the home page and every listing filter.
        """
        if metier is None:
            return self
        model = self.model
        targeted = model._base_manager.filter(metiers=metier).values("pk")
        for_someone = model._base_manager.filter(metiers__isnull=False).values("pk")
        return self.filter(Q(pk__in=targeted) | ~Q(pk__in=for_someone))

    def tagged(self, tag):
        """Pages carrying this tag (a taggit Tag or its slug)."""
        if tag is None or tag == "":
            return self
        slug = getattr(tag, "slug", tag)
        return self.filter(pk__in=self.model._base_manager.filter(tags__slug=slug).values("pk"))

    def tags(self):
        """The tags carried by these pages, by name (for a listing's "Mot-clé" choices)."""
        from taggit.models import Tag

        through = self.model._meta.get_field("tags").remote_field.through
        tagged = through.objects.filter(content_object__in=self.values("pk")).values("tag_id")
        return Tag.objects.filter(pk__in=tagged).order_by("name")


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)
