"""The base of every listing's filters: one place that validates the query string.

Each section's FilterSet (news/filters.py, events/filters.py…) derives from ListingFilterSet. A value
that does not validate (unknown slug, "²" for a year, a NUL byte, a number out of range) is dropped
from the filtering and reported to the reader in French; the other filters still apply.
"""

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

SLUG_MAX_LENGTH = 120


class SafeModelChoiceField(forms.ModelChoiceField):
    """A choice of object by slug or id that refuses malformed values before they reach the database."""

    default_error_messages = {"invalid_choice": _("Ce choix n’existe pas (ou plus).")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value)
        if len(value) > SLUG_MAX_LENGTH or "\x00" in value:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        if self.to_field_name in (None, "pk", "id") and not (value.isascii() and value.isdigit()):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        if self.to_field_name == "slug" and not all(c.isascii() and (c.isalnum() or c in "-_") for c in value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


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


class MetierFilter(SafeModelChoiceFilter):
    """Pages for a métier: those meant for it and those meant for everyone (PortalPageQuerySet.for_metier)."""

    def __init__(self, *args, **kwargs):
        from people.models import Metier

        kwargs.setdefault("queryset", Metier.objects.all())
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("label", _("Métier"))
        kwargs.setdefault("empty_label", _("Tous"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        return queryset.for_metier(value) if value else queryset


class ListingFilterSet(django_filters.FilterSet):
    """Filters that never break a listing: invalid values are ignored and explained, valid ones apply."""

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
        return [(str(value), str(label)) for value, label in self.form.fields[name].choices if str(value) != ""]
