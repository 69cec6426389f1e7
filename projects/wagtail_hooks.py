"""Administration of needs sheets: "Changer le statut" next to a sheet (projects.views.admin); the working groups
on a person's card in the directory."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from people.models import PERSON_CARD_HOOK

from .models import NeedsSheetPage
from .permissions import can_manage_needs
from .services.person_card import person_groups
from .views.admin import needs_status

STATUS_URL_NAME = "projects_needs_status"


@hooks.register("register_admin_urls")
def needs_status_urls():
    return [path("fiches-besoins/<int:page_id>/statut/", needs_status, name=STATUS_URL_NAME)]


def _status_button(page, user, priority):
    if issubclass(page.specific_class or type(page), NeedsSheetPage) and can_manage_needs(user):
        url = reverse(STATUS_URL_NAME, args=[page.pk])
        yield Button(gettext_lazy("Changer le statut"), url, icon_name="tasks", priority=priority)


@hooks.register("register_page_header_buttons")
def needs_status_header_button(page, user, view_name, next_url=None):
    yield from _status_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def needs_status_listing_button(page, user, next_url=None):
    yield from _status_button(page, user, priority=12)


hooks.register(PERSON_CARD_HOOK, person_groups)
