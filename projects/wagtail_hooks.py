"""Administration of needs sheets: "Changer le statut" next to a sheet (projects.views.admin), the history of
status changes as a listing with filters and export; the working groups on a person's card in the directory."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from base.admin_permissions import LimitedActionsPolicy
from people.models import PERSON_CARD_HOOK

from .models import NeedsSheetPage, NeedsStatusChange
from .permissions import MANAGE_NEEDS, can_manage_needs
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


# Read only, for those who decide on sheets.
register_permission_policy(
    NeedsStatusChange,
    LimitedActionsPolicy(NeedsStatusChange, actions={"view"}, permission=MANAGE_NEEDS),
    exact_class=True,
)


class NeedsStatusChangeViewSet(ModelViewSet):
    """Every decision on a needs sheet, newest first: read-only (the history is written once, by the service
    that changes a status), for those who decide on sheets (projects.manage_needs)."""

    model = NeedsStatusChange
    name = "historique-statuts"
    icon = "history"
    menu_label = gettext_lazy("Historique des statuts")
    add_to_admin_menu = True
    menu_order = 250
    copy_view_enabled = False
    # No add or edit form is ever served (the permission policy refuses both); Wagtail still builds one.
    form_fields = []
    # Wagtail's filters for these fields: status, a date range, the deciding account.
    list_filter = ["status", "decided_at", "decided_by"]
    search_fields = ["sheet__title", "reason"]
    ordering = ["-decided_at", "-pk"]
    list_per_page = 50
    list_export = ["sheet", "status_label", "reason", "decided_by", "decided_at"]
    export_headings = {
        "sheet": gettext_lazy("Fiche"),
        "status_label": gettext_lazy("Statut"),
        "reason": gettext_lazy("Motif"),
        "decided_by": gettext_lazy("Décidé par"),
        "decided_at": gettext_lazy("Date"),
    }
    export_filename = "historique-statuts-fiches-besoins"

    @cached_property
    def list_display(self):
        return [
            Column("sheet", label=gettext_lazy("Fiche")),
            Column("status_label", label=gettext_lazy("Statut"), sort_key="status"),
            Column("reason", label=gettext_lazy("Motif")),
            Column("decided_by", label=gettext_lazy("Décidé par"), accessor="decided_by.get_full_name"),
            DateColumn("decided_at", label=gettext_lazy("Date"), sort_key="decided_at"),
        ]

    def get_index_view_kwargs(self, **kwargs):
        queryset = NeedsStatusChange.objects.select_related("sheet", "decided_by")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


@hooks.register("register_admin_viewset")
def needs_status_history_viewset():
    return NeedsStatusChangeViewSet()
