"""The filters of governance in the administration: the listing (responsable, state and type of page) and the
« Tableau de gouvernance » (section, working group, responsable, months without activity)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from base.filters import ListingFilterSet, SafeChoiceFilter, SafeModelChoiceFilter
from base.sites import site_for_request
from base.visibility import visible_pages
from people.models import Person
from projects.models import WorkingGroupPage

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


class MonthsField(forms.IntegerField):
    """A number of months written with ASCII digits, between 1 and 120."""

    default_error_messages = {"invalid": _("Indiquez un nombre de mois entre 1 et 120, par exemple 6.")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 120)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        text = "" if value is None else str(value).strip()
        if text and not (text.isascii() and text.isdigit() and len(text) <= 4):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class MonthsFilter(django_filters.NumberFilter):
    field_class = MonthsField


class BoardFilterSet(ListingFilterSet):
    """Validates the « Tableau de gouvernance » query string: section, working group, responsable and the months
    without activity. The board works its tables out per page (governance.services.board): these filters only
    validate, and offer only the sections and groups the viewer may open."""

    section = SafeModelChoiceFilter(label=_("Rubrique"), queryset=Page.objects.none(), method="validated_only")
    group = SafeModelChoiceFilter(
        label=_("Groupe de travail"), queryset=WorkingGroupPage.objects.none(), method="validated_only"
    )
    owner = SafeModelChoiceFilter(
        label=_("Responsable"),
        queryset=Person.objects.filter(user__isnull=False).order_by("last_name", "first_name"),
        method="validated_only",
    )
    months = MonthsFilter(label=_("Sans activité depuis (mois)"), method="validated_only")

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset=queryset, request=request, **kwargs)
        site = site_for_request(request) if request is not None else None
        if site is not None:
            sections = Page.objects.child_of(site.root_page).live().order_by("path")
            self.filters["section"].queryset = visible_pages(sections, request)
        groups = WorkingGroupPage.objects.live().order_by("title", "pk")
        self.filters["group"].queryset = visible_pages(groups, request)

    def validated_only(self, queryset, name, value):
        return queryset
