"""The filters of the governance listing in the administration: responsable, state and type of page."""

import django_filters
from django.utils.translation import gettext_lazy as _

from base.filters import ListingFilterSet, SafeChoiceFilter, SafeModelChoiceFilter
from people.models import Person

STATE_CHOICES = [("a-verifier", _("À vérifier")), ("en-retard", _("En retard"))]


class GovernanceFilterSet(ListingFilterSet):
    """Validates the listing's query string. Responsable and state are worked out per page by the services, so
    these two filters only validate; the view applies them (governance.services.listing)."""

    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label=_("Titre"), max_length=200)
    owner = SafeModelChoiceFilter(
        label=_("Responsable"),
        queryset=Person.objects.filter(user__isnull=False).order_by("last_name", "first_name"),
        method="validated_only",
    )
    state = SafeChoiceFilter(label=_("État"), choices=STATE_CHOICES, method="validated_only")

    def validated_only(self, queryset, name, value):
        return queryset
