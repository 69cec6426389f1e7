"""`manage.py update_index`: Wagtail's index rebuild, with a count of objects indexed per model, then the
search records of deleted objects removed and each word's count of items recomputed."""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as RebuildCommand
from tqdm import tqdm

from search.indexing import rebuild_vocabulary_counts


class Command(RebuildCommand):
    help = "Reconstruit l’index de recherche (pages, documents, personnes) et son vocabulaire."

    def print_iter_progress(self, iterable):
        with tqdm(unit=" objets", disable=self.verbosity == 0, leave=True, dynamic_ncols=True) as progress:
            for chunk in iterable:
                yield chunk
                progress.update(len(chunk))

    def handle(self, **options):
        super().handle(**options)
        removed, words = rebuild_vocabulary_counts()
        if options["verbosity"]:
            self.stdout.write(f"Vocabulaire : {words} mots ; {removed} fiches d’objets supprimés retirées.")
