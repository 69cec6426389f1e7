"""Helpers for creating pages in the tree."""

from django.utils.text import slugify
from wagtail.models import Page


def available_slug(parent: Page, title: str, exclude: Page | None = None) -> str:
    """A slug from the title that no sibling uses yet: "reunion", "reunion-2", "reunion-3"…"""
    base = slugify(title)[:240] or "page"
    # child_of() asks the database; get_children() trusts the parent's cached child count, stale after
    # pages were added through another object.
    siblings = Page.objects.child_of(parent)
    if exclude is not None and exclude.pk:
        siblings = siblings.exclude(pk=exclude.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug = f"{base}-{counter}"
        counter += 1
    return slug
