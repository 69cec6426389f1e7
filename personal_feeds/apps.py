from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonalFeedsConfig(AppConfig):
    name = "personal_feeds"
    verbose_name = _("Flux personnels")
