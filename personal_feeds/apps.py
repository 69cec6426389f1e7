from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonalFeedsConfig(AppConfig):
    name = "personal_feeds"
    verbose_name = _("Flux personnels")

    def ready(self):
        from base.personal_data import register_personal_data

        from .personal_data import collect_feed_tokens

        register_personal_data(
            "adresses_abonnement", _("Adresse d’abonnement (secret masqué)"), collect_feed_tokens, order=90
        )
