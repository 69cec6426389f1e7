"""Filters of the document library: dossier (collection), type of file, métier and accessibility.

The dossiers offered are only those the reader may open (base.visibility).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from base.filters import ListingFilterSet, MetierFilter, SafeChoiceFilter, SafeModelChoiceFilter
from base.visibility import hidden_paths

from .choices import DocumentAccessibility

FILE_TYPES = [("pdf", "PDF"), ("docx", "DOCX"), ("odt", "ODT"), ("xlsx", "XLSX"), ("pptx", "PPTX")]


def visible_collections(reader):
    """The collections (below the root) whose documents the reader may open, in tree order."""
    collections = Collection.objects.filter(depth__gt=1).order_by("path")
    for path in hidden_paths(reader, "collection"):
        collections = collections.exclude(path__startswith=path)
    return collections


class CollectionFilter(SafeModelChoiceFilter):
    """Documents of a dossier and of its sub-dossiers."""

    def filter(self, queryset, value):
        return queryset.filter(collection__path__startswith=value.path) if value else queryset


class DocumentMetierFilter(MetierFilter):
    """Documents meant for a métier, and those meant for everyone (no métier chosen), as for pages."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        model = queryset.model
        targeted = model.objects.filter(metiers=value).values("pk")
        for_someone = model.objects.filter(metiers__isnull=False).values("pk")
        return queryset.filter(Q(pk__in=targeted) | ~Q(pk__in=for_someone))


class DocumentFilterSet(ListingFilterSet):
    collection = CollectionFilter(
        label=_("Dossier"), queryset=Collection.objects.none(), to_field_name="pk", empty_label=_("Tous")
    )
    type = SafeChoiceFilter(label=_("Type de fichier"), choices=FILE_TYPES, method="filter_type")
    metier = DocumentMetierFilter()
    accessibility = SafeChoiceFilter(
        label=_("Accessibilité"), choices=DocumentAccessibility.choices, method="filter_accessibility"
    )

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset=queryset, request=request, **kwargs)
        self.filters["collection"].queryset = visible_collections(request)

    def filter_accessibility(self, queryset, name, value):
        return queryset.with_accessibility(value) if value else queryset

    def filter_type(self, queryset, name, value):
        return queryset.filter(file__iendswith=f".{value}") if value else queryset
