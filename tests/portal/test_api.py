"""The read-only JSON API answers signed-in users, without drafts or restricted pages."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from tests import factories
from tests.utils import assert_query_budget, restrict_collection_to_groups, restrict_page_to_groups


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


def _restricted_collection(committee):
    from wagtail.models import Collection

    collection = Collection.get_first_root_node().add_child(name="Comité")
    restrict_collection_to_groups(collection, committee)
    return collection


@pytest.mark.django_db
def test_pages_list_and_detail_follow_the_visibility_rule(reader_client, member_client, committee, home):
    secret = factories.NewsPageFactory(title="Note du comité")
    restrict_page_to_groups(secret, committee)
    assert "Note du comité" not in _titles(reader_client.get("/api/v2/pages/"))
    assert "Note du comité" in _titles(member_client.get("/api/v2/pages/"))
    assert reader_client.get(f"/api/v2/pages/{secret.pk}/").status_code == 404
    assert member_client.get(f"/api/v2/pages/{secret.pk}/").json()["title"] == "Note du comité"


@pytest.mark.django_db
def test_documents_of_a_restricted_collection(reader_client, member_client, committee, db):
    document = factories.make_document(
        "pv.txt", b"PV", title="PV du comité", collection=_restricted_collection(committee)
    )
    assert "PV du comité" not in _titles(reader_client.get("/api/v2/documents/"))
    assert "PV du comité" in _titles(member_client.get("/api/v2/documents/"))
    assert reader_client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    assert member_client.get(f"/api/v2/documents/{document.pk}/").status_code == 200


@pytest.mark.django_db
def test_images_of_a_restricted_collection(reader_client, member_client, committee, db):
    image = factories.ImageFactory(title="Photo du comité", collection=_restricted_collection(committee))
    assert "Photo du comité" not in _titles(reader_client.get("/api/v2/images/"))
    assert "Photo du comité" in _titles(member_client.get("/api/v2/images/"))
    assert reader_client.get(f"/api/v2/images/{image.pk}/").status_code == 404


@pytest.mark.django_db
def test_absolute_urls_use_the_configured_address(reader_client, home):
    page = factories.NewsPageFactory(title="Actualité")
    factories.make_document("charte.txt", b"Charte", title="Charte")
    detail = reader_client.get(f"/api/v2/pages/{page.pk}/").json()["meta"]
    document = reader_client.get("/api/v2/documents/").json()["items"][0]["meta"]
    urls = [detail["html_url"], detail["detail_url"], document["detail_url"], document["download_url"]]
    for url in urls:
        assert not url.startswith("http://localhost/"), url
    assert detail["html_url"].startswith(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/")
    for url in urls[1:]:
        assert url.startswith(settings.WAGTAILAPI_BASE_URL.rstrip("/") + "/"), url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "offset=99999999999999999999999",
        "limit=99999999999999999999999",
        "offset=²",
        "limit=-1",
        "search=ergo%00nomie",
        "search=ergonomie&search_operator=xor",
        "type=news.NewsPage%00",
        "search=" + "mot%20" * 300,
    ],
)
def test_malformed_parameters_answer_400_with_a_message(reader_client, home, query):
    for endpoint in ("pages", "documents", "images"):
        response = reader_client.get(f"/api/v2/{endpoint}/?{query}")
        assert response.status_code == 400, (endpoint, query, response.status_code)
        assert response.json()["message"]


@pytest.mark.django_db
def test_pages_listing_query_count_does_not_grow(reader_client, home):
    def add_items(n):
        for _ in range(n):
            factories.NewsPageFactory()

    assert_query_budget(reader_client, "/api/v2/pages/?limit=20", add_items)
