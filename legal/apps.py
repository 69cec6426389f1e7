from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Informations légales")

    def ready(self):
        from base.sites import read_with_sections

        # The footer of every page shows the statement's status: read with the home page's sections, no query.
        read_with_sections("accessibilitystatementpage__compliance_status")
