"""The admin's Recherche menu: the thesaurus, the search report and the one-click forms it opens."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from search.admin_views import promotion_add_url, synonym_add_url
from search.models import SearchQueryRecord, Synonym
from tests import factories
from tests.utils import page_text

THESAURUS_URL = "/admin/snippets/portal_search/synonym/"
REPORT_URL = "/admin/rapport-recherche/"


@pytest.fixture
def pilot_client(client, roles, django_user_model):
    """A pilot: an editor of their own group's pages, with no hand on the search settings."""
    from accounts.roles import PILOTS

    pilot = django_user_model.objects.create_user(username="pilote", email="pilote@example.org", password="x")
    pilot.groups.add(roles[PILOTS])
    client.force_login(pilot)
    return client


def _record(query, searches, results, days_ago=0):
    record = SearchQueryRecord.objects.create(query=query, searches=searches, last_result_count=results)
    # last_searched_at is set on every save: an older date is written directly.
    SearchQueryRecord.objects.filter(pk=record.pk).update(
        last_searched_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return record


def _refused(response) -> bool:
    """Wagtail's admin answers a refused action by sending back to its dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def _report_rows(client, **params):
    response = client.get(REPORT_URL, params)
    assert response.status_code == 200
    return [record.spelling for record in response.context["object_list"]]


# The menu


def _menu(client, menu=None):
    """{label: submenu labels} of the admin's main menu (or of `menu`) as the signed-in user gets it."""
    from wagtail.admin.menu import SubmenuMenuItem, admin_menu

    request = client.get("/admin/").wsgi_request
    items = (menu or admin_menu).menu_items_for_request(request)
    return {
        str(item.label): [str(sub.label) for sub in item.menu.menu_items_for_request(request)]
        if isinstance(item, SubmenuMenuItem)
        else []
        for item in items
    }


@pytest.mark.django_db
def test_the_recherche_menu_groups_thesaurus_report_and_recommendations(admin_client):
    assert _menu(admin_client)["Recherche"] == [
        "Thésaurus",
        "Sigles des contenus",
        "Rapport de recherche",
        "Recommandations",
    ]


@pytest.mark.django_db
def test_the_administrators_role_is_enough(client, roles, django_user_model):
    """Not only superusers: an account of the Administrateurs role group edits the thesaurus."""
    from accounts.roles import ADMINISTRATORS

    account = django_user_model.objects.create_user(username="admin2", email="admin2@example.org", password="x")
    account.groups.add(roles[ADMINISTRATORS])
    client.force_login(account)
    assert _menu(client)["Recherche"] == ["Thésaurus", "Sigles des contenus", "Rapport de recherche", "Recommandations"]
    assert client.get(synonym_add_url("lombalgie")).status_code == 200
    assert client.get(REPORT_URL).status_code == 200


@pytest.mark.django_db
def test_recommendations_are_no_longer_listed_under_settings(admin_client):
    from wagtail.admin.menu import settings_menu

    request = admin_client.get("/admin/").wsgi_request
    names = [item.name for item in settings_menu.menu_items_for_request(request)]
    assert names and "promoted-search-results" not in names


@pytest.mark.django_db
def test_a_project_officer_sees_the_report_and_the_recommendations(officer_client):
    assert {"Rapport de recherche", "Recommandations"} <= set(_menu(officer_client)["Recherche"])


@pytest.mark.django_db
def test_a_pilot_sees_no_recherche_menu(client, roles, django_user_model):
    from accounts.roles import PILOTS

    pilot = django_user_model.objects.create_user(username="pilote", email="pilote@example.org", password="x")
    pilot.groups.add(roles[PILOTS])
    client.force_login(pilot)
    assert "Recherche" not in _menu(client)


# The thesaurus


@pytest.mark.django_db
def test_the_thesaurus_lists_the_seeded_synonyms_with_their_note(admin_client):
    Synonym.objects.create(expressions="BPCO, bronchopneumopathie chronique obstructive", note="Pneumologie")
    text = page_text(admin_client.get(THESAURUS_URL))
    assert "CACES, certificat d'aptitude à la conduite en sécurité" in text  # the glossary's, first by name
    found = page_text(admin_client.get(THESAURUS_URL, {"q": "bronchopneumopathie"}))
    assert "Pneumologie" in found and "Glossaire des sigles (HAS)" in found


@pytest.mark.django_db
def test_the_thesaurus_is_searchable(admin_client):
    response = admin_client.get(THESAURUS_URL, {"q": "musculo"})
    found = list(response.context["object_list"])
    assert "TMS, troubles musculo-squelettiques" in [str(synonym) for synonym in found]
    # The lexicon's entries whose broader term is « troubles musculo-squelettiques » are found too.
    assert all("musculo" in synonym.expressions + synonym.broader for synonym in found)
    assert any("musculo" not in synonym.expressions for synonym in found)


@pytest.mark.django_db
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_thesaurus_exports(admin_client, export):
    response = admin_client.get(THESAURUS_URL, {"export": export})
    assert response.status_code == 200
    assert "thesaurus" in response["Content-Disposition"]
    if export == "csv":
        content = b"".join(response.streaming_content).decode()
        assert "Expressions équivalentes" in content
        assert "TMS, troubles musculo-squelettiques" in content


@pytest.mark.django_db
def test_the_add_form_takes_its_first_expression_from_the_address(admin_client):
    response = admin_client.get(synonym_add_url("lombalgie"))
    assert response.status_code == 200
    assert response.context["form"]["expressions"].value() == "lombalgie"


@pytest.mark.django_db
def test_a_synonym_added_in_the_admin_applies_to_the_next_search(admin_client, reader_client, home):
    factories.NewsPageFactory(title="Atelier mal de dos", summary="Prévenir la lombalgie des soignants.")
    assert "Atelier mal de dos" not in page_text(reader_client.get("/recherche/", {"q": "rachialgie"}))

    response = admin_client.post(
        reverse(Synonym.snippet_viewset.get_url_name("add")),
        {"expressions": "rachialgie, lombalgie", "note": "Ajouté depuis le rapport"},
    )
    assert response.status_code == 302
    assert Synonym.objects.filter(expressions="rachialgie, lombalgie").exists()
    assert "Atelier mal de dos" in page_text(reader_client.get("/recherche/", {"q": "rachialgie"}))


@pytest.mark.django_db
def test_readers_cannot_open_the_thesaurus(reader_client):
    assert reader_client.get(THESAURUS_URL).status_code == 403
    assert reader_client.get(synonym_add_url("x")).status_code == 403


@pytest.mark.django_db
def test_only_accounts_with_the_permission_edit_the_thesaurus(pilot_client):
    assert _refused(pilot_client.get(THESAURUS_URL))
    assert _refused(pilot_client.get(synonym_add_url("x")))
    assert _refused(pilot_client.post(reverse(Synonym.snippet_viewset.get_url_name("add")), {"expressions": "a, b"}))
    assert not Synonym.objects.filter(expressions="a, b").exists()


# The report


@pytest.mark.django_db
def test_the_report_lists_the_most_searched_first(admin_client):
    _record("ergonomie", 3, 12)
    _record("tms", 40, 25)
    _record("amiante", 7, 4)
    assert _report_rows(admin_client) == ["tms", "amiante", "ergonomie"]


@pytest.mark.django_db
def test_the_report_keeps_the_searches_without_results(admin_client):
    _record("tms", 40, 25)
    _record("qvct sans bruit", 2, 0)
    _record("lombalgei", 5, 0)
    assert _report_rows(admin_client, resultats="aucun") == ["lombalgei", "qvct sans bruit"]


@pytest.mark.django_db
def test_the_report_covers_the_last_90_days_unless_asked(admin_client):
    _record("recente", 1, 1, days_ago=10)
    _record("ancienne", 9, 1, days_ago=200)
    assert _report_rows(admin_client) == ["recente"]
    assert _report_rows(admin_client, periode="tout") == ["ancienne", "recente"]
    assert _report_rows(admin_client, periode="7") == []


@pytest.mark.django_db
def test_the_report_is_searchable_without_accents(admin_client):
    _record("medecin du travail", 4, 3)
    _record("amiante", 7, 4)
    assert _report_rows(admin_client, q="Médecin") == ["medecin du travail"]


@pytest.mark.django_db
def test_the_report_shows_what_people_searched_on_the_site(admin_client, reader_client, home):
    factories.NewsPageFactory(title="Prévention du bruit", summary="Le bruit en atelier.")
    reader_client.get("/recherche/", {"q": "bruit"})
    reader_client.get("/recherche/", {"q": "bruit"})
    reader_client.get("/recherche/", {"q": "zzzinconnu"})
    response = admin_client.get(REPORT_URL)
    rows = {record.spelling: (record.searches, record.last_result_count) for record in response.context["object_list"]}
    assert rows["bruit"][0] == 2 and rows["bruit"][1] >= 1
    assert rows["zzzinconnu"] == (1, 0)


@pytest.mark.django_db
def test_each_row_offers_a_recommendation_and_a_synonym(admin_client):
    _record("lombalgie", 5, 0)
    content = admin_client.get(REPORT_URL).content.decode()
    assert "Ajouter une recommandation" in content and "Ajouter un synonyme" in content
    assert promotion_add_url("lombalgie").replace("&", "&amp;") in content
    assert synonym_add_url("lombalgie") in content


@pytest.mark.django_db
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_report_exports(admin_client, export):
    _record("lombalgie", 5, 0)
    response = admin_client.get(REPORT_URL, {"export": export})
    assert response.status_code == 200
    assert "rapport-recherche" in response["Content-Disposition"]
    if export == "csv":
        content = b"".join(response.streaming_content).decode()
        assert "Nombre de recherches" in content and "lombalgie" in content


@pytest.mark.django_db
def test_hostile_report_parameters_do_not_break_it(admin_client):
    _record("lombalgie", 5, 0)
    for params in (
        {"periode": "abc"},
        {"resultats": "\x00"},
        {"ordering": "password"},
        {"p": "99999999999999999999"},
        {"q": "x" * 5000},
        {"q": "\x00"},
    ):
        assert admin_client.get(REPORT_URL, params).status_code == 200, params


@pytest.mark.django_db
def test_the_recommendation_form_is_filled_with_the_search(admin_client):
    response = admin_client.get(promotion_add_url("lombalgie chronique"))
    assert response.status_code == 200
    assert response.context["form"]["query_string"].value() == "lombalgie chronique"
    # The form is saved by Wagtail's own view.
    assert response.context["action_url"] == reverse("wagtailsearchpromotions:add")


@pytest.mark.django_db
def test_a_recommendation_added_from_the_report_is_shown_on_the_search_page(admin_client, reader_client, home):
    approach = factories.ApproachPageFactory(title="Démarche lombalgie")
    response = admin_client.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "mal au dos",
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": approach.pk,
            "editors_picks-0-description": "La démarche de référence.",
        },
    )
    assert response.status_code == 302
    assert Query.get("mal au dos").editors_picks.filter(page=approach).exists()
    assert "La démarche de référence." in page_text(reader_client.get("/recherche/", {"q": "mal au dos"}))


@pytest.mark.django_db
def test_the_recommendation_form_cannot_be_sent_to_the_prefilled_view(admin_client):
    response = admin_client.post(promotion_add_url("x"), {"query_string": "x"})
    assert response.status_code == 405


@pytest.mark.django_db
def test_readers_cannot_open_the_report(reader_client):
    _record("lombalgie", 5, 0)
    assert reader_client.get(REPORT_URL).status_code == 403
    assert reader_client.get(promotion_add_url("x")).status_code == 403


@pytest.mark.django_db
def test_a_pilot_cannot_open_the_report(pilot_client):
    assert _refused(pilot_client.get(REPORT_URL))
    assert _refused(pilot_client.get(promotion_add_url("x")))


@pytest.mark.django_db
def test_a_project_officer_opens_the_report_and_adds_recommendations(officer_client):
    _record("lombalgie", 5, 0)
    response = officer_client.get(REPORT_URL)
    assert response.status_code == 200
    assert "Ajouter une recommandation" in response.content.decode()
    assert officer_client.get(promotion_add_url("lombalgie")).status_code == 200


@pytest.mark.django_db
def test_a_synonym_button_only_for_who_may_add_synonyms(officer_client, project_officer):
    from django.contrib.auth.models import Permission

    _record("lombalgie", 5, 0)
    can_add = project_officer.has_perm("portal_search.add_synonym")
    assert ("Ajouter un synonyme" in officer_client.get(REPORT_URL).content.decode()) == can_add

    project_officer.user_permissions.add(
        Permission.objects.get(content_type__app_label="portal_search", codename="add_synonym")
    )
    officer = Client()
    officer.force_login(type(project_officer).objects.get(pk=project_officer.pk))
    assert "Ajouter un synonyme" in officer.get(REPORT_URL).content.decode()
    assert officer.get(synonym_add_url("lombalgie")).status_code == 200


@pytest.mark.django_db
def test_the_admin_api_page_search_answers(officer_client, sections):
    """The page chooser's search through the admin API: counted and paginated on every database."""
    for number in range(3):
        factories.NewsPageFactory(title=f"Atelier ergonomie {number}", summary="Les postes de caisse.")
    response = officer_client.get("/admin/api/main/pages/", {"search": "ergonomie", "limit": 2})
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 3
    assert len(data["items"]) == 2
    assert all("ergonomie" in item["title"] for item in data["items"])
    second = officer_client.get("/admin/api/main/pages/", {"search": "ergonomie", "limit": 2, "offset": 2}).json()
    assert len(second["items"]) == 1
    ordered = officer_client.get("/admin/api/main/pages/", {"search": "ergonomie", "order": "title"}).json()
    assert [item["title"] for item in ordered["items"]] == [f"Atelier ergonomie {n}" for n in range(3)]


@pytest.mark.django_db
def test_spellings_of_one_search_are_one_row_named_as_people_type_it(admin_client, reader_client, home):
    for query in ("médecins", "Médecin", "médecins", "medecin", "medecins"):
        reader_client.get("/recherche/", {"q": query})
    response = admin_client.get(REPORT_URL)
    rows = [(record.spelling, record.searches) for record in response.context["object_list"]]
    assert rows == [("médecins", 5)]
    assert "médecins" in page_text(response) and ">medecins<" not in response.content.decode()
    csv = b"".join(admin_client.get(REPORT_URL, {"export": "csv"}).streaming_content).decode()
    assert "médecins,5," in csv


@pytest.mark.django_db
def test_the_report_is_searchable_by_any_spelling(admin_client, reader_client, home):
    reader_client.get("/recherche/", {"q": "Médecins du travail"})
    reader_client.get("/recherche/", {"q": "amiante"})
    assert _report_rows(admin_client, q="medecin") == ["Médecins du travail"]


@pytest.mark.django_db
def test_wagtails_empty_search_terms_report_is_hidden(admin_client):
    from wagtail.admin.menu import reports_menu

    request = admin_client.get("/admin/").wsgi_request
    labels = [str(item.label) for item in reports_menu.menu_items_for_request(request)]
    assert labels and "Termes de recherche" not in labels


@pytest.mark.django_db
def test_the_recommendations_page_is_titled_as_its_menu_entry(admin_client):
    content = admin_client.get(reverse("wagtailsearchpromotions:index")).content.decode()
    assert "<h1" in content and "Recommandations" in content
    assert "Résultats de recherche améliorés" not in content
