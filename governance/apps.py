from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Gouvernance des contenus")

    def ready(self):
        from . import signals  # noqa: F401  (reviews triggered by changes, the content version kept true)
