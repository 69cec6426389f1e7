"""Text helpers shared by the apps."""

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip accents so that "Médecin du travail" matches "medecin du TRAVAIL"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def search_words(text: str) -> str:
    """The words of a search query, without the punctuation search engines read as syntax (quotes, brackets…)."""
    return " ".join(re.findall(r"\w+", text or ""))
