"""The document library: only the documents the reader may open, safe filters, text read in the background."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection

from documents.models import PortalDocument, TextStatus
from tests import factories, sample_files
from tests.utils import assert_query_budget, assert_shown_only_to_members, page_text

# What the site layout costs on every page (see tests/knowledge/test_knowledge_visibility.py).
REFUSED = "Certains filtres n’ont pas été appliqués"


def _upload(client, filename, content, title):
    data = {
        "title": title,
        "file": SimpleUploadedFile(filename, content),
        "collection": Collection.get_first_root_node().pk,
        "description": "",
    }
    return client.post(reverse("wagtaildocs:add"), data)


@pytest.mark.django_db
def test_library_lists_restricted_documents_to_members_only(reader_client, member_client, library, committee_folder):
    factories.make_document("cr.txt", b"Compte rendu", title="Compte rendu du comité", collection=committee_folder)
    factories.make_document("charte.txt", b"Charte", title="Charte ouverte")
    assert_shown_only_to_members(reader_client, member_client, library.url, "Compte rendu du comité")
    assert "Charte ouverte" in page_text(reader_client.get(library.url))


@pytest.mark.django_db
def test_collection_choices_are_the_collections_the_reader_may_open(
    reader_client, member_client, library, committee_folder
):
    Collection.get_first_root_node().add_child(name="Dossier ouvert")
    assert_shown_only_to_members(reader_client, member_client, library.url, "Dossier du comité")
    assert "Dossier ouvert" in page_text(reader_client.get(library.url))
    # Asking for the hidden collection by its id is refused, with the French message.
    response = reader_client.get(library.url + f"?collection={committee_folder.pk}")
    assert response.status_code == 200
    assert REFUSED in page_text(response).replace("'", "’")


@pytest.mark.django_db
def test_collection_filter_keeps_the_documents_of_the_collection_and_below(reader_client, library):
    folder = Collection.get_first_root_node().add_child(name="Ergonomie")
    below = folder.add_child(name="Grilles")
    factories.make_document("a.txt", b"a", title="Guide ergonomie", collection=folder)
    factories.make_document("b.txt", b"b", title="Grille de poste", collection=below)
    factories.make_document("c.txt", b"c", title="Note sans dossier")
    text = page_text(reader_client.get(library.url + f"?collection={folder.pk}"))
    assert "Guide ergonomie" in text and "Grille de poste" in text and "Note sans dossier" not in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?collection=²",
        "?collection=%00",
        "?collection=999999999999999999999999",
        "?collection=" + "1" * 5000,
        "?type=exe",
        "?type=%00",
        "?type=" + "p" * 5000,
        "?metier=inconnu",
        "?metier=%00",
    ],
)
def test_hostile_filter_values_never_break_the_library(reader_client, library, query):
    factories.make_document("note.txt", b"Note", title="Note visible")
    response = reader_client.get(library.url + query)
    assert response.status_code == 200
    text = page_text(response)
    assert REFUSED in text.replace("'", "’")
    assert "Note visible" in text


@pytest.mark.django_db
def test_a_search_of_hundreds_of_words_answers(reader_client, library):
    factories.make_document("note.txt", b"Note", title="Note visible")
    words = " ".join(f"mot{i}" for i in range(500))
    assert reader_client.get(library.url, {"q": words}).status_code == 200
    assert reader_client.get(library.url, {"q": "x" * 20000 + " %00 ²"}).status_code == 200


@pytest.mark.django_db
def test_library_query_budget(reader_client, library, committee_folder):
    metier = factories.MetierFactory(name="Ergonome")

    def add(n):
        for i in range(n):
            document = factories.make_document(f"doc{i}.txt", b"Texte", collection=committee_folder)
            PortalDocument.metiers.through.objects.create(portaldocument=document, metier=metier)
            factories.make_document(f"pub{i}.txt", b"Texte")

    # Documents with their collection, their count, hidden collections; the choices of dossier and métier.
    assert_query_budget(reader_client, library.url + "?page=1", add)


@pytest.mark.django_db
def test_library_shows_sizes_in_french_units(reader_client, library):
    factories.make_document("grand.txt", b"a" * 3000, title="Grand fichier")
    text = page_text(reader_client.get(library.url))
    assert "2,9 Ko" in text and "Kio" not in text  # filesizeformat under the French locale (locale/fr)


@pytest.mark.django_db
def test_an_uploaded_pdf_becomes_searchable_once_read(
    officer_client, reader_client, library, django_capture_on_commit_callbacks
):
    content = sample_files.pdf_bytes("Protocole de maintien dans l'emploi")
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(officer_client, "protocole.pdf", content, "Protocole MDE")
    assert response.status_code == 302
    document = PortalDocument.objects.get(title="Protocole MDE")
    assert document.text_status == TextStatus.DONE and document.text_status_message == ""
    assert "Protocole MDE" in page_text(reader_client.get(library.url + "?q=maintien"))


@pytest.mark.django_db
def test_the_upload_only_queues_the_reading(officer_client, library, django_capture_on_commit_callbacks):
    content = sample_files.pdf_bytes("Texte lu plus tard")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _upload(officer_client, "plus-tard.pdf", content, "Lu plus tard")
    assert response.status_code == 302
    document = PortalDocument.objects.get(title="Lu plus tard")
    assert document.text_status == TextStatus.PENDING and document.extracted_text == ""
    assert callbacks  # the reading waits for the commit, then runs as a task


@pytest.mark.django_db
def test_a_corrupt_pdf_shows_the_failure_to_the_editor(
    officer_client, admin_client, library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(officer_client, "abime.pdf", sample_files.corrupt_pdf_bytes(), "Compte rendu abîmé")
    assert response.status_code == 302
    document = PortalDocument.objects.get(title="Compte rendu abîmé")
    assert document.text_status == TextStatus.FAILED
    assert document.extracted_text == ""
    edit_page = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert edit_page.status_code == 200
    text = page_text(edit_page)
    assert "Lecture du texte" in text
    assert "échec de la lecture" in text
    assert "Le texte du fichier n’a pas pu être lu" in text


@pytest.mark.django_db
def test_an_unsupported_type_is_reported_as_such(django_capture_on_commit_callbacks, db):
    with django_capture_on_commit_callbacks(execute=True):
        document = factories.make_document("archive.zip", b"PK\x03\x04", title="Archive")
    document.refresh_from_db()
    assert document.text_status == TextStatus.UNSUPPORTED
    assert "ZIP" in document.text_status_message


@pytest.mark.django_db
def test_visible_documents_is_the_visibility_rule(rf, reader, committee_folder):
    from documents.models import PortalDocument

    factories.make_document("cr.txt", b"x", title="Secret", collection=committee_folder)
    factories.make_document("ok.txt", b"x", title="Ouvert")
    request = rf.get("/")
    request.user = reader
    request.session = {}
    assert [d.title for d in PortalDocument.objects.visible_to(request)] == ["Ouvert"]
