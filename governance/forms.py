"""What readers and responsables send: a vote, a report, a review's comment, an answer to a report, a new
responsable. They validate what is typed; the views hand the cleaned data to the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from base.filters import SafeChoiceField, SafeModelChoiceField
from people.models import Person
from projects.forms import PlainTextField

from .choices import ReportStatus

REPORT_MAX_LENGTH = 1000
ANSWER_YES_OR_NO = _("Répondez par oui ou par non.")


class VoteForm(forms.Form):
    """« Cette page vous a-t-elle été utile ? »"""

    useful = SafeChoiceField(
        choices=[("oui", _("Oui")), ("non", _("Non"))],
        error_messages={"required": ANSWER_YES_OR_NO, "invalid_choice": ANSWER_YES_OR_NO},
    )

    @property
    def is_useful(self) -> bool:
        return self.cleaned_data["useful"] == "oui"


class ReportForm(forms.Form):
    """« Signaler un problème » on a page."""

    text = PlainTextField(
        label=_("Quel problème avez-vous constaté ?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REPORT_MAX_LENGTH,
        help_text=_("Une information inexacte, périmée, un lien cassé… (1000 caractères au plus)."),
        error_messages={"required": _("Décrivez le problème en quelques mots.")},
    )


class ReviewForm(forms.Form):
    """« Toujours exact », with an optional note."""

    comment = PlainTextField(
        label=_("Commentaire (facultatif)"),
        max_length=500,
        required=False,
    )


class AnswerForm(forms.Form):
    """The responsable's answer to a report, sent to the reader who made it."""

    status = SafeChoiceField(
        label=_("Suite donnée"),
        choices=[(ReportStatus.TREATED, _("Traité")), (ReportStatus.DECLINED, _("Non retenu"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez si le signalement est traité ou non retenu.")},
    )
    reply = PlainTextField(
        label=_("Réponse à la personne qui a signalé le problème"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REPORT_MAX_LENGTH,
        error_messages={
            "required": _("Écrivez une réponse : elle est envoyée à la personne qui a signalé le problème.")
        },
    )


class OwnerForm(forms.Form):
    """The responsable chosen for a page (empty: the default of its type)."""

    owner = SafeModelChoiceField(
        label=_("Responsable"),
        queryset=Person.objects.filter(user__is_active=True).order_by("last_name", "first_name"),
        required=False,
        help_text=_("Une personne de l’annuaire liée à un compte actif ; vide : le responsable par défaut."),
    )
