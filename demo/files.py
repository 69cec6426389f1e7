"""Real PDF, DOCX and ODT files for the demo library, built from a title and text sections.

The files have a real text layer, so the library's text extraction and search work on them.
"""

import io
import textwrap
from dataclasses import dataclass

import docx
from odf import teletype
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, P

PDF_LINE_WIDTH = 90  # characters of Helvetica 11 pt across an A4 page with 50 pt margins
PDF_LINES_PER_PAGE = 52


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


def _pdf_string(text: str) -> bytes:
    # WinAnsiEncoding (cp1252) covers French: é, è, à, ç, œ, ’, «, ».
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_lines(title: str, sections: list[Section]) -> list[tuple[str, bool]]:
    """(text, is_heading) lines, wrapped to the page width."""
    lines = [(title, True), ("", False)]
    for section in sections:
        lines.append((section.heading, True))
        for paragraph in section.paragraphs:
            lines += [(line, False) for line in textwrap.wrap(paragraph, PDF_LINE_WIDTH)]
            lines.append(("", False))
    return lines


def build_pdf(title: str, sections: list[Section]) -> bytes:
    """A minimal PDF 1.4 with one text stream per page, in Helvetica."""
    lines = _pdf_lines(title, sections)
    pages = [lines[i : i + PDF_LINES_PER_PAGE] for i in range(0, len(lines), PDF_LINES_PER_PAGE)]
    page_ids = [5 + 2 * n for n in range(len(pages))]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % pid for pid in page_ids) + b"] /Count %d >>" % len(pages),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    }
    for page_id, page_lines in zip(page_ids, pages, strict=True):
        stream = [b"BT", b"14 TL", b"50 792 Td"]
        for text, is_heading in page_lines:
            stream.append((b"/F2 12 Tf " if is_heading else b"/F1 11 Tf ") + _pdf_string(text) + b" Tj T*")
        stream.append(b"ET")
        content = b"\n".join(stream)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    info_id = max(objects) + 1
    objects[info_id] = b"<< /Title " + _pdf_string(title) + b" /Producer (Intranet projet de service) >>"

    output = io.BytesIO()
    output.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = output.tell()
        output.write(b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n")
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (info_id + 1))
    for number in range(1, info_id + 1):
        output.write(b"%010d 00000 n \n" % offsets[number])
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (info_id + 1, info_id, xref)
    )
    return output.getvalue()


def build_docx(title: str, sections: list[Section]) -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=0)
    for section in sections:
        document.add_heading(section.heading, level=1)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def build_odt(title: str, sections: list[Section]) -> bytes:
    document = OpenDocumentText()
    heading_style = Style(name="Titre", family="paragraph")
    heading_style.addElement(TextProperties(fontsize="14pt", fontweight="bold"))
    document.styles.addElement(heading_style)

    def add(element_class, text, **kwargs):
        element = element_class(**kwargs)
        teletype.addTextToElement(element, text)
        document.text.addElement(element)

    add(H, title, outlinelevel=1, stylename=heading_style)
    for section in sections:
        add(H, section.heading, outlinelevel=2, stylename=heading_style)
        for paragraph in section.paragraphs:
            add(P, paragraph)
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


BUILDERS = {"pdf": build_pdf, "docx": build_docx, "odt": build_odt}


def build_file(file_format: str, title: str, sections: list[Section]) -> bytes:
    return BUILDERS[file_format](title, sections)
