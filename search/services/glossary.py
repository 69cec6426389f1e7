"""Adding the shipped glossary of acronyms to the thesaurus administrators edit."""

from collections.abc import Callable

from django.db import transaction

from ..glossary import ACRONYMS_FILE, missing_entries, read_glossary
from ..models import Synonym


@transaction.atomic
def load_glossary(path=ACRONYMS_FILE, progress: Callable[[int, int], None] | None = None) -> int:
    """Add to the thesaurus the glossary's entries it lacks; returns how many were added."""
    entries = missing_entries(read_glossary(path), list(Synonym.objects.values_list("expressions", flat=True)))
    for done, entry in enumerate(entries, start=1):
        Synonym.objects.create(expressions=entry.expressions, note=entry.note)
        if progress and (done % 50 == 0 or done == len(entries)):
            progress(done, len(entries))
    return len(entries)
