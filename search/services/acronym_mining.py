"""Acronyms the portal's own content defines — « prévention de la désinsertion professionnelle (PDP) » or
« PDP (prévention de la désinsertion professionnelle) » — that the thesaurus lacks, proposed to the
administrators who edit it. Read from the search records of what the viewer may open, so that a proposal
never comes from a page or document restricted to others."""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from base.text import fold

from ..analysis import STOP_WORDS, terms
from ..models import SearchRecord, Synonym
from .site_search import sources_for

ACRONYM = r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)?"
# « … words (ACRONYM) »: up to 12 words before the bracket; the expansion is the shortest tail of them
# whose initials spell the acronym.
WORDS_THEN_ACRONYM = re.compile(rf"((?:[^\W\d_][\w’'-]*\s+){{1,12}})\(\s*({ACRONYM})\s*\)")
ACRONYM_THEN_WORDS = re.compile(rf"\b({ACRONYM})\s*\(([^()\n]{{4,150}})\)")
MAX_PROPOSALS = 200


@dataclass
class AcronymProposal:
    acronym: str
    expansion: str
    # How many items the viewer may open define it this way.
    items: int


def _letters(acronym: str) -> str:
    return "".join(char for char in fold(acronym).lower() if char.isalpha())


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def spells(acronym: str, words: list[str]) -> bool:
    """Whether the initials of these words spell the acronym, in order, from the first word; words that
    do not give the next letter (stop words, « de la ») may be passed over."""
    letters = _letters(acronym)
    if len(letters) < 2 or not words or fold(words[0][0]).lower() != letters[0]:
        return False
    position = 0
    for word in words:
        if position < len(letters) and fold(word[0]).lower() == letters[position]:
            position += 1
    return position == len(letters)


def _tail_spelling(acronym: str, text: str) -> str:
    words = _words(text)
    for length in range(2, len(words) + 1):
        tail = words[-length:]
        if fold(tail[0]).lower() in STOP_WORDS:
            continue
        if spells(acronym, tail):
            # As written, from the first word of the tail to the end.
            start = [match.start() for match in re.finditer(r"[^\W\d_]+", text)][-length]
            return " ".join(text[start:].split())
    return ""


def definitions(text: str) -> list[tuple[str, str]]:
    """The (acronym, expansion) pairs a text defines."""
    found = []
    for match in WORDS_THEN_ACRONYM.finditer(text):
        acronym = match.group(2)
        expansion = _tail_spelling(acronym, match.group(1))
        if expansion:
            found.append((acronym, expansion))
    for match in ACRONYM_THEN_WORDS.finditer(text):
        acronym, inside = match.group(1), " ".join(match.group(2).split())
        if _letters(acronym) and spells(acronym, _words(inside)):
            found.append((acronym, inside))
    return found


def _known_pairs() -> list[set[tuple[str, ...]]]:
    return [
        {tuple(terms(part, for_query=True)) for part in synonym.expression_list}
        for synonym in Synonym.objects.only("expressions")
    ]


def proposals(reader) -> list[AcronymProposal]:
    """What the content the reader may open defines and the thesaurus lacks, most defined first."""
    counts: Counter = Counter()
    spellings: dict[tuple, Counter] = defaultdict(Counter)
    for source in sources_for(reader):
        records = SearchRecord.objects.filter(source.records)
        if source.allowed is not None:
            records = records.filter(object_id__in=[str(pk) for pk in source.allowed.values_list("pk", flat=True)])
        for text in records.values_list("text", flat=True).iterator(chunk_size=500):
            seen = set()
            for acronym, expansion in definitions(text):
                key = (fold(acronym).upper(), tuple(terms(expansion, for_query=True)))
                spellings[key][(acronym, expansion)] += 1
                seen.add(key)
            counts.update(seen)
    known = _known_pairs()
    found = []
    for key, items in counts.most_common():
        acronym_terms, expansion_terms = tuple(terms(key[0], for_query=True)), key[1]
        if any(acronym_terms in group and expansion_terms in group for group in known):
            continue
        acronym, expansion = spellings[key].most_common(1)[0][0]
        found.append(AcronymProposal(acronym, expansion, items))
        if len(found) >= MAX_PROPOSALS:
            break
    return found
