"""The base of every listing's filters: one place that validates the query string.

Each section's FilterSet (news/filters.py, events/filters.py…) derives from ListingFilterSet. A value
that does not validate (unknown slug, "²" for a year, a NUL byte, a number out of range) is dropped
from the filtering and reported to the reader in French; the other filters still apply.
"""

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from django_filters.filterset import remote_queryset
from taggit.models import Tag

SLUG_MAX_LENGTH = 120


class SafeModelChoiceField(forms.ModelChoiceField):
    """A choice of object by slug or id that refuses malformed values before they reach the database.

    The choices are read once, for both validating the value and drawing the <select>.
    """

    default_error_messages = {"invalid_choice": _("Ce choix n’existe pas (ou plus).")}
    _objects = None

    def objects(self) -> list:
        if self._objects is None:
            self._objects = list(self.queryset)
        return self._objects

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy._objects = None
        return copy

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        if len(value) > SLUG_MAX_LENGTH or "\x00" in value:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        key = self.to_field_name or "pk"
        for candidate in self.objects():
            if str(getattr(candidate, key)) == value:
                return candidate
        raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")

    def choice_pairs(self) -> list[tuple[str, str]]:
        key = self.to_field_name or "pk"
        return [(str(getattr(item, key)), str(self.label_from_instance(item))) for item in self.objects()]


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several objects by id (checkboxes): a malformed or unknown value is refused before any query
    (an id no column holds would otherwise overflow the database's integer)."""

    default_error_messages = {"invalid_choice": _("Ce choix n’existe pas (ou plus).")}

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        known = {str(getattr(item, key)): item for item in self.queryset}
        chosen = []
        for item in value:
            item = str(item)
            if item not in known:
                raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
            chosen.append(known[item])
        return self.queryset.filter(**{f"{key}__in": [getattr(item, key) for item in chosen]})


class SafeModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = SafeModelChoiceField


class SafeChoiceField(forms.ChoiceField):
    default_error_messages = {"invalid_choice": _("Ce choix n’existe pas.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.validators.append(ProhibitNullCharactersValidator())


class SafeChoiceFilter(django_filters.ChoiceFilter):
    field_class = SafeChoiceField


class YearField(forms.IntegerField):
    """A year written with ASCII digits, within what the listings can hold."""

    default_error_messages = {"invalid": _("Indiquez une année sur quatre chiffres, par exemple 2026.")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2999)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value not in self.empty_values and not (str(value).isascii() and str(value).strip().isdigit()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


class RelatedModelChoiceFilter(SafeModelChoiceFilter):
    """A choice among the objects the listed items point to through a relation (`relation`, else the filter's
    field), all of them, when no queryset is given: the filter names the relation, not the other model."""

    relation = ""

    def get_queryset(self, request):
        if self.queryset is None:
            return remote_queryset(self.model._meta.get_field(self.relation or self.field_name))
        return super().get_queryset(request)


class MetierFilter(RelatedModelChoiceFilter):
    """Pages for a métier: those meant for it and those meant for everyone (PortalPageQuerySet.for_metier).

    The métiers offered are all those the listed items may be meant for (their `metiers` relation)."""

    relation = "metiers"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("label", _("Métier"))
        kwargs.setdefault("empty_label", _("Tous"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        return queryset.for_metier(value) if value else queryset


class TagFilter(SafeModelChoiceFilter):
    """A tag, by slug, carried by at least one of the listed items (those the reader may see): the
    "Mots-clés" links of the pages lead here. ListingFilterSet sets its choices."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Tag.objects.none())
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("label", _("Mot-clé"))
        kwargs.setdefault("empty_label", _("Tous"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        return queryset.tagged(value) if value else queryset


class ListingFilterSet(django_filters.FilterSet):
    """Filters that never break a listing: invalid values are ignored and explained, valid ones apply."""

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset=queryset, request=request, **kwargs)
        for filter_ in self.filters.values():
            if isinstance(filter_, TagFilter):
                filter_.queryset = self.queryset.tags()

    @property
    def messages(self) -> list[str]:
        """One French sentence per refused value, naming the filter."""
        if not self.is_bound:
            return []
        return [
            f"{self.filters[name].label} : {error}"
            for name, errors in self.form.errors.items()
            if name in self.filters
            for error in errors
        ]

    def selected(self, name: str) -> str:
        """The valid value of a filter, as it appears in the query string ("" when none or refused)."""
        if not self.is_bound:
            return ""
        self.form.is_valid()  # fills cleaned_data with the valid values only
        value = self.form.cleaned_data.get(name)
        if value in (None, ""):
            return ""
        to_field = self.filters[name].extra.get("to_field_name")
        if to_field and hasattr(value, to_field):
            return str(getattr(value, to_field))
        return str(getattr(value, "pk", value))

    def choices(self, name: str) -> list[tuple[str, str]]:
        """(value, label) pairs of a filter's <select>, without the empty choice."""
        field = self.form.fields[name]
        if isinstance(field, SafeModelChoiceField):
            return field.choice_pairs()
        return [(str(value), str(label)) for value, label in self.form.fields[name].choices if str(value) != ""]
