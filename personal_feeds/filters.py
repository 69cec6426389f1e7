"""Filters of the administration's list of personal subscription addresses."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from .models import FeedToken

UNUSED_SINCE_DAYS = 90
USE_CHOICES = [
    ("jamais", _("Jamais utilisée")),
    ("inactive", _("Pas utilisée depuis 90 jours")),
    ("recente", _("Utilisée dans les 90 derniers jours")),
]


class FeedTokenFilterSet(WagtailFilterSet):
    usage = django_filters.ChoiceFilter(label=_("Utilisation"), choices=USE_CHOICES, method="filter_usage")
    created_at = django_filters.DateFromToRangeFilter(label=_("Créée le"), widget=DateRangePickerWidget)
    active = django_filters.BooleanFilter(field_name="user__is_active", label=_("Compte actif"))

    class Meta:
        model = FeedToken
        fields = []

    def filter_usage(self, queryset, name, value):
        since = timezone.now() - datetime.timedelta(days=UNUSED_SINCE_DAYS)
        if value == "jamais":
            return queryset.filter(last_used_at__isnull=True)
        if value == "inactive":
            return queryset.exclude(last_used_at__gte=since)
        return queryset.filter(last_used_at__gte=since)
