"""« Gouvernance des contenus » in the administration: the listing of pages with their responsable, the
« Tableau de gouvernance », the
« Responsable et vérification » button in a page's header, the review periods (a setting, models.py)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from .services.owners import is_governed_type
from .views.admin import CHANGE_STEWARDSHIP, governance_index, stewardship_edit
from .views.board import board_csv, board_view

admin_patterns = (
    [
        path("", governance_index, name="index"),
        path("<int:page_id>/", stewardship_edit, name="edit"),
        path("tableau/", board_view, name="board"),
        path("tableau/<slug:name>.csv", board_csv, name="board_csv"),
    ],
    "governance_admin",
)


@hooks.register("register_admin_urls")
def governance_urls():
    return [path("gouvernance/", include(admin_patterns))]


class GovernanceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(CHANGE_STEWARDSHIP)


@hooks.register("register_admin_menu_item")
def governance_menu_item():
    return GovernanceMenuItem(
        _("Gouvernance des contenus"), reverse("governance_admin:index"), icon_name="user", order=350
    )


@hooks.register("register_admin_menu_item")
def governance_board_menu_item():
    return GovernanceMenuItem(
        _("Tableau de gouvernance"), reverse("governance_admin:board"), icon_name="table", order=351
    )


@hooks.register("register_page_header_buttons")
def stewardship_header_button(page, user, view_name, next_url=None):
    if page.pk and page.live and user.has_perm(CHANGE_STEWARDSHIP) and is_governed_type(page.specific_class):
        url = reverse("governance_admin:edit", args=[page.pk])
        yield Button(_("Responsable et vérification"), url, icon_name="user", priority=14)
