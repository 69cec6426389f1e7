"""Filters of the agenda: period (upcoming by default, or past), kind of event, métier, tag."""

from django.utils.translation import gettext_lazy as _

from base.filters import ListingFilterSet, MetierFilter, SafeChoiceFilter, TagFilter

from .kinds import EventKind

PAST = "passes"


def wants_past(request) -> bool:
    """Whether the request asks for past events (?periode=passes); anything else means upcoming ones."""
    return request.GET.get("periode") == PAST


class EventFilterSet(ListingFilterSet):
    """The period itself is applied by EventIndexPage.get_listing (upcoming or past); this FilterSet
    validates it and reports a refused value like any other. Tag choices come from the events listed."""

    periode = SafeChoiceFilter(choices=[(PAST, _("Passés"))], label=_("Période"), method="keep")
    type = SafeChoiceFilter(field_name="kind", choices=EventKind.choices, label=_("Type d’événement"))
    metier = MetierFilter()
    tag = TagFilter()

    def keep(self, queryset, name, value):
        return queryset
