"""Querysets shared by the portal's page types: visibility and audience, chainable in every app."""

from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Q
from taggit.models import Tag, TaggedItemBase
from wagtail.models import Page, PageManager, PageQuerySet

from .visibility import VisibleToQuerySetMixin, visible_pages


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
        through = self.model._meta.get_field("tags").remote_field.through
        tagged = through.objects.filter(content_object__in=self.values("pk")).values("tag_id")
        return Tag.objects.filter(pk__in=tagged).order_by("name")


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


def tags_visible_to(reader):
    """The tags carried by at least one page the reader may open (base.visibility), in one query.

    A tag found only on restricted pages or drafts is neither offered, followed nor named to this reader: its
    name alone may tell what a committee works on.
    """
    pages = visible_pages(Page.objects.all(), reader).values("pk")
    carried = [
        Q(pk__in=model.objects.filter(content_object_id__in=pages).values("tag_id")) for model in _page_tag_models()
    ]
    return Tag.objects.filter(reduce(or_, carried)) if carried else Tag.objects.none()


def _page_tag_models() -> list:
    """The models linking pages to their tags (NewsPageTag…); taggit's generic TaggedItem is not one."""

    def tags_pages(model) -> bool:
        target = getattr(model._meta.get_field("content_object"), "related_model", None)
        return isinstance(target, type) and issubclass(target, Page)

    return [model for model in apps.get_models() if issubclass(model, TaggedItemBase) and tags_pages(model)]
