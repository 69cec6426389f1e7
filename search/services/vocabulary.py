"""The index's own words, kept in memory per process: completing a word being typed and correcting typos.

Reloaded when the search records changed, whichever process changed them (the task worker indexes):
their highest id and their count, read in one query, say so.
"""

import bisect
import math
from dataclasses import dataclass, field

from django.db.models import Count, Max
from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..models import IndexedWord, SearchRecord

# Completions offered for a word being typed, the most frequent first.
MAX_COMPLETIONS = 8
MIN_PREFIX_LENGTH = 3


@dataclass
class Vocabulary:
    version: tuple | None = None
    # Folded word → (word as written, its term, items holding it), the most frequent spelling kept.
    words: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    sorted_words: list[str] = field(default_factory=list)
    # Term → items holding one of its words (an upper bound: summed over words).
    terms: dict[str, int] = field(default_factory=dict)
    items: int = 0
    by_initial: dict[str, list[str]] = field(default_factory=dict)

    def knows(self, term: str) -> bool:
        return term in self.terms

    def idf(self, term: str) -> float:
        """How telling a term is: rare terms weigh more than common ones."""
        holding = self.terms.get(term, 0)
        return math.log(1 + (self.items + 1) / (holding + 1))

    def completions(self, folded_prefix: str) -> list[tuple[str, str]]:
        """(word, term) of the indexed words starting with the prefix, the most frequent first."""
        if len(folded_prefix) < MIN_PREFIX_LENGTH:
            return []
        start = bisect.bisect_left(self.sorted_words, folded_prefix)
        found = []
        for folded in self.sorted_words[start:]:
            if not folded.startswith(folded_prefix):
                break
            found.append(self.words[folded])
        found.sort(key=lambda entry: -entry[2])
        return [(word, term) for word, term, _count in found[:MAX_COMPLETIONS]]

    def correction(self, folded_word: str) -> tuple[str, str] | None:
        """(word, term) of the closest indexed word to a misspelt one, or None.

        One edit allowed from five letters, two from eight; the first letter is trusted.
        """
        allowed = 2 if len(folded_word) >= 8 else 1 if len(folded_word) >= 5 else 0
        candidates = self.by_initial.get(folded_word[:1], []) if allowed else []
        matches = process.extract(folded_word, candidates, scorer=OSA.distance, score_cutoff=allowed, limit=10)
        if not matches:
            return None
        best = min(matches, key=lambda match: (match[1], -self.words[match[0]][2]))
        word, term, _count = self.words[best[0]]
        return word, term


_current = Vocabulary()


def _load(version: tuple) -> Vocabulary:
    vocabulary = Vocabulary(version=version, items=version[1])
    for word, folded, term, documents in IndexedWord.objects.filter(documents__gt=0).values_list(
        "word", "folded", "term", "documents"
    ):
        known = vocabulary.words.get(folded)
        if known is None or known[2] < documents:
            vocabulary.words[folded] = (word, term, documents)
        vocabulary.terms[term] = vocabulary.terms.get(term, 0) + documents
    vocabulary.sorted_words = sorted(vocabulary.words)
    for folded in vocabulary.sorted_words:
        if len(folded) >= 4:
            vocabulary.by_initial.setdefault(folded[:1], []).append(folded)
    return vocabulary


def current_vocabulary() -> Vocabulary:
    global _current
    state = SearchRecord.objects.aggregate(last=Max("pk"), count=Count("pk"))
    version = (state["last"], state["count"])
    if _current.version != version:
        _current = _load(version)
    return _current


def forget_loaded_vocabulary():
    """For tests: a rolled-back transaction can leave the same record ids and count with other words."""
    global _current
    _current = Vocabulary()
