from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projet de service")

    def ready(self):
        from base.page_cache import shows_in_pages

        from . import signals  # noqa: F401

        # The dashboard counts needs sheets by status from their history.
        shows_in_pages("projects.NeedsStatusChange")
