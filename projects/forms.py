from django import forms
from django.utils.translation import gettext_lazy as _

from people.models import Metier

from .models import WorkingGroupPage

TOO_LONG = _(
    "Ce texte compte %(show_value)d caractères, pour %(limit_value)d au plus : raccourcissez-le. "
    "Tout ce que vous avez écrit est conservé ci-dessous."
)


class CountedCharField(forms.CharField):
    """A text with a length limit that the browser does not enforce by cutting what is pasted.

    The server refuses a text over the limit (keeping it in the form); the page shows a live counter
    (projects/static/projects/needs_form.js) from the data-max-length attribute.
    """

    def __init__(self, *args, **kwargs):
        error_messages = {"max_length": TOO_LONG, **kwargs.pop("error_messages", {})}
        super().__init__(*args, error_messages=error_messages, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if attrs.pop("maxlength", None) is not None:
            attrs["data-max-length"] = str(self.max_length)
        return attrs


class NeedsSheetForm(forms.Form):
    """What a staff member fills in to raise a need from the field."""

    title = CountedCharField(
        label=_("Intitulé du besoin"),
        max_length=200,
        error_messages={"required": _("Donnez un intitulé court à votre besoin.")},
    )
    need = CountedCharField(
        label=_("Besoin identifié"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Décrivez le besoin que vous avez identifié.")},
    )
    context = CountedCharField(
        label=_("Contexte / constat"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000
    )
    expected_benefits = CountedCharField(
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

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        if request is not None:
            # Only the groups this reader may open can be suggested.
            groups = WorkingGroupPage.objects.visible_to(request).order_by("title")
            self.fields["suggested_group"].queryset = groups
