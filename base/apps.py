from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    name = "base"
    verbose_name = _("Socle")

    def ready(self):
        from . import page_cache, sites  # noqa: F401  (sites connects the signals that clear the cached sites)
        from .notifications import connect_notifiers

        page_cache.connect()
        connect_notifiers()
