"""« Je suis concerné·e » on needs sheets: once per person, withdrawable, counted in the list."""

import pytest
from django.test import Client

from projects.models import NeedSupport
from tests import factories
from tests.utils import assert_query_budget, hostile_queries, is_redirect_to_sign_in, page_text, restrict_page_to_groups


@pytest.fixture
def sheet(sections):
    return factories.NeedsSheetPageFactory(title="Grille commune de visite")


def _support_url(sheet):
    return sheet.url + "soutien/"


@pytest.mark.django_db
def test_once_per_person_and_withdrawable(reader_client, reader, sheet):
    for _ in range(2):
        response = reader_client.post(_support_url(sheet), {"concerne": "oui"})
        assert response.status_code == 302
    assert NeedSupport.objects.filter(sheet=sheet, user=reader).count() == 1
    text = page_text(reader_client.get(sheet.url))
    assert "1 personne concernée, dont vous" in text and "Je ne suis plus concerné·e" in text
    reader_client.post(_support_url(sheet), {"concerne": "non"})
    reader_client.post(_support_url(sheet), {"concerne": "non"})
    assert not NeedSupport.objects.exists()
    text = page_text(reader_client.get(sheet.url))
    assert "dont vous" not in text and "Je suis concerné·e" in text


@pytest.mark.django_db
def test_the_button_posts_with_a_csrf_token(reader, sheet):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)
    assert browser.post(_support_url(sheet), {"concerne": "oui"}).status_code == 403
    page = browser.get(sheet.url).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert browser.post(_support_url(sheet), {"concerne": "oui", "csrfmiddlewaretoken": token}).status_code == 302
    assert NeedSupport.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "\x00", "99999999999999999999", "inconnu", "x" * 5000])
def test_hostile_values_change_nothing(reader_client, sheet, value):
    response = reader_client.post(_support_url(sheet), {"concerne": value})
    assert response.status_code == 400
    assert "rien n’a été changé" in page_text(response)
    assert not NeedSupport.objects.exists()


@pytest.mark.django_db
def test_count_in_the_index_and_sort_by_support(reader_client, reader, project_officer, sections):
    index = sections["projects.NeedsIndexPage"]
    old = factories.NeedsSheetPageFactory(title="Fiche ancienne et soutenue", date="2020-01-01")
    factories.NeedsSheetPageFactory(title="Fiche récente", date="2030-01-01")
    NeedSupport.objects.create(sheet=old, user=reader)
    NeedSupport.objects.create(sheet=old, user=project_officer)

    recent_first = reader_client.get(index.url)
    assert [s.title for s in recent_first.context["items"]] == ["Fiche récente", "Fiche ancienne et soutenue"]
    supported_first = reader_client.get(index.url + "?tri=soutenues")
    assert [s.title for s in supported_first.context["items"]] == ["Fiche ancienne et soutenue", "Fiche récente"]
    assert [s.support_count for s in supported_first.context["items"]] == [2, 0]
    assert "Personnes concernées" in page_text(supported_first)


@pytest.mark.django_db
def test_hostile_sort_values_are_ignored_and_explained(reader_client, sections, sheet):
    index = sections["projects.NeedsIndexPage"]
    for query in hostile_queries("tri"):
        response = reader_client.get(index.url + query)
        assert response.status_code == 200, query
        assert "Tri :" in page_text(response) and sheet.title in page_text(response)


@pytest.mark.django_db
def test_index_query_budget_with_supports(reader_client, sections, django_user_model):
    index = sections["projects.NeedsIndexPage"]

    def add_items(n):
        for _ in range(n):
            sheet = factories.NeedsSheetPageFactory()
            user = django_user_model.objects.create_user(
                username=f"u{sheet.pk}", email=f"u{sheet.pk}@example.org", password="x"
            )
            NeedSupport.objects.create(sheet=sheet, user=user)

    assert_query_budget(reader_client, index.url + "?tri=soutenues", add_items)


@pytest.mark.django_db
def test_a_restricted_sheet_is_neither_supported_nor_counted_by_others(
    reader_client, member_client, committee, committee_member, sections
):
    secret = factories.NeedsSheetPageFactory(title="Besoin du comité")
    restrict_page_to_groups(secret, committee)
    response = reader_client.post(_support_url(secret), {"concerne": "oui"})
    assert response.status_code != 200 and not (200 < response.status_code < 300)
    assert not NeedSupport.objects.exists()
    assert member_client.post(_support_url(secret), {"concerne": "oui"}).status_code == 302
    index = sections["projects.NeedsIndexPage"]
    assert "Besoin du comité" not in page_text(reader_client.get(index.url + "?tri=soutenues"))
    assert "Besoin du comité" in page_text(member_client.get(index.url + "?tri=soutenues"))


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client, sheet):
    assert is_redirect_to_sign_in(client.post(_support_url(sheet), {"concerne": "oui"}))
    assert not NeedSupport.objects.exists()
