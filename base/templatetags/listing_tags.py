"""Template pieces of the section listings: filter selects and the side panels of a page."""

from django import template

from base.context_processors import loaded_page
from base.related import if_visible_to as related_if_visible_to
from base.visibility import only_visible

register = template.Library()


@register.inclusion_tag("includes/filter_select.html")
def filter_select(filterset, name: str, empty_label: str = ""):
    """One <select> of a listing's filters, its choices and current value taken from the FilterSet."""
    return {
        "name": name,
        "label": filterset.filters[name].label,
        "choices": filterset.choices(name),
        "selected": filterset.selected(name),
        "empty_label": empty_label,
    }


@register.inclusion_tag("includes/audience_panels.html", takes_context=True)
def audience_panels(context, page, metiers_heading: str = "", tags_heading: str = "", tag_param: str = "tag"):
    """The side panels "Pour qui ?" (the page's métiers) and "Mots-clés" (its tags, linking to the filtered
    section list) that every content page shows."""
    tags = list(page.tags.all()) if hasattr(page, "tags") else []
    parent = None
    if tags:
        parent = loaded_page(context.get("request"), page.path[: -page.steplen]) or page.get_parent()
    return {
        "metiers": page.metiers.all(),
        "tags": tags,
        "tags_link_base": parent.get_url(context.get("request")) if parent is not None else "",
        "tag_param": tag_param,
        "metiers_heading": metiers_heading,
        "tags_heading": tags_heading,
    }


@register.filter
def visible_to(items, request):
    """The documents, images or pages of a list (a block's value, a chooser's choice) the reader may open."""
    return only_visible(items, request) if request is not None else []


@register.filter
def if_visible_to(item, request):
    """A related page, document or image (a card's group, an image) when the reader may open it, else None."""
    return related_if_visible_to(item, request)
