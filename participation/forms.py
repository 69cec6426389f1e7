from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NotificationPreference


class PreferenceForm(forms.ModelForm):
    """The e-mail frequency chosen in "Mes abonnements"."""

    class Meta:
        model = NotificationPreference
        fields = ["email_frequency"]
        labels = {"email_frequency": _("Recevoir les notifications par e-mail")}
        widgets = {"email_frequency": forms.RadioSelect}
        help_texts = {
            "email_frequency": _(
                "Les résumés partent à 7\u00a0h : chaque jour, ou chaque lundi. Les décisions sur vos fiches besoins "
                "arrivent aussitôt, sauf avec «\u00a0Aucun e-mail\u00a0»."
            )
        }
        error_messages = {
            "email_frequency": {
                "invalid_choice": _("Choisissez une des fréquences proposées."),
                "required": _("Choisissez une fréquence d’envoi."),
            }
        }
