"""The directory's filters: free text (name, job title, site), métier and site.

The choices come from the people listed (the queryset given) and their `metier` relation.
"""

from functools import partial

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from base.filters import ListingFilterSet, RelatedModelChoiceFilter, SafeChoiceFilter
from base.text import fold

QUERY_MAX_LENGTH = 200


def site_choices(people) -> list[tuple[str, str]]:
    """The sites / antennas where someone of the directory works, alphabetically."""
    sites = people.exclude(site="").order_by("site").values_list("site", flat=True).distinct()
    return [(site, site) for site in sites]


class DirectoryQueryField(forms.CharField):
    """Free text of the directory search: at most 200 characters, no NUL (Django's CharField refuses it)."""

    default_error_messages = {
        "max_length": _("Saisissez au plus %(limit_value)d caractères."),
        "null_characters_not_allowed": _("Ce texte contient un caractère interdit."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", QUERY_MAX_LENGTH)
        super().__init__(*args, **kwargs)


class DirectoryQueryFilter(django_filters.CharFilter):
    field_class = DirectoryQueryField


class DirectoryFilterSet(ListingFilterSet):
    q = DirectoryQueryFilter(label=_("Nom, fonction ou site"), method="filter_query")
    metier = RelatedModelChoiceFilter(
        field_name="metier", to_field_name="slug", label=_("Métier"), empty_label=_("Tous")
    )
    site = SafeChoiceFilter(field_name="site", label=_("Site / antenne"))

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset=queryset, request=request, **kwargs)
        # Read when the form is drawn or checked, as a callable choice list is.
        self.filters["site"].extra["choices"] = partial(site_choices, self.queryset)

    def filter_query(self, queryset, name, value):
        """Anyone whose name (without regard to case or accents), job title or site contains the text."""
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(folded_name__contains=fold(value)) | Q(job_title__icontains=value) | Q(site__icontains=value)
        )
