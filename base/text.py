"""Text helpers shared by the apps."""

import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip accents so that "Médecin du travail" matches "medecin du TRAVAIL"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()
