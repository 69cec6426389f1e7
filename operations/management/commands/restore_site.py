import os
import sys

from django.core.management.base import BaseCommand, CommandError

from base.caches import clear_portal_caches
from operations.backup import OperationFailed, check_restorable, read_manifest, restore_site, site_counts

CONFIRMATION = "oui"


class Command(BaseCommand):
    help = (
        "Remplace la base de données et les fichiers envoyés par ceux d'une archive de backup_site. "
        "Demande confirmation (ou --yes). Arrêtez les serveurs d'application et le travailleur avant."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Archive .tar.gz écrite par backup_site.")
        parser.add_argument("--yes", action="store_true", help="Ne pas demander de confirmation.")

    def handle(self, *args, **options):
        report = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        try:
            manifest = read_manifest(options["archive"])
            check_restorable(manifest)
        except OperationFailed as failure:
            raise CommandError(f"Restauration impossible : {failure}") from None
        counts = manifest["contenu"]
        self.stdout.write(
            f"Sauvegarde du {manifest['date']} : {counts['pages']} pages, {counts['documents']} documents, "
            f"{counts['images']} images, {manifest['fichiers']['nombre']} fichiers."
        )
        if not options["yes"]:
            self._confirm()
        try:
            restore_site(options["archive"], report)
        except OperationFailed as failure:
            raise CommandError(f"Restauration impossible : {failure}") from None
        # Cached pages, sites and sessions describe the replaced content.
        try:
            clear_portal_caches()
        except Exception as problem:  # noqa: BLE001 (a cache that does not answer only delays the refresh)
            self.stderr.write(f"Le cache n'a pas pu être vidé ({problem}) : il se renouvellera de lui-même.")
        now = site_counts()
        self.stdout.write(
            self.style.SUCCESS(
                f"Site restauré : {now['pages']} pages, {now['documents']} documents, {now['images']} images."
            )
        )
        # The database's own index came back with it; an external engine still holds the replaced content.
        if os.environ.get("SEARCH_URL"):
            self.stdout.write("Moteur de recherche externe : lancez « manage.py update_index » pour le reconstruire.")

    def _confirm(self):
        if not sys.stdin.isatty():
            raise CommandError(
                "Restauration impossible sans confirmation : ajoutez --yes pour remplacer la base et les fichiers."
            )
        answer = input(f"La base et les fichiers actuels seront remplacés. Tapez « {CONFIRMATION} » pour continuer : ")
        if answer.strip().lower() != CONFIRMATION:
            raise CommandError("Restauration annulée : rien n'a été modifié.")
