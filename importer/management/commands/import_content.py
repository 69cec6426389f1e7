import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from importer.records import ImportFailed
from importer.services import import_file

# Enough to correct a file; the count of the others is given.
MAX_ERRORS_SHOWN = 200


def tqdm_progress(stream):
    def progress(iterable, description, total):
        return tqdm(iterable, total=total, desc=description, file=stream, unit=" enreg.", mininterval=0.5, leave=True)

    return progress


class Command(BaseCommand):
    help = (
        "Importe des pages depuis un fichier JSON Lines (un objet JSON par ligne, une page par objet). "
        "Une page dont le slug existe déjà dans sa section est mise à jour. "
        "Une seule erreur dans le fichier et rien n'est importé."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Fichier .jsonl encodé en UTF-8.")
        parser.add_argument("--dry-run", action="store_true", help="Vérifie le fichier sans rien écrire.")
        parser.add_argument(
            "--progress", action="store_true", help="Affiche la progression même hors d'un terminal (journaux, CI)."
        )

    def handle(self, *args, **options):
        # tqdm writes partial lines: it needs the raw stream, not Django's line-by-line wrapper.
        stream = getattr(self.stderr, "_out", sys.stderr)
        show_progress = options["verbosity"] > 0 and (options["progress"] or stream.isatty())
        try:
            report = import_file(
                options["file"],
                dry_run=options["dry_run"],
                progress=tqdm_progress(stream) if show_progress else None,
            )
        except ImportFailed as failure:
            for error in failure.errors[:MAX_ERRORS_SHOWN]:
                self.stderr.write(str(error))
            hidden = len(failure.errors) - MAX_ERRORS_SHOWN
            if hidden > 0:
                self.stderr.write(f"… et {hidden} autre(s) erreur(s).")
            raise CommandError(f"Aucune page importée : {len(failure.errors)} erreur(s).") from None
        except KeyboardInterrupt:
            # The transaction was rolled back on the way out: the site is as it was before the command.
            raise CommandError("Import interrompu : aucune page importée.", returncode=130) from None
        self.stdout.write(self.style.SUCCESS(report.summary()))
