"""Uploaded images are served to signed-in users only, from the image folders only."""

from pathlib import Path

import pytest
from django.conf import settings

from tests import factories


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
