"""Uploaded files never run in the intranet's origin: a type from an allow-list, nosniff, and a download
for anything a browser could execute (an SVG or HTML file among the images, HTML renamed .txt)."""

from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Collection

from tests import factories

SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'


def media_file(relative: str, content: bytes) -> str:
    """The address of a file stored among the images as an image's original or rendition (/media/ serves
    only files an image knows)."""
    path = Path(settings.MEDIA_ROOT) / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    image = factories.ImageFactory(collection=Collection.get_first_root_node())
    if relative.startswith("original_images/"):
        type(image).objects.filter(pk=image.pk).update(file=relative)
    else:
        image.renditions.create(filter_spec="original", file=relative, width=1, height=1)
    return settings.MEDIA_URL + relative


@pytest.mark.django_db
@pytest.mark.parametrize(
    "relative",
    ["original_images/logo.svg", "images/page.html", "original_images/page.xml", "images/sans-extension"],
)
def test_a_file_among_the_images_that_could_run_is_downloaded(reader_client, relative):
    content = SVG if relative.endswith(".svg") else SCRIPT
    response = reader_client.get(media_file(relative, content))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_real_image_is_shown_inline(reader_client, db):
    image = factories.ImageFactory(file__filename="photo.jpg", file__format="JPEG")
    response = reader_client.get(image.file.url)
    assert response["Content-Type"] == "image/jpeg"
    assert not response.get("Content-Disposition", "").startswith("attachment")


@pytest.mark.django_db
def test_html_renamed_txt_is_downloaded_as_plain_text(reader_client, db):
    document = factories.make_document("notes.txt", SCRIPT)
    response = reader_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
@pytest.mark.parametrize("filename", ["page.html", "dessin.svg", "flux.xml"])
def test_a_document_type_outside_the_list_is_bytes_to_save(reader_client, db, filename):
    document = factories.make_document(filename, SVG if filename.endswith(".svg") else SCRIPT)
    response = reader_client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_pdf_opens_in_the_browser_under_a_closed_policy(reader_client, db):
    from tests.sample_files import pdf_bytes

    document = factories.make_document("bilan.pdf", pdf_bytes("Bilan"))
    response = reader_client.get(document.url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
