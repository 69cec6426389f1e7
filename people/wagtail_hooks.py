"""Admin listings for the directory: people and métiers, with filters and export."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Metier, Person


class PersonFilterSet(WagtailFilterSet):
    trained = django_filters.BooleanFilter(
        field_name="trained_in_project_management_on",
        lookup_expr="isnull",
        exclude=True,
        label=_("Formé(e) à la conduite de projet"),
    )

    class Meta:
        model = Person
        fields = ["metier", "site"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personnes")
    list_display = [Column("full_name", label=_("Nom"), sort_key="last_name"), "job_title", "metier", "site", "email"]
    list_export = [
        "first_name",
        "last_name",
        "job_title",
        "metier",
        "site",
        "email",
        "phone",
        "sector_delegate_for",
        "trained_in_project_management_on",
    ]
    export_filename = "annuaire"
    filterset_class = PersonFilterSet
    search_fields = ["first_name", "last_name", "job_title", "site"]
    ordering = ["last_name", "first_name"]


class MetierViewSet(SnippetViewSet):
    model = Metier
    icon = "tag"
    menu_label = _("Métiers")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (PersonViewSet, MetierViewSet)
    menu_icon = "group"
    menu_label = _("Annuaire")
    menu_name = "annuaire"


register_snippet(DirectoryViewSetGroup)
