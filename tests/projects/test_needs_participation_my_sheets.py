"""« Mes fiches »: the sheets a staff member raised, their status and history."""

import pytest
from django.test import Client

from people.models import Person
from projects.models import NeedStatus
from projects.services.needs_status import change_status
from tests import factories
from tests.utils import hostile_queries, is_redirect_to_sign_in, page_text


@pytest.fixture
def my_sheets_url(sections):
    return sections["projects.NeedsIndexPage"].url + "mes-fiches/"


@pytest.mark.django_db
def test_lists_only_my_sheets_with_their_history(reader_client, reader, project_officer, my_sheets_url):
    mine = factories.NeedsSheetPageFactory(title="Ma fiche", submitted_by=factories.PersonFactory(user=reader))
    factories.NeedsSheetPageFactory(title="Fiche d’un collègue", submitted_by=factories.PersonFactory())
    change_status(mine, NeedStatus.NOT_RETAINED, by=project_officer, reason="Hors périmètre du projet.")
    text = page_text(reader_client.get(my_sheets_url))
    assert "Ma fiche" in text and "Fiche d’un collègue" not in text
    assert "Non retenue" in text and "Hors périmètre du projet." in text


@pytest.mark.django_db
def test_a_submitted_sheet_appears_there(reader_client, reader, sections, my_sheets_url):
    reader_client.post(sections["projects.NeedsIndexPage"].url + "soumettre/", {"title": "Navette", "need": "Oui."})
    assert Person.objects.filter(user=reader).exists()
    text = page_text(reader_client.get(my_sheets_url))
    assert "Navette" in text and "Soumise" in text


@pytest.mark.django_db
def test_empty_state_in_french_and_link_from_the_index(reader_client, sections, my_sheets_url):
    assert "Vous n’avez encore déposé aucune fiche besoin." in page_text(reader_client.get(my_sheets_url))
    assert my_sheets_url in reader_client.get(sections["projects.NeedsIndexPage"].url).content.decode()


@pytest.mark.django_db
def test_hostile_queries_and_anonymous(reader_client, my_sheets_url):
    for query in hostile_queries("page", "statut"):
        assert reader_client.get(my_sheets_url + query).status_code == 200
    assert is_redirect_to_sign_in(Client().get(my_sheets_url), next_url=my_sheets_url)
