"""The admin's "Recherche" menu: the thesaurus, the acronyms the content defines and the thesaurus lacks,
the search report and the recommendations (Wagtail's search promotions), each shown to those whose role
grants its permissions."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import (
    REPORT_URL_NAMESPACE,
    SYNONYM_PERMISSION,
    AcronymProposalsView,
    PrefilledPromotionCreateView,
    PrefilledSynonymCreateView,
    SearchReportView,
    can_view_search_report,
)
from .models import Synonym

PROMOTION_PERMISSIONS = [f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")]
# Wagtail lists its search promotions under Settings; they live under Recherche here.
WAGTAIL_PROMOTIONS_MENU_NAME = "promoted-search-results"
# Wagtail's « Termes de recherche » report counts only its own search view, which the portal does not use: it
# stayed empty beside the portal's report.
WAGTAIL_SEARCH_TERMS_MENU_NAME = "search-terms"


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Thésaurus")
    add_view_class = PrefilledSynonymCreateView
    list_display = [
        "expressions",
        "broader",
        "note",
        DateColumn("updated_at", label=_("Modifié le"), sort_key="updated_at"),
    ]
    list_export = ["expressions", "broader", "note", "updated_at"]
    export_headings = {
        "expressions": _("Expressions équivalentes"),
        "broader": _("Termes plus généraux"),
        "note": _("Note"),
        "updated_at": _("Modifié le"),
    }
    export_filename = "thesaurus"
    search_fields = ["expressions", "broader", "note"]
    ordering = ["expressions"]
    list_per_page = 50


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_search_report(request.user)


class SearchReportViewSet(ViewSet):
    name = "rapport-recherche"
    url_namespace = REPORT_URL_NAMESPACE
    icon = "search"
    menu_label = _("Rapport de recherche")
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self):
        return [
            path("", SearchReportView.as_view(), name="index"),
            path("resultats/", SearchReportView.as_view(results_only=True), name="results"),
            path("recommandation/", PrefilledPromotionCreateView.as_view(), name="add_promotion"),
        ]


class AcronymsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SYNONYM_PERMISSION)


class AcronymProposalsViewSet(ViewSet):
    name = "sigles-des-contenus"
    url_namespace = "acronym_proposals"
    icon = "list-ul"
    menu_label = _("Sigles des contenus")
    menu_item_class = AcronymsMenuItem

    def get_urlpatterns(self):
        return [path("", AcronymProposalsView.as_view(), name="index")]


class PromotionsMenuItem(MenuItem):
    def is_shown(self, request):
        return any(request.user.has_perm(permission) for permission in PROMOTION_PERMISSIONS)


class PromotionsViewSet(ViewSet):
    """Only a menu entry: the views are Wagtail's (wagtail.contrib.search_promotions)."""

    name = "recommandations"
    icon = "pick"
    menu_label = _("Recommandations")
    menu_item_class = PromotionsMenuItem

    @cached_property
    def menu_url(self):
        return reverse("wagtailsearchpromotions:index")


class SearchViewSetGroup(SnippetViewSetGroup):
    items = (SynonymViewSet, AcronymProposalsViewSet, SearchReportViewSet, PromotionsViewSet)
    menu_icon = "search"
    menu_label = _("Recherche")
    menu_name = "recherche"


register_snippet(SearchViewSetGroup)


@hooks.register("construct_settings_menu")
def hide_wagtail_promotions_entry(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != WAGTAIL_PROMOTIONS_MENU_NAME]


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms_report(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != WAGTAIL_SEARCH_TERMS_MENU_NAME]
