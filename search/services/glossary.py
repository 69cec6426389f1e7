"""Adding the shipped glossaries (acronyms and lexicon) to the thesaurus administrators edit."""

from collections.abc import Callable

from django.db import transaction

from ..glossary import GlossaryEntry, missing_entries, shipped_entries
from ..models import Synonym


@transaction.atomic
def load_glossary(
    entries: list[GlossaryEntry] | None = None, progress: Callable[[int, int], None] | None = None
) -> int:
    """Add to the thesaurus the glossaries' entries it lacks; returns how many were added."""
    entries = shipped_entries() if entries is None else entries
    missing = missing_entries(entries, list(Synonym.objects.values_list("expressions", flat=True)))
    for done, entry in enumerate(missing, start=1):
        Synonym.objects.create(expressions=entry.expressions, broader=entry.broader_expressions, note=entry.note)
        if progress and (done % 50 == 0 or done == len(missing)):
            progress(done, len(missing))
    return len(missing)
