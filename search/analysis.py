"""French text analysis shared by indexing, querying and highlighting.

A word becomes a *term*: lower case, elision removed (l', d', qu'…), stemmed with the Snowball French
stemmer, accents folded. "Médecins", "médecin" and "medecin" give the same term, so do "formations" and
"formation". Stop words give no term; acronyms (three letters or fewer, or in the shipped glossary) are
never stemmed. A hyphenated word gives its parts and the joined word on the index
side ("musculo-squelettiques": musculo, squelet, musculosquelet) and the joined word alone on the query
side, so either spelling finds the other.

The same functions run on the indexed text and on the query, on every search engine: SQLite has no
French stemmer, and PostgreSQL's one is applied on top of this one identically on both sides.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import Stemmer

from base.text import fold

# The Snowball French stop list, plus single letters left by elisions.
SNOWBALL_FRENCH_STOP_LIST = """
au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes moi mon ne
nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d
j l à m n s t y été étée étées étés étant étante étants étantes suis es est sommes êtes sont serai seras sera
serons serez seront serais serait serions seriez seraient étais était étions étiez étaient fus fut fûmes fûtes
furent sois soit soyons soyez soient fusse fusses fût fussions fussiez fussent ayant ayante ayantes ayants eu
eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient
avais avait avions aviez avaient eut eûmes eûtes eurent aie aies ait ayons ayez aient eusse eusses eût
eussions eussiez eussent ceci cela celà cet cette ici ils les leurs quel quels quelle quelles sans soi
"""
STOP_WORDS = frozenset(fold(word) for word in SNOWBALL_FRENCH_STOP_LIST.split())

ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
APOSTROPHES = "'’ʼ`´"
# A word: letters and digits, with inner apostrophes (elisions) and hyphens (compounds).
WORD = re.compile(rf"\w+(?:[{APOSTROPHES}]\w+)*(?:-\w+(?:[{APOSTROPHES}]\w+)*)*")
_HAS_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
# A compound's parts.
PARTS = re.compile(r"[^-]+")
# Words this short are acronyms or codes (TMS, RPS, CSE): stemming would only blur them.
UNSTEMMED_LENGTH = 3
# Stemming is the slow part of indexing: the same words come back all the time.
_stemmer = Stemmer.Stemmer("french")
# The acronyms of the shipped glossary (search.glossary), however written: stemming would blur them into
# other words ("DATI" into "date", "INRS" into "inr"). Read from the file, not the thesaurus, so that the
# analysis is the same at every moment on the index side and the query side.
GLOSSARY_FILE = Path(__file__).resolve().parent / "glossaries" / "sigles.tsv"


def _glossary_acronyms() -> frozenset[str]:
    acronyms = set()
    for line in GLOSSARY_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            acronym = fold(line.split("\t", 1)[0].strip().lower())
            acronyms.update({acronym, acronym.replace("-", "")})
    return frozenset(acronyms)


NEVER_STEMMED = _glossary_acronyms()


@dataclass(frozen=True)
class Token:
    """A word of a text: where it is (for highlighting), how it was written and its term."""

    start: int
    end: int
    word: str
    term: str


@lru_cache(maxsize=100_000)
def term_of(word: str) -> str:
    """The term a single word (no elision, no hyphen) gives, or "" for a stop word."""
    lowered = unicodedata.normalize("NFC", word.lower()).replace("_", "")
    folded = fold(lowered)
    if not folded or folded in STOP_WORDS or (len(folded) == 1 and not folded.isdigit()):
        return ""
    if len(folded) <= UNSTEMMED_LENGTH or folded in NEVER_STEMMED or any(char.isdigit() for char in folded):
        return folded
    stem = fold(_stemmer.stemWord(lowered))
    # "DUER" would become "du": a stem this short says less than the word.
    return stem if len(stem) > UNSTEMMED_LENGTH - 1 else folded


def _without_elision(word: str, start: int) -> tuple[str, int]:
    if not _HAS_APOSTROPHE.search(word):
        return word, start
    for index, char in enumerate(word):
        if char in APOSTROPHES:
            if fold(word[:index]) in ELISIONS and index + 1 < len(word):
                return word[index + 1 :], start + index + 1
            break
    return word, start


def tokens(text: str, *, for_query: bool = False) -> list[Token]:
    """The words of a text with their terms, stop words left out.

    On the index side a compound gives its parts and then the joined word (spanning the compound);
    on the query side only the joined word.
    """
    found = []
    for match in WORD.finditer(text or ""):
        word, start = _without_elision(match.group(), match.start())
        if "-" in word and len(parts := [(part.start() + start, part.group()) for part in PARTS.finditer(word)]) > 1:
            joined = term_of("".join(fold(part) for _offset, part in parts))
            if not for_query:
                for offset, part in parts:
                    part_word, part_start = _without_elision(part, offset)
                    term = term_of(part_word)
                    if term:
                        found.append(Token(part_start, part_start + len(part_word), part_word, term))
            if joined:
                found.append(Token(start, start + len(word), word, joined))
            continue
        term = term_of(word)
        if term:
            found.append(Token(start, start + len(word), word, term))
    return found


def terms(text: str, *, for_query: bool = False) -> list[str]:
    """The terms of a text, in order, repeated as often as they occur."""
    return [token.term for token in tokens(text, for_query=for_query)]


def analyzed(text: str) -> str:
    """The text as the search index receives it: its terms separated by spaces."""
    return " ".join(terms(text))
