from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Comptes")

    def ready(self):
        from .roles import ensure_roles_after_migrate
        from .throttle import keep_rate_limits_in_the_database

        keep_rate_limits_in_the_database()

        post_migrate.connect(ensure_roles_after_migrate, sender=self)
        from base.personal_data import register_personal_data

        from .personal_data import collect_account
        from .sso import signals  # noqa: F401

        register_personal_data("compte", _("Compte"), collect_account, order=10)
