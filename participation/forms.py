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
        error_messages = {
            "email_frequency": {
                "invalid_choice": _("Choisissez une des fréquences proposées."),
                "required": _("Choisissez une fréquence d’envoi."),
            }
        }
