from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Suivi et notifications")

    def ready(self):
        from . import signals  # noqa: F401
