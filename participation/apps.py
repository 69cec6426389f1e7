from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Suivi et notifications")

    def ready(self):
        from base.personal_data import register_personal_data

        from . import signals  # noqa: F401
        from .personal_data import collect_email_deliveries, collect_follows, collect_notifications

        register_personal_data("abonnements", _("Abonnements et préférence d’e-mail"), collect_follows, order=30)
        register_personal_data("notifications", _("Notifications"), collect_notifications, order=40)
        register_personal_data("envois", _("E-mails envoyés ou prévus"), collect_email_deliveries, order=50)
