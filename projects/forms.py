"""The needs sheets' forms: what a staff member fills in, what an officer decides, comments and their moderation.

They validate what is typed; the views hand the cleaned data to the services (projects.services). The
working groups offered are given by the caller: those the reader may open.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from base.filters import SafeModelChoiceField, SafeModelMultipleChoiceField
from people.models import Metier

from .choices import allowed_statuses
from .needs_text import clean_text

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

    def to_python(self, value):
        # Browsers send line breaks as "\r\n" but count them as one character: count them as the counter does.
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if attrs.pop("maxlength", None) is not None:
            attrs["data-max-length"] = str(self.max_length)
        return attrs


class PlainTextField(CountedCharField):
    """A counted text whose control characters (NUL, escapes…) are dropped before it is validated."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class NeedsSheetForm(forms.Form):
    """What a staff member fills in to raise a need from the field."""

    title = PlainTextField(
        label=_("Intitulé du besoin"),
        max_length=200,
        error_messages={"required": _("Donnez un intitulé court à votre besoin.")},
    )
    need = PlainTextField(
        label=_("Besoin identifié"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Décrivez le besoin que vous avez identifié.")},
    )
    context = PlainTextField(
        label=_("Contexte / constat"), widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000
    )
    expected_benefits = PlainTextField(
        label=_("Bénéfices attendus"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=3000
    )
    metiers = SafeModelMultipleChoiceField(
        label=_("Métiers concernés"),
        queryset=Metier.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    suggested_group = SafeModelChoiceField(
        label=_("Groupe de travail pressenti"),
        queryset=None,
        required=False,
        empty_label=_("Je ne sais pas"),
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the groups this reader may open can be suggested.
        self.fields["suggested_group"].queryset = groups


class NeedStatusForm(forms.Form):
    """What a project officer decides on a needs sheet (projects.services.needs_status.change_status)."""

    status = forms.ChoiceField(
        label=_("Nouveau statut"),
        error_messages={"required": _("Choisissez le nouveau statut."), "invalid_choice": _("Ce statut n’existe pas.")},
    )
    reason = PlainTextField(
        label=_("Motif"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_("Obligatoire si la fiche n’est pas retenue : il est communiqué à son auteur."),
    )
    group = SafeModelChoiceField(
        label=_("Groupe de travail qui portera le micro-projet"),
        queryset=None,
        required=False,
        empty_label=_("—"),
        help_text=_("Si la fiche est retenue : un micro-projet est créé dans ce groupe."),
    )

    def __init__(self, *args, sheet, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("—")), *allowed_statuses(sheet.status)]
        self.fields["group"].queryset = groups


class NeedCommentForm(forms.Form):
    """A staff member's comment on a sheet (projects.services.needs_comments.post_comment)."""

    body = PlainTextField(
        label=_("Votre commentaire"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Écrivez votre commentaire avant de l’envoyer.")},
    )


class HideCommentForm(forms.Form):
    """Why an officer hides a comment (projects.services.needs_comments.hide_comment)."""

    reason = PlainTextField(
        label=_("Motif du masquage"),
        max_length=500,
        error_messages={"required": _("Indiquez pourquoi ce commentaire est masqué.")},
    )
