from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Gouvernance des contenus")

    def ready(self):
        from base.personal_data import register_personal_data

        from . import signals  # noqa: F401  (reviews triggered by changes, the content version kept true)
        from .personal_data import collect_reports, collect_reviews, collect_stewardships

        register_personal_data("signalements", _("Problèmes signalés sur des pages"), collect_reports, order=90)
        register_personal_data("verifications", _("Vérifications de pages"), collect_reviews, order=91)
        register_personal_data("responsable_de", _("Pages dont vous êtes responsable"), collect_stewardships, order=92)
