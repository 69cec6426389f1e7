"""The footer's link to the « Données personnelles » page, found among the home page's children the
request already holds (base.sites): no query of its own."""

from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from base.sites import site_for_request, site_tree

from ..models import PersonalDataPage

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
