"""The glossaries shipped with the portal, read as thesaurus entries: the field's acronyms
(glossaries/sigles.tsv) and its lexicon, technical words with the everyday words staff use for them and
their broader terms (glossaries/lexique.tsv).

Pure functions on text: the data migrations that seed the thesaurus and `manage.py load_glossary` use
them, with the Synonym model each is given.
"""

from dataclasses import dataclass
from pathlib import Path

from .analysis import terms

GLOSSARIES = Path(__file__).resolve().parent / "glossaries"
ACRONYMS_FILE = GLOSSARIES / "sigles.tsv"
LEXICON_FILE = GLOSSARIES / "lexique.tsv"
EXPANSION_SEPARATOR = "|"


@dataclass(frozen=True)
class GlossaryEntry:
    """A line of a glossary: its head (the acronym, or the lexicon's reference term), the expressions
    equivalent to it, its broader terms (lexicon only) and its source."""

    acronym: str
    expansions: tuple[str, ...]
    source: str
    broader: tuple[str, ...] = ()
    glossary: str = "Glossaire des sigles"

    @property
    def expressions(self) -> str:
        """The thesaurus' text for the entry: its expressions separated by commas."""
        return _listed([self.acronym, *self.expansions])

    @property
    def broader_expressions(self) -> str:
        return _listed(self.broader)

    @property
    def note(self) -> str:
        return f"{self.glossary} ({self.source})"


def _listed(expressions) -> str:
    # A comma inside an expression ("hygiène, sécurité, environnement") would split it into unrelated
    # synonyms: the search ignores punctuation, so a space says the same.
    return ", ".join(" ".join(expression.replace(",", " ").split()) for expression in expressions)


def _parts(column: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in column.split(EXPANSION_SEPARATOR) if part.strip())


def _data_lines(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = [column.strip() for column in line.split("\t")]
        if len(columns) != 3:
            raise ValueError(f"{path.name}, ligne {number} : trois colonnes attendues, {len(columns)} trouvée(s).")
        yield number, columns


def read_glossary(path: Path = ACRONYMS_FILE) -> list[GlossaryEntry]:
    """The entries of the acronyms' file: lines "ACRONYM<TAB>expansion | expansion<TAB>SOURCE"; "#" starts
    a comment line."""
    return [
        GlossaryEntry(acronym, _parts(expansions), source)
        for _number, (acronym, expansions, source) in _data_lines(path)
    ]


def read_lexicon(path: Path = LEXICON_FILE) -> list[GlossaryEntry]:
    """The entries of the lexicon: lines "term | equivalent | equivalent<TAB>broader | broader<TAB>SOURCE",
    the broader column possibly empty."""
    entries = []
    for number, (expressions, broader, source) in _data_lines(path):
        parts = _parts(expressions)
        if len(parts) < 2:
            raise ValueError(f"{path.name}, ligne {number} : au moins deux expressions équivalentes attendues.")
        entries.append(GlossaryEntry(parts[0], parts[1:], source, _parts(broader), "Lexique de la santé au travail"))
    return entries


def shipped_entries() -> list[GlossaryEntry]:
    return read_glossary() + read_lexicon()


def _folded(expression: str) -> tuple[str, ...]:
    """An expression as the search reads it: case, accents, apostrophes and plurals do not tell two apart."""
    return tuple(terms(expression, for_query=True))


def missing_entries(entries: list[GlossaryEntry], existing_expressions: list[str]) -> list[GlossaryEntry]:
    """The entries whose head and first equivalent no thesaurus entry holds together: an entry an
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
