from django import forms
from django.utils.translation import gettext_lazy as _

from people.models import Metier

from .models import WorkingGroupPage


class NeedsSheetForm(forms.Form):
    """What a staff member fills in to raise a need from the field."""

    title = forms.CharField(
        label=_("Intitulé du besoin"),
        max_length=200,
        error_messages={"required": _("Donnez un intitulé court à votre besoin.")},
    )
    need = forms.CharField(
        label=_("Besoin identifié"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Décrivez le besoin que vous avez identifié.")},
    )
    context = forms.CharField(
        label=_("Contexte / constat"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000
    )
    expected_benefits = forms.CharField(
        label=_("Bénéfices attendus"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=3000
    )
    metiers = forms.ModelMultipleChoiceField(
        label=_("Métiers concernés"),
        queryset=Metier.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    suggested_group = forms.ModelChoiceField(
        label=_("Groupe de travail pressenti"),
        queryset=WorkingGroupPage.objects.live().order_by("title"),
        required=False,
        empty_label=_("Je ne sais pas"),
    )
