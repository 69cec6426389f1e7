"""Filters of the case-study and approach lists: thème (tag), métier and, for case studies, territoire.

The choices offered come only from the items the reader may see: a restricted case study's theme or
territory never shows in the select of a reader outside its group.
"""

from django.utils.translation import gettext_lazy as _

from base.filters import ListingFilterSet, MetierFilter, SafeChoiceFilter, TagFilter


class KnowledgeFilterSet(ListingFilterSet):
    """Thème and métier; the theme choices are the tags of the items given as queryset (the visible ones)."""

    theme = TagFilter(label=_("Thème"))
    metier = MetierFilter()


def _territories_of(items) -> list[tuple[str, str]]:
    territories = items.exclude(territory="").order_by("territory").values_list("territory", flat=True).distinct()
    return [(territory, territory) for territory in territories]


class CaseStudyFilterSet(KnowledgeFilterSet):
    """Thème, métier and territoire (the territories of the visible case studies)."""

    territoire = SafeChoiceFilter(label=_("Territoire"), field_name="territory")

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset=queryset, request=request, **kwargs)
        self.filters["territoire"].extra["choices"] = _territories_of(self.queryset)


class ApproachFilterSet(KnowledgeFilterSet):
    """Thème and métier."""
