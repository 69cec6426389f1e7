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
        self.separate_inclusive_writing_in_admin_slugs()

    @staticmethod
    def separate_inclusive_writing_in_admin_slugs():
        """Wagtail's slug field, with a formatter its script applies to a title before making the slug: inclusive
        writing marks separate words there as they do on the server (base.text.title_slug)."""
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.widgets import SlugInput

        from .text import INCLUSIVE_MARKS

        widget = SlugInput(formatters=[(INCLUSIVE_MARKS, "-")])
        register_form_field_override(models.SlugField, override={"widget": widget})
