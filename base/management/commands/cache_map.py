from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from base.caches import map_table

README = Path(settings.BASE_DIR) / "README.md"
TABLE_START = "| entrée | où |"


def with_table(text: str, table: str) -> str:
    """The README with its cache map table (the Markdown table starting with TABLE_START) replaced."""
    lines = text.splitlines(keepends=True)
    start = next(index for index, line in enumerate(lines) if line.startswith(TABLE_START))
    end = next((index for index in range(start, len(lines)) if not lines[index].startswith("|")), len(lines))
    return "".join(lines[:start]) + table + "".join(lines[end:])


class Command(BaseCommand):
    help = "Affiche la carte de ce que le portail garde en cache (base.caches), telle que la montre le README."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="Remplacer la carte du README.md par celle-ci.")

    def handle(self, *args, **options):
        if options["write"]:
            README.write_text(with_table(README.read_text(encoding="utf-8"), map_table()), encoding="utf-8")
            self.stdout.write(f"Carte du cache écrite dans {README}.")
        else:
            self.stdout.write(map_table(), ending="")
