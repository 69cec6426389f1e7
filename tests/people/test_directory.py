"""The annuaire: everyone in the service, filters, and one card per person with their groups."""

import pytest

from home.services.site_tree import ensure_section
from people.models import DirectoryPage
from projects.models import WorkingGroupMember
from tests import factories
from tests.utils import assert_query_budget, assert_shown_only_to_members, page_text, restrict_page_to_groups

# Fixed costs of a routed page: session, account, site, routing, Wagtail's restriction check, the header's
# permission checks, navigation and breadcrumbs; then the listing (count, page, choices) or the card.


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
def test_a_person_who_left_is_out_of_the_listing_and_search_but_keeps_a_card(
    reader_client, directory, staff, django_user_model
):
    account = django_user_model.objects.create_user(
        username="ancienne", email="ancienne@example.org", password="x", is_active=False
    )
    former = factories.PersonFactory(first_name="Odile", last_name="Partie", user=account, job_title="Ergonome")
    assert "Odile Partie" not in page_text(reader_client.get(directory.url))
    assert "Odile Partie" not in page_text(reader_client.get(directory.url + "?q=odile"))
    assert "Odile Partie" not in page_text(reader_client.get("/recherche/?q=odile+partie"))
    # Still reachable from what she wrote, and said to have left.
    card = page_text(reader_client.get(DirectoryPage.card_url(directory.url, former.pk)))
    assert "Odile Partie" in card and "N’est plus dans le service." in card
    account.is_active = True
    account.save()
    assert "Odile Partie" in page_text(reader_client.get(directory.url))
    assert "Odile Partie" in page_text(reader_client.get("/recherche/?q=odile+partie"))


@pytest.mark.django_db
def test_people_are_found_by_a_word_with_an_apostrophe_and_departures_stay_out(
    reader_client, directory, staff, django_user_model
):
    """« aujourd'hui », « prud'homal »: words the engine cannot rank in one query take the engine's
    general path, which must apply the directory's own rule too."""
    account = django_user_model.objects.create_user(
        username="ancien", email="ancien@example.org", password="x", is_active=False
    )
    factories.PersonFactory(first_name="Marc", last_name="Parti", user=account, biography="Conseiller prud'homal.")
    factories.PersonFactory(first_name="Inès", last_name="Présente", biography="Conseillère prud'homale.")
    response = reader_client.get("/recherche/?q=prud%27homal")
    assert response.status_code == 200
    text = page_text(response)
    assert "Inès Présente" in text
    assert "Marc Parti" not in text


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


@pytest.mark.django_db
def test_person_card_lists_restricted_groups_to_the_committee_only(
    reader_client, member_client, committee, directory, staff
):
    roy = staff["roy"]
    secret = factories.WorkingGroupPageFactory(title="Groupe du comité")
    referred = factories.WorkingGroupPageFactory(title="Cellule du comité", referent=roy)
    restrict_page_to_groups(secret, committee)
    restrict_page_to_groups(referred, committee)
    factories.WorkingGroupMemberFactory(page=secret, person=roy)
    url = f"{directory.url}{roy.pk}/"
    assert_shown_only_to_members(reader_client, member_client, url, "Groupe du comité")
    assert_shown_only_to_members(reader_client, member_client, url, "Cellule du comité")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 201},
        {"q": "Roy\x00"},
        {"metier": "inconnu"},
        {"metier": "é\x00'; --"},
        {"site": "Nulle-part"},
        {"site": "\x00"},
        {"page": "²"},
    ],
)
def test_hostile_filter_values_are_explained_not_fatal(reader_client, directory, staff, params):
    response = reader_client.get(directory.url, params)
    assert response.status_code == 200
    text = page_text(response)
    assert "Fabrice Roy" in text and "Claire Dufour" in text
    if "page" not in params:
        assert "Certains filtres n’ont pas été appliqués" in text


@pytest.mark.django_db
def test_person_links_use_the_directory_page_route(rf, directory, staff):
    roy = staff["roy"]
    assert directory.person_url(roy.pk) == f"{directory.url}{roy.pk}/"
    assert directory.url + directory.reverse_subpage("person_route", args=[roy.pk]) == directory.person_url(roy.pk)


@pytest.mark.django_db
def test_directory_query_count_does_not_grow_with_people(reader_client, directory, staff):
    metier = staff["medecin"]

    def add_items(n):
        for index in range(n):
            factories.PersonFactory(metier=metier, site=f"Site {index % 7}")

    assert_query_budget(reader_client, directory.url, add_items)


@pytest.mark.django_db
def test_person_card_query_count_does_not_grow_with_memberships(reader_client, directory, staff):
    roy = staff["roy"]

    def add_items(n):
        for _ in range(n):
            factories.WorkingGroupMemberFactory(page=factories.WorkingGroupPageFactory(), person=roy)
            factories.WorkingGroupPageFactory(referent=roy)

    assert_query_budget(reader_client, f"{directory.url}{roy.pk}/", add_items)
