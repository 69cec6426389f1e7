from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Recherche")

    def ready(self):
        from base.models import PortalPage

        from . import signals  # noqa: F401
        from .declarations import is_declared
        from .records import prepare_model

        # base's content pages are searched whether their app declares them (search.registry) or not.
        for model in apps.get_models():
            if issubclass(model, PortalPage) and not is_declared(model):
                prepare_model(model)
