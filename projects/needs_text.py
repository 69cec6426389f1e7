"""Plain text typed on a needs sheet (comments, reasons): what is kept of it."""

import unicodedata


def clean_text(value: str) -> str:
    """The text without control characters (NUL, escapes…), line breaks and tabs kept, trimmed."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    kept = (char for char in value if char in "\n\t" or unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co"})
    return "".join(kept).strip()
