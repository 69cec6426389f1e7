"""Filters of the news index and of the news feeds: métier, tag, working group, year.

Choices (tags, working groups, years) are taken from the news the reader may see only: a restricted
article's tag, group or year is never offered to someone who cannot open it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from base.filters import (
    ListingFilterSet,
    MetierFilter,
    SafeModelChoiceField,
    SafeModelChoiceFilter,
    TagFilter,
    YearFilter,
)
from base.visibility import visible_pages
from projects.models import WorkingGroupPage

LARGEST_ID = 2**63 - 1


class PageIdField(SafeModelChoiceField):
    """A page chosen by id: an id no database column can hold is refused before any query.

    Its choices show titles only: the pages are read with their id and title, not as full specific pages
    (whose body and other fields would be loaded and decoded for nothing).
    """

    def objects(self) -> list:
        if self._objects is None:
            self._objects = list(self.queryset.only("pk", "title"))
        return self._objects

    def to_python(self, value):
        text = str(value) if value not in self.empty_values else ""
        if text.isascii() and text.isdigit() and int(text) > LARGEST_ID:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class PageIdFilter(SafeModelChoiceFilter):
    field_class = PageIdField


def groups_of(news, reader):
    """Working groups (that the reader may see) having some of these news, by title."""
    groups = WorkingGroupPage.objects.filter(pk__in=news.values("working_group")).order_by("title")
    return visible_pages(groups, reader)


class NewsFilterSet(ListingFilterSet):
    """The choices offered come from the news the reader may see (the queryset given), nothing else."""

    metier = MetierFilter()
    tag = TagFilter()
    groupe = PageIdFilter(queryset=None, field_name="working_group", label=_("Groupe de travail"))
    annee = YearFilter(field_name="date", lookup_expr="year", label=_("Année"))

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset=queryset, request=request, **kwargs)
        self.filters["groupe"].queryset = groups_of(self.queryset, request)

    def choices(self, name: str) -> list[tuple[str, str]]:
        if name == "annee":
            return [(str(year), str(year)) for year in self.queryset.years()]
        return super().choices(name)

    def valid_query(self) -> dict[str, str]:
        """The filters that apply, as query parameters (to carry them to the feeds)."""
        return {name: value for name in self.filters if (value := self.selected(name))}
