"""The search parameters as the page and the API receive them: every value checked, refused ones
explained in French and dropped while the rest still applies."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .declarations import kind_labels
from .parameters import MAX_QUERY_LENGTH, SearchFilters, clean_query

MAX_PAGE_NUMBER = 10_000


def _type_choices() -> list[tuple[str, str]]:
    # Read when a form is made: a model may be declared after start-up (search.registry).
    return [("", "")] + list(kind_labels().items())


class SearchForm(forms.Form):
    type = forms.ChoiceField(required=False, choices=_type_choices)
    metier = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    groupe = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    annee = forms.IntegerField(required=False, min_value=1900, max_value=2200)
    tri = forms.ChoiceField(required=False, choices=[("", ""), ("pertinence", ""), ("date", "")])
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_NUMBER)
    tous = forms.ChoiceField(required=False, choices=[("", ""), ("1", "")])

    LABELS = {
        "type": _("type de contenu"),
        "metier": _("métier"),
        "groupe": _("groupe de travail"),
        "annee": _("année"),
        "tri": _("tri"),
        "page": _("page"),
        "tous": _("tous les résultats"),
    }

    def values(self) -> tuple[str, SearchFilters, int, list[str]]:
        """(query, filters, page number, French messages about refused values). Never raises.

        The query and the tag are free text: control characters (NUL included) are removed, not refused.
        """
        self.is_valid()
        data = dict(self.cleaned_data)
        messages = []
        for name in self.errors:
            messages.append(
                _("La valeur indiquée pour « %(label)s » n’est pas reconnue : ce critère est ignoré.")
                % {"label": self.LABELS.get(name, name)}
            )
            data[name] = None
        raw_query = str(self.data.get("q", ""))
        if len(raw_query) > MAX_QUERY_LENGTH:
            messages.append(
                _("La recherche est limitée à %(count)s caractères : la fin du texte a été ignorée.")
                % {"count": MAX_QUERY_LENGTH}
            )
        filters = SearchFilters(
            type=data.get("type") or "",
            metier=data.get("metier"),
            groupe=data.get("groupe"),
            annee=data.get("annee"),
            mot_cle=clean_query(self.data.get("mot_cle", ""))[:100],
            sort=data.get("tri") or "pertinence",
            everything=data.get("tous") == "1",
        )
        return clean_query(raw_query), filters, data.get("page") or 1, messages
