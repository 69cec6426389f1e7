import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.content import DemoDataError
from demo.loader import load_demo
from importer.records import ImportFailed

# Printed instead of a demo password that no longer signs in: changed since, and not set back.
PASSWORD_KEPT = "(modifié, conservé)"


class Command(BaseCommand):
    # `make run` starts the server next, which runs the system checks: no need to run them twice.
    requires_system_checks = []
    help = (
        "Charge le contenu et les comptes de démonstration (rubriques, annuaire, groupes de travail, "
        "actualités, agenda, études de cas, documents). Ne crée que ce qui manque : ce qui existe, modifié "
        "ou non, est laissé tel quel, et personne n’est prévenu."
    )

    def handle(self, *args, **options):
        if not settings.PORTAL_DEMO:
            raise CommandError(
                "Chargement de la démonstration refusé : PORTAL_DEMO est désactivé (c’est toujours le cas "
                "en production), et les comptes de démonstration ont des mots de passe connus."
            )
        started = time.monotonic()
        try:
            accounts = load_demo(log=self.stdout.write)
        except DemoDataError as problem:
            raise CommandError(f"Données de démonstration invalides :\n{problem}") from None
        except ImportFailed as failure:
            details = "\n".join(str(error) for error in failure.errors)
            raise CommandError(f"Données de démonstration invalides :\n{details}") from None
        self.stdout.write(
            self.style.SUCCESS(f"Démonstration prête en {time.monotonic() - started:.1f} s.".replace(".", ",", 1))
        )
        self._print_accounts(accounts)

    def _print_accounts(self, accounts):
        rows = [("Profil", "E-mail", "Mot de passe")] + [
            (
                loaded.account.persona,
                loaded.account.email,
                PASSWORD_KEPT if loaded.password_changed else loaded.account.password,
            )
            for loaded in accounts
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("")
        self.stdout.write("Comptes de démonstration (mots de passe de démonstration uniquement) :")
        for number, row in enumerate(rows):
            self.stdout.write("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
            if number == 0:
                self.stdout.write("  " + "  ".join("-" * width for width in widths))
        if any(loaded.password_changed for loaded in accounts):
            self.stdout.write(f"  {PASSWORD_KEPT} : mot de passe changé depuis la création du compte, laissé tel quel.")
        port = os.environ.get("PORT", "8000")
        self.stdout.write("")
        self.stdout.write(f"Le portail : http://127.0.0.1:{port}/")
