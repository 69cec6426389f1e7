"""Extract the plain text of uploaded documents (PDF, DOCX, ODT, text) so search can find it."""

import logging
from pathlib import PurePath
from typing import BinaryIO

from odf import teletype
from odf.opendocument import load
from odf.text import H, P

logger = logging.getLogger("portal.documents")

# Enough for any working document; keeps one huge file from bloating the search index.
MAX_TEXT_LENGTH = 500_000


def _pdf_text(stream: BinaryIO) -> str:
    # pypdf and python-docx are slow to import: only the process that reads an upload loads them.
    from pypdf import PdfReader  # noqa: PLC0415

    reader = PdfReader(stream)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(stream: BinaryIO) -> str:
    # Slow to import, as pypdf above.
    import docx  # noqa: PLC0415

    document = docx.Document(stream)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _odf_text(stream: BinaryIO) -> str:
    document = load(stream)
    elements = document.getElementsByType(H) + document.getElementsByType(P)
    return "\n".join(teletype.extractText(element) for element in elements)


def _plain_text(stream: BinaryIO) -> str:
    raw = stream.read(MAX_TEXT_LENGTH * 4)
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


EXTRACTORS = {
    "pdf": _pdf_text,
    "docx": _docx_text,
    "odt": _odf_text,
    "odp": _odf_text,
    "ods": _odf_text,
    "txt": _plain_text,
    "csv": _plain_text,
}


class ExtractionError(Exception):
    """The file has a supported type but its text could not be read (damaged, protected…)."""


def is_supported(filename: str) -> bool:
    return PurePath(filename).suffix.lower().lstrip(".") in EXTRACTORS


def read_text(stream: BinaryIO, filename: str) -> str:
    """The text of a document of a supported type (see is_supported); ExtractionError when unreadable."""
    extension = PurePath(filename).suffix.lower().lstrip(".")
    try:
        text = EXTRACTORS[extension](stream)
    except Exception as error:  # any parser error means the same thing to the editor
        raise ExtractionError(str(error) or error.__class__.__name__) from error
    return " ".join(text.split())[:MAX_TEXT_LENGTH]


def extract_text(stream: BinaryIO, filename: str) -> str:
    """Return the text of a document, or "" when its type is not supported or the file is unreadable."""
    if not is_supported(filename):
        return ""
    try:
        return read_text(stream, filename)
    except ExtractionError:
        logger.warning("Text extraction failed for %s", filename, exc_info=True)
        return ""
