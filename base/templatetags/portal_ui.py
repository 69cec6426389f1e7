"""Presentation helpers for the portal's templates: navigation state, filter choices and pagination.
Highlighted search excerpts are search's ({% load search_excerpts %}); links to directory cards are people's
({% load people_tags %})."""

from django import template
from django.conf import settings

from base.text import type_label

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_state(context, item) -> str:
    """aria-current value of a navigation item: "page" on the item itself, "true" inside its section."""
    page = context.get("page")
    if page is None or not getattr(page, "path", None):
        return ""
    if page.path == item.path:
        return "page"
    if page.path.startswith(item.path):
        return "true"
    return ""


@register.filter
def as_choices(items, fields="") -> list[tuple[str, str]]:
    """(value, label) pairs for a filter <select>: from objects ("slug,name"), pairs, or plain values."""
    choices = []
    for item in items or []:
        if fields:
            value_attr, label_attr = fields.split(",")
            choices.append((str(getattr(item, value_attr)), str(getattr(item, label_attr))))
        elif isinstance(item, list | tuple):
            choices.append((str(item[0]), str(item[1])))
        else:
            choices.append((str(item), str(item)))
    return choices


register.filter("type_label", type_label)


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with Paginator.ELLIPSIS where some are left out."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))


@register.simple_tag
def site_name() -> str:
    """The portal's name (settings.WAGTAIL_SITE_NAME); reads no database, so error pages can use it."""
    return settings.WAGTAIL_SITE_NAME
