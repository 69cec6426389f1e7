"""The annuaire: everyone in the service, filters, and one card per person with their groups."""

import pytest

from home.services.site_tree import ensure_section
from projects.models import WorkingGroupMember
from tests import factories
from tests.utils import page_text


@pytest.fixture
def directory(home):
    return ensure_section("people.DirectoryPage")


@pytest.fixture
def staff(db):
    medecin = factories.MetierFactory(name="Médecin du travail")
    infirmier = factories.MetierFactory(name="Infirmier en santé au travail")
    return {
        "roy": factories.PersonFactory(
            first_name="Fabrice", last_name="Roy", metier=medecin, site="Arras", sector_delegate_for="Artois"
        ),
        "dufour": factories.PersonFactory(first_name="Claire", last_name="Dufour", metier=infirmier, site="Lens"),
        "medecin": medecin,
        "infirmier": infirmier,
    }


@pytest.mark.django_db
def test_directory_lists_people(reader_client, directory, staff):
    response = reader_client.get(directory.url)
    assert response.status_code == 200
    text = page_text(response)
    assert "Fabrice Roy" in text
    assert "Claire Dufour" in text


@pytest.mark.django_db
def test_directory_filters_by_metier(reader_client, directory, staff):
    text = page_text(reader_client.get(directory.url + f"?metier={staff['infirmier'].slug}"))
    assert "Claire Dufour" in text
    assert "Fabrice Roy" not in text


@pytest.mark.django_db
def test_directory_filters_by_site(reader_client, directory, staff):
    text = page_text(reader_client.get(directory.url + "?site=Arras"))
    assert "Fabrice Roy" in text
    assert "Claire Dufour" not in text


@pytest.mark.django_db
def test_directory_search_ignores_case_and_accents(reader_client, directory, staff):
    factories.PersonFactory(first_name="Hélène", last_name="Lefèvre")
    text = page_text(reader_client.get(directory.url + "?q=HELENE lefevre"))
    assert "Hélène Lefèvre" in text
    assert "Claire Dufour" not in text


@pytest.mark.django_db
def test_person_card_shows_their_groups_and_roles(reader_client, directory, staff):
    roy = staff["roy"]
    piloted = factories.WorkingGroupPageFactory(title="Maintien en emploi")
    joined = factories.WorkingGroupPageFactory(title="Risque chimique")
    referred = factories.WorkingGroupPageFactory(title="Santé mentale", referent=roy)
    hidden = factories.WorkingGroupPageFactory(title="Groupe en brouillon", live=False)
    factories.WorkingGroupMemberFactory(page=piloted, person=roy, role=WorkingGroupMember.Role.PILOT)
    factories.WorkingGroupMemberFactory(page=joined, person=roy)
    factories.WorkingGroupMemberFactory(page=hidden, person=roy)

    response = reader_client.get(f"{directory.url}{roy.pk}/")

    assert response.status_code == 200
    text = page_text(response)
    assert "Fabrice Roy" in text
    assert "Médecin du travail" in text
    assert "Artois" in text
    for title in (piloted.title, joined.title, referred.title):
        assert title in text
    assert "Pilote" in text
    assert hidden.title not in text


@pytest.mark.django_db
def test_unknown_person_card_is_404(reader_client, directory):
    assert reader_client.get(f"{directory.url}999999/").status_code == 404
