from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projet de service")

    def ready(self):
        from base.page_cache import shows_in_pages
        from base.personal_data import register_personal_data

        from . import signals  # noqa: F401
        from .personal_data import collect_comments, collect_needs_sheets, collect_supports

        # The dashboard counts needs sheets by status from their history.
        shows_in_pages("projects.NeedsStatusChange")
        register_personal_data("fiches_besoins", _("Fiches besoins déposées"), collect_needs_sheets, order=60)
        register_personal_data("commentaires", _("Commentaires des fiches besoins"), collect_comments, order=70)
        register_personal_data("soutiens", _("« Je suis concerné·e »"), collect_supports, order=80)
