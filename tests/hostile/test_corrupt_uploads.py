"""A damaged or disguised image sent to the admin's upload forms gets a French form error, not a 500, and
leaves no image behind."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def _jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


NOT_AN_IMAGE = "n'est pas une image"
# name, content, what the French error says
CORRUPT_FILES = {
    "truncated-png": ("photo.png", _png_bytes()[:60], NOT_AN_IMAGE),
    "truncated-jpeg": ("photo.jpg", _jpeg_bytes()[:120], NOT_AN_IMAGE),
    "png-header-then-garbage": ("photo.png", _png_bytes()[:16] + b"\x00garbage" * 50, NOT_AN_IMAGE),
    "text-named-png": ("photo.png", b"ceci n'est pas une image\n" * 20, NOT_AN_IMAGE),
    "empty": ("photo.jpg", b"", "est vide"),
    "html-named-gif": ("photo.gif", b"<html><script>alert(1)</script></html>", "ne correspond pas au format"),
}


@pytest.mark.parametrize("kind", CORRUPT_FILES)
def test_a_corrupt_image_gets_a_form_error(admin_client, kind):
    name, content, error = CORRUPT_FILES[kind]
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Image abîmée", "file": SimpleUploadedFile(name, content), "collection": "1"},
    )
    assert response.status_code == 200, response.status_code
    assert error in " ".join(response.context["form"].errors.get("file", []))
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("kind", CORRUPT_FILES)
def test_a_corrupt_image_in_a_multiple_upload_gets_an_error(admin_client, kind):
    name, content, error = CORRUPT_FILES[kind]
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, content)})
    assert response.status_code == 200, response.status_code
    assert response.json()["success"] is False
    assert error in response.json()["error_message"]
    assert not get_image_model().objects.exists()
