"""The glossary of acronyms shipped with the portal (glossaries/sigles.tsv), read as thesaurus entries.

Pure functions on text: the data migration that seeds the thesaurus and `manage.py load_glossary` both use
them, with the Synonym model each is given.
"""

from dataclasses import dataclass
from pathlib import Path

from .analysis import terms

ACRONYMS_FILE = Path(__file__).resolve().parent / "glossaries" / "sigles.tsv"
EXPANSION_SEPARATOR = "|"


@dataclass(frozen=True)
class GlossaryEntry:
    acronym: str
    expansions: tuple[str, ...]
    source: str

    @property
    def expressions(self) -> str:
        """The thesaurus' text for the entry: its expressions separated by commas. A comma inside an
        expansion ("hygiène, sécurité, environnement") would split it into unrelated synonyms: the search
        ignores punctuation, so a space says the same."""
        parts = [self.acronym, *(" ".join(expansion.replace(",", " ").split()) for expansion in self.expansions)]
        return ", ".join(parts)

    @property
    def note(self) -> str:
        return f"Glossaire des sigles ({self.source})"


def read_glossary(path: Path = ACRONYMS_FILE) -> list[GlossaryEntry]:
    """The entries of a glossary file: lines "ACRONYM<TAB>expansion | expansion<TAB>SOURCE"; "#" starts a
    comment line."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 3:
            raise ValueError(f"{path.name}, ligne {number} : trois colonnes attendues, {len(columns)} trouvée(s).")
        acronym, expansions, source = (column.strip() for column in columns)
        parts = tuple(part.strip() for part in expansions.split(EXPANSION_SEPARATOR) if part.strip())
        entries.append(GlossaryEntry(acronym, parts, source))
    return entries


def _folded(expression: str) -> tuple[str, ...]:
    """An expression as the search reads it: case, accents, apostrophes and plurals do not tell two apart."""
    return tuple(terms(expression, for_query=True))


def missing_entries(entries: list[GlossaryEntry], existing_expressions: list[str]) -> list[GlossaryEntry]:
    """The entries whose acronym and first expansion no thesaurus entry holds together: an entry an
    administrator has edited, merged or deleted in part stays as they left it."""
    held = []
    for text in existing_expressions:
        held.append({_folded(part) for part in text.split(",") if part.strip()})
    missing = []
    for entry in entries:
        pair = {_folded(entry.acronym), _folded(entry.expansions[0])} if entry.expansions else {_folded(entry.acronym)}
        if not any(pair <= expressions for expressions in held):
            missing.append(entry)
    return missing
