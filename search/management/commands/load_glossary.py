from django.core.management.base import BaseCommand

from search.services.glossary import load_glossary


class Command(BaseCommand):
    help = (
        "Ajoute au thésaurus de la recherche les entrées des glossaires livrés avec le portail "
        "(search/glossaries/sigles.tsv et lexique.tsv) qui y manquent. Les entrées existantes, modifiées ou "
        "non, restent telles quelles ; une entrée supprimée revient."
    )

    def handle(self, *args, **options):
        added = load_glossary(progress=lambda done, total: self.stdout.write(f"  {done}/{total} entrées ajoutées"))
        self.stdout.write(self.style.SUCCESS(f"{added} entrée(s) ajoutée(s) au thésaurus."))
