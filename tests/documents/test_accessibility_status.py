"""Each document says whether it is accessible, next to every link to it; the library filters on it."""

import json

import pytest
from django.urls import reverse

from documents.choices import DocumentAccessibility
from documents.models import PortalDocument
from tests import factories
from tests.utils import assert_shown_only_to_members, page_text

REFUSED = "Certains filtres n’ont pas été appliqués"


def _document(title, accessibility=None, **fields):
    if accessibility is not None:
        fields["accessibility"] = accessibility
    return factories.make_document(f"{title.lower().replace(' ', '-')}.txt", b"Texte", title=title, **fields)


@pytest.mark.django_db
def test_a_new_document_is_to_be_checked():
    assert _document("Nouvelle note").accessibility == DocumentAccessibility.TO_CHECK


@pytest.mark.django_db
def test_the_library_shows_each_documents_accessibility(reader_client, library):
    _document("Guide balisé", DocumentAccessibility.ACCESSIBLE)
    _document("Scan du courrier", DocumentAccessibility.NOT_ACCESSIBLE)
    _document("Note récente")
    response = reader_client.get(library.url)
    html = response.content.decode()
    assert "badge--accessibility-accessible" in html
    assert "badge--accessibility-not_accessible" in html
    assert "badge--accessibility-to_check" in html
    text = page_text(response)
    assert "Non accessible" in text and "Accessibilité à vérifier" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "shown", "hidden"),
    [
        ("accessible", "Guide balisé", "Scan du courrier"),
        ("not_accessible", "Scan du courrier", "Guide balisé"),
        ("to_check", "Note récente", "Guide balisé"),
    ],
)
def test_the_library_filters_on_accessibility(reader_client, library, value, shown, hidden):
    _document("Guide balisé", DocumentAccessibility.ACCESSIBLE)
    _document("Scan du courrier", DocumentAccessibility.NOT_ACCESSIBLE)
    _document("Note récente")
    response = reader_client.get(library.url, {"accessibility": value})
    text = page_text(response)
    assert shown in text and hidden not in text
    assert f'<option value="{value}" selected>' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", ["²", "\x00", "inconnu", "9" * 400, "x" * 5000, "accessible\x00", " accessible", "ACCESSIBLE"]
)
def test_hostile_accessibility_values_are_refused_in_french(reader_client, library, value):
    _document("Note visible", DocumentAccessibility.NOT_ACCESSIBLE)
    response = reader_client.get(library.url, {"accessibility": value})
    assert response.status_code == 200
    text = page_text(response).replace("'", "’")
    assert REFUSED in text and "Accessibilité : Ce choix n’existe pas." in text
    assert "Note visible" in text  # the other filters (none here) still apply


@pytest.mark.django_db
def test_a_restricted_documents_status_never_shows_to_others(reader_client, member_client, library, committee_folder):
    _document("Compte rendu du comité", DocumentAccessibility.NOT_ACCESSIBLE, collection=committee_folder)
    for query in ("", "?accessibility=not_accessible"):
        assert_shown_only_to_members(reader_client, member_client, library.url + query, "Compte rendu du comité")
    outsider = reader_client.get(library.url + "?accessibility=not_accessible")
    assert "badge--accessibility-not_accessible" not in outsider.content.decode()
    assert "0 document" in page_text(outsider)


@pytest.mark.django_db
def test_the_accessibility_filter_gives_nothing_to_anonymous_visitors(client, library):
    _document("Scan du courrier", DocumentAccessibility.NOT_ACCESSIBLE)
    response = client.get(library.url + "?accessibility=not_accessible")
    assert response.status_code == 302
    assert "Scan du courrier" not in response.content.decode()


@pytest.mark.django_db
def test_document_blocks_show_the_status_next_to_the_link(reader_client, member_client, committee_folder):
    open_document = _document("Guide balisé", DocumentAccessibility.ACCESSIBLE)
    secret = _document("Scan du comité", DocumentAccessibility.NOT_ACCESSIBLE, collection=committee_folder)
    body = json.dumps([{"type": "documents", "value": {"title": "À lire", "documents": [open_document.pk, secret.pk]}}])
    page = factories.StandardPageFactory(title="Mode d’emploi", body=body)
    response = reader_client.get(page.url)
    html = response.content.decode()
    assert "Guide balisé" in html and "badge--accessibility-accessible" in html
    assert "Scan du comité" not in html and "badge--accessibility-not_accessible" not in html
    assert "badge--accessibility-not_accessible" in member_client.get(page.url).content.decode()


@pytest.mark.django_db
def test_document_links_in_rich_text_say_the_status_except_for_restricted_ones(
    reader_client, member_client, committee_folder
):
    guide = _document("Guide balisé", DocumentAccessibility.ACCESSIBLE)
    secret = _document("Scan du comité", DocumentAccessibility.NOT_ACCESSIBLE, collection=committee_folder)
    paragraph = (
        f'<p>Lire <a linktype="document" id="{guide.pk}">le guide</a> '
        f'et <a linktype="document" id="{secret.pk}">le scan</a>.</p>'
    )
    page = factories.StandardPageFactory(
        title="Mode d’emploi", body=json.dumps([{"type": "paragraph", "value": paragraph}])
    )
    for client in (reader_client, member_client):
        html = client.get(page.url).content.decode()
        assert f'href="{guide.url}" data-document-accessibility="Accessible"' in html
        # The link the editor wrote stays; the status of a document in a restricted collection shows to nobody.
        assert f'<a href="{secret.url}">le scan</a>' in html and "Non accessible" not in html


@pytest.mark.django_db
def test_editors_set_the_status_in_the_document_form(admin_client, reader_client, library):
    document = _document("Trame de fiche action")
    edit_url = reverse("wagtaildocs:edit", args=[document.pk])
    form = admin_client.get(edit_url)
    assert form.status_code == 200 and 'name="accessibility"' in form.content.decode()
    response = admin_client.post(
        edit_url,
        {
            "title": document.title,
            "collection": document.collection_id,
            "description": "",
            "accessibility": DocumentAccessibility.NOT_ACCESSIBLE,
        },
    )
    assert response.status_code == 302, page_text(response)[:800]
    assert PortalDocument.objects.get(pk=document.pk).accessibility == DocumentAccessibility.NOT_ACCESSIBLE
    assert "Trame de fiche action" in page_text(reader_client.get(library.url + "?accessibility=not_accessible"))


@pytest.mark.django_db
def test_search_results_show_a_documents_status(reader_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_document(
            "ergonomie.txt", b"Guide ergonomie du poste", title="Guide ergonomie", accessibility="not_accessible"
        )
    response = reader_client.get(reverse("search"), {"q": "ergonomie", "type": "documents"})
    assert "Guide ergonomie" in page_text(response)
    assert "badge--accessibility-not_accessible" in response.content.decode()
