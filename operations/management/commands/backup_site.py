from django.core.management.base import BaseCommand, CommandError

from operations.backup import OperationFailed, backup_site


class Command(BaseCommand):
    help = (
        "Sauvegarde la base de données et les fichiers envoyés (MEDIA_ROOT) dans une archive .tar.gz, "
        "par défaut sous var/backups/. Le site reste en service pendant la sauvegarde."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Fichier .tar.gz à écrire (par défaut var/backups/portal-DATE.tar.gz).")

    def handle(self, *args, **options):
        report = self.stdout.write if options["verbosity"] > 0 else (lambda message: None)
        try:
            result = backup_site(options["output"], report)
        except OperationFailed as failure:
            raise CommandError(f"Sauvegarde impossible : {failure}") from None
        counts = result.manifest["contenu"]
        files = result.manifest["fichiers"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Sauvegarde écrite : {result.path} ({counts['pages']} pages, {counts['documents']} documents, "
                f"{counts['images']} images, {files['nombre']} fichiers)."
            )
        )
