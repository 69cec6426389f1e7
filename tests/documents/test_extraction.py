"""The text of uploaded documents is read from real PDF, DOCX, ODT and text files."""

import io

import pytest

from documents.models import PortalDocument
from documents.services.extraction import MAX_TEXT_LENGTH, extract_text
from documents.tasks import extract_document_text
from tests import factories, sample_files


def test_pdf_text_layer_is_read():
    pdf = sample_files.pdf_bytes("Grille de repérage des risques", "Médecin du travail (secteur Lens)")
    assert (
        extract_text(io.BytesIO(pdf), "grille.pdf")
        == "Grille de repérage des risques Médecin du travail (secteur Lens)"
    )


def test_docx_paragraphs_and_tables_are_read():
    docx = sample_files.docx_bytes(
        "Trame d’entretien infirmier", "Questions sur le poste", table=[["Ergonomie", "Poste assis"]]
    )
    text = extract_text(io.BytesIO(docx), "trame.DOCX")
    assert text == "Trame d’entretien infirmier Questions sur le poste Ergonomie Poste assis"


def test_odt_headings_and_paragraphs_are_read():
    odt = sample_files.odt_bytes("Compte rendu du comité", "Décision : lancer trois micro-projets.")
    text = extract_text(io.BytesIO(odt), "cr.odt")
    assert "Compte rendu du comité" in text
    assert "Décision : lancer trois micro-projets." in text


def test_plain_text_in_utf8_and_windows_encoding():
    assert extract_text(io.BytesIO("Équipe pluridisciplinaire".encode()), "note.txt") == "Équipe pluridisciplinaire"
    assert (
        extract_text(io.BytesIO("Équipe pluridisciplinaire".encode("cp1252")), "note.txt")
        == "Équipe pluridisciplinaire"
    )


def test_whitespace_is_collapsed_and_length_is_capped():
    assert extract_text(io.BytesIO(b"un\n\n  deux\ttrois"), "a.txt") == "un deux trois"
    huge = ("mot " * (MAX_TEXT_LENGTH // 2)).encode()
    assert len(extract_text(io.BytesIO(huge), "a.txt")) == MAX_TEXT_LENGTH


def test_corrupt_pdf_gives_empty_text_without_raising():
    assert extract_text(io.BytesIO(sample_files.corrupt_pdf_bytes()), "abime.pdf") == ""


def test_a_docx_that_is_not_one_gives_empty_text():
    assert extract_text(io.BytesIO(b"pas un fichier Word"), "faux.docx") == ""


def test_unsupported_types_give_empty_text():
    assert extract_text(io.BytesIO(b"PK\x03\x04..."), "archive.zip") == ""


@pytest.mark.django_db
def test_saving_a_document_extracts_its_text_once_committed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = factories.make_document(
            "trame.docx", sample_files.docx_bytes("Trame d'entretien en santé au travail"), title="Trame"
        )
    document.refresh_from_db()
    assert document.extracted_text == "Trame d'entretien en santé au travail"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("grille.pdf", sample_files.pdf_bytes("Grille ergonomique des postes"), "Grille ergonomique des postes"),
        ("cr.odt", sample_files.odt_bytes("Compte rendu", "Atelier de Béthune"), "Compte rendu Atelier de Béthune"),
        ("note.txt", b"Note de cadrage", "Note de cadrage"),
    ],
)
def test_task_stores_the_text_of_each_format(filename, content, expected):
    document = factories.make_document(filename, content)  # no commit here: the task is run by hand
    assert PortalDocument.objects.get(pk=document.pk).extracted_text == ""
    extract_document_text.call(document.pk)
    assert PortalDocument.objects.get(pk=document.pk).extracted_text == expected


@pytest.mark.django_db
def test_task_ignores_a_deleted_document():
    extract_document_text.call(123456)  # must not raise
