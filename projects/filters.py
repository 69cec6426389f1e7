"""Filters of the working-group and needs-sheet listings (invalid values are refused in French, never a 500)."""

from django.utils.translation import gettext_lazy as _

from base.filters import ListingFilterSet, MetierFilter, SafeChoiceFilter, TagFilter

from .choices import GroupStatus, NeedStatus


class WorkingGroupFilterSet(ListingFilterSet):
    statut = SafeChoiceFilter(field_name="status", label=_("Statut"), choices=GroupStatus.choices)
    metier = MetierFilter(label=_("Métier représenté"))
    tag = TagFilter()


NEEDS_SORTS = [("recentes", _("Plus récentes")), ("soutenues", _("Plus soutenues"))]


class NeedsSheetFilterSet(ListingFilterSet):
    statut = SafeChoiceFilter(field_name="status", label=_("Statut"), choices=NeedStatus.choices)
    tag = TagFilter()
    tri = SafeChoiceFilter(label=_("Tri"), choices=NEEDS_SORTS, method="sort")

    def sort(self, queryset, name, value):
        # "Plus récentes" is the listing's own order (NeedsIndexPage.get_listing).
        return queryset.most_supported() if value == "soutenues" else queryset
