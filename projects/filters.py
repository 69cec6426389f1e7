"""Filters of the working-group and needs-sheet listings (invalid values are refused in French, never a 500)."""

from django.utils.translation import gettext_lazy as _

from base.filters import ListingFilterSet, MetierFilter, SafeChoiceFilter, TagFilter

from .choices import GroupStatus, NeedStatus


class WorkingGroupFilterSet(ListingFilterSet):
    statut = SafeChoiceFilter(field_name="status", label=_("Statut"), choices=GroupStatus.choices)
    metier = MetierFilter(label=_("Métier représenté"))
    tag = TagFilter()


class NeedsSheetFilterSet(ListingFilterSet):
    statut = SafeChoiceFilter(field_name="status", label=_("Statut"), choices=NeedStatus.choices)
    tag = TagFilter()
