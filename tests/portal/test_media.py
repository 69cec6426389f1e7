"""Uploaded images are served to signed-in users only, from the image folders only, and an image of a restricted
collection (original or rendition) to the members of its group only."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection

from tests import factories
from tests.utils import restrict_collection_to_groups


@pytest.fixture
def image(db):
    return factories.ImageFactory(file__filename="affiche.png", file__format="PNG", file__color="blue")


@pytest.fixture
def secret_document_file(db):
    """A file in the documents folder, which only the document view may serve."""
    folder = Path(settings.MEDIA_ROOT) / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "compte-rendu-confidentiel.txt"
    path.write_bytes(b"Compte rendu confidentiel du comite")
    return path


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
def test_signed_in_user_gets_the_original_image(reader_client, image):
    response = reader_client.get(image.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image.file.open("rb")
    assert _body(response) == image.file.read()
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_signed_in_user_gets_an_image_rendition(reader_client, image):
    rendition = image.get_rendition("fill-40x30|format-jpeg")
    assert rendition.url.startswith("/media/images/")
    response = reader_client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert _body(response)[:2] == b"\xff\xd8"  # a JPEG file


@pytest.mark.django_db
def test_missing_image_is_404(reader_client, db):
    assert reader_client.get("/media/images/absente.png").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/media/../portal/settings/base.py",
        "/media/images/../../portal/settings/base.py",
        "/media/images/%2e%2e/%2e%2e/portal/settings/base.py",
        "/media/original_images/../../../../etc/passwd",
        "/media/images/../documents/compte-rendu-confidentiel.txt",
        "/media/original_images/..%2fdocuments%2fcompte-rendu-confidentiel.txt",
    ],
)
def test_path_traversal_is_404(reader_client, secret_document_file, path):
    response = reader_client.get(path)
    assert response.status_code == 404
    assert b"confidentiel" not in response.content


@pytest.mark.django_db
def test_documents_folder_is_never_served_from_media(reader_client, secret_document_file):
    response = reader_client.get("/media/documents/compte-rendu-confidentiel.txt")
    assert response.status_code == 404
    assert b"Compte rendu" not in response.content


@pytest.mark.django_db
def test_nginx_sends_the_file_once_the_session_is_checked(reader_client, image, settings):
    settings.MEDIA_ACCEL_REDIRECT_PREFIX = "/protected-media/"
    response = reader_client.get(image.file.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + image.file.name
    assert response.content == b""


@pytest.fixture
def committee_image(committee):
    """An image in a collection restricted to the committee."""
    folder = Collection.get_first_root_node().add_child(name="Photos du comité")
    restrict_collection_to_groups(folder, committee)
    return factories.ImageFactory(
        title="Organigramme du comité", collection=folder, file__filename="organigramme.png", file__format="PNG"
    )


@pytest.mark.django_db
def test_an_original_image_of_a_restricted_collection_is_served_to_its_members_only(
    reader_client, member_client, committee_image
):
    url = committee_image.file.url
    assert url.startswith("/media/original_images/")
    refused = reader_client.get(url)
    assert refused.status_code == 404
    assert not refused.streaming and "X-Accel-Redirect" not in refused
    served = member_client.get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    committee_image.file.open("rb")
    assert _body(served) == committee_image.file.read()


@pytest.mark.django_db
def test_a_rendition_of_a_restricted_image_is_served_to_its_members_only(reader_client, member_client, committee_image):
    rendition = committee_image.get_rendition("fill-40x30|format-jpeg")
    assert rendition.url.startswith("/media/images/")
    refused = reader_client.get(rendition.url)
    assert refused.status_code == 404 and not refused.streaming
    served = member_client.get(rendition.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert "private" in served["Cache-Control"]
    assert _body(served)[:2] == b"\xff\xd8"


@pytest.mark.django_db
def test_a_rendition_made_for_a_page_is_refused_outside_the_group(reader_client, member_client, committee_image, home):
    news = factories.NewsPageFactory(title="Actualité illustrée", image=committee_image)
    page = member_client.get(news.url).content.decode()
    rendition_url = re.search(r'src="(/media/images/organigramme[^"]+)"', page).group(1)
    assert reader_client.get(rendition_url).status_code == 404
    assert member_client.get(rendition_url).status_code == 200


@pytest.mark.django_db
def test_nginx_is_not_asked_for_a_refused_image(reader_client, member_client, committee_image, settings):
    settings.MEDIA_ACCEL_REDIRECT_PREFIX = "/protected-media/"
    refused = reader_client.get(committee_image.file.url)
    assert refused.status_code == 404 and "X-Accel-Redirect" not in refused
    served = member_client.get(committee_image.file.url)
    assert served["X-Accel-Redirect"] == "/protected-media/" + committee_image.file.name


@pytest.mark.django_db
def test_a_file_no_image_knows_is_404(reader_client):
    """A file left in the image folders by no image (or by a deleted one) is not served."""
    folder = Path(settings.MEDIA_ROOT) / "images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "orpheline.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert reader_client.get("/media/images/orpheline.png").status_code == 404


@pytest.mark.django_db
def test_serving_an_image_costs_one_query_beyond_the_session(reader_client, image):
    rendition = image.get_rendition("fill-40x30")
    reader_client.get(rendition.url)  # session, account and the reader's restrictions read once
    with CaptureQueriesContext(connection) as queries:
        assert reader_client.get(rendition.url).status_code == 200
    looked_up = [query["sql"] for query in queries.captured_queries if "wagtailimages" in query["sql"]]
    assert len(looked_up) == 1, looked_up
