"""The read-only JSON API answers signed-in users, without drafts or restricted pages."""

import pytest
from django.contrib.auth.models import Group

from tests import factories
from tests.utils import restrict_page_to_groups


def _titles(response):
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.django_db
def test_signed_in_user_lists_live_pages(reader_client, home):
    factories.NewsPageFactory(title="Actualité publiée")
    factories.NewsPageFactory(title="Actualité en brouillon", live=False)
    response = reader_client.get("/api/v2/pages/", {"type": "news.NewsPage"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert _titles(response) == {"Actualité publiée"}


@pytest.mark.django_db
def test_restricted_pages_are_not_in_the_api(reader_client, home):
    committee = Group.objects.create(name="Comité stratégique")
    secret = factories.NewsPageFactory(title="Note du comité")
    restrict_page_to_groups(secret, committee)
    assert "Note du comité" not in _titles(reader_client.get("/api/v2/pages/", {"type": "news.NewsPage"}))
    assert reader_client.get(f"/api/v2/pages/{secret.pk}/").status_code == 404


@pytest.mark.django_db
def test_signed_in_user_lists_images_and_documents(reader_client, db):
    factories.ImageFactory(title="Affiche du séminaire")
    factories.make_document("charte.txt", b"Charte", title="Charte des groupes")
    assert "Affiche du séminaire" in _titles(reader_client.get("/api/v2/images/"))
    assert "Charte des groupes" in _titles(reader_client.get("/api/v2/documents/"))


@pytest.mark.django_db
def test_api_session_that_expired_gets_401(client, reader, home):
    client.force_login(reader)
    assert client.get("/api/v2/pages/").status_code == 200
    client.logout()
    assert client.get("/api/v2/pages/").status_code == 401
