from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("Annuaire")

    def ready(self):
        from base.personal_data import register_personal_data

        from . import search_source  # noqa: F401
        from .personal_data import collect_directory_card

        register_personal_data("fiche_annuaire", _("Fiche de l’annuaire"), collect_directory_card, order=20)
