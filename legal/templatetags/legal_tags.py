"""Template tags of the legal pages, for every page's footer: the link to the « Données personnelles » page,
found among the home page's children the request already holds (base.sites), and the accessibility mention;
no query of their own."""

from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from base.sites import site_for_request, site_tree

from ..models import PersonalDataPage
from ..services.accessibility import accessibility_mention as mention_for

register = template.Library()


@register.simple_tag(takes_context=True)
def personal_data_page(context) -> Page | None:
    request = context.get("request")
    site = site_for_request(request) if request is not None else None
    if site is None:
        return None
    # Content types are kept in memory by Django once read: no query after the first request.
    wanted = ContentType.objects.get_for_model(PersonalDataPage, for_concrete_model=False).pk
    return next((child for child in site_tree().sections.get(site.pk, []) if child.content_type_id == wanted), None)


@register.inclusion_tag("legal/includes/accessibility_mention.html", takes_context=True)
def accessibility_mention(context):
    """« Accessibilité : … conforme », linking to the statement, for a reader who may open it."""
    request = context.get("request")
    # The request goes along: {% pageurl %} finds the site's root paths on it rather than in the database.
    return {"mention": mention_for(request), "request": request}
