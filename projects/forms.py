from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from base.filters import SafeModelChoiceField, SafeModelMultipleChoiceField
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


class PlainTextField(CountedCharField):
    """A counted text whose control characters (NUL, escapes…) are dropped before it is validated."""

    def to_python(self, value):
        from .services.needs_text import clean_text

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
        queryset=WorkingGroupPage.objects.none(),
        required=False,
        empty_label=_("—"),
        help_text=_("Si la fiche est retenue : un micro-projet est créé dans ce groupe."),
    )

    def __init__(self, *args, sheet, reader, **kwargs):
        from .services.needs_status import allowed_statuses

        super().__init__(*args, **kwargs)
        self.sheet = sheet
        self.fields["status"].choices = [("", _("—")), *allowed_statuses(sheet.status)]
        self.fields["group"].queryset = WorkingGroupPage.objects.visible_to(reader).order_by("title")

    def save(self, by):
        """Apply the decision; the history row written, or None with the refusal added to the form's errors."""
        from .services.needs_status import change_status

        if not self.is_valid():
            return None
        data = self.cleaned_data
        try:
            return change_status(self.sheet, data["status"], by=by, reason=data["reason"], group=data["group"])
        except ValidationError as error:
            self.add_error(None, error)
            return None


class NeedCommentForm(forms.Form):
    body = PlainTextField(
        label=_("Votre commentaire"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Écrivez votre commentaire avant de l’envoyer.")},
    )

    def save(self, sheet, author):
        from .services.needs_comments import post_comment

        if not self.is_valid():
            return None
        try:
            return post_comment(sheet, author, self.cleaned_data["body"])
        except ValidationError as error:
            self.add_error("body", error)
            return None


class HideCommentForm(forms.Form):
    reason = PlainTextField(
        label=_("Motif du masquage"),
        max_length=500,
        error_messages={"required": _("Indiquez pourquoi ce commentaire est masqué.")},
    )

    def save(self, comment, by):
        from .services.needs_comments import hide_comment

        if not self.is_valid():
            return None
        try:
            return hide_comment(comment, by=by, reason=self.cleaned_data["reason"])
        except ValidationError as error:
            self.add_error("reason", error)
            return None
