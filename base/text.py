"""Text helpers shared by the apps."""

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip accents so that "Médecin du travail" matches "medecin du TRAVAIL"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


# The search backends build one nested condition per word: a long query is cut to its first words.
MAX_QUERY_WORDS = 32


def search_words(text: str) -> str:
    """The words of a search query, without the punctuation search engines read as syntax (quotes, brackets…)."""
    return " ".join(re.findall(r"\w+", text or ""))


def query_words(query: str) -> str:
    """The words a search engine receives: no query syntax, at most MAX_QUERY_WORDS words."""
    return " ".join(search_words(query).split()[:MAX_QUERY_WORDS])
