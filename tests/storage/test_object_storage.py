"""Uploaded files on S3-compatible object storage (a real S3 server on loopback: moto's).

With MEDIA_S3_BUCKET set, images and documents uploaded through the admin land in the bucket, renditions
and text extraction work without a local path, signed-in readers get them through the portal, and
anonymous visitors get nothing, neither from the portal nor from the bucket.
"""

import urllib.error
import urllib.request

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.images import get_image_model
from wagtail.models import Collection

from documents.models import PortalDocument, TextStatus
from portal.settings import storage
from tests import sample_files
from tests.servers import free_port

BUCKET = "intranet-fichiers"
CREDENTIALS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret", "region_name": "eu-west-3"}


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint, **CREDENTIALS).create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": CREDENTIALS["region_name"]}
    )
    yield endpoint
    server.stop()


@pytest.fixture
def bucket(s3_endpoint):
    return boto3.resource("s3", endpoint_url=s3_endpoint, **CREDENTIALS).Bucket(BUCKET)


@pytest.fixture
def object_storage(s3_endpoint, settings, monkeypatch):
    """The settings portal/settings/storage.py gives for these environment variables."""
    for name, value in {
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": s3_endpoint,
        "MEDIA_S3_REGION": CREDENTIALS["region_name"],
        "MEDIA_S3_ACCESS_KEY": CREDENTIALS["aws_access_key_id"],
        "MEDIA_S3_SECRET_KEY": CREDENTIALS["aws_secret_access_key"],
        "MEDIA_S3_PREFIX": "portail",
        "MEDIA_ACCEL_REDIRECT_PREFIX": "/interne/",
    }.items():
        monkeypatch.setenv(name, value)
    built = {
        "STORAGES": {**settings.STORAGES, "default": storage.media_storage()},
        "MEDIA_ACCEL_REDIRECT_PREFIX": storage.accel_redirect_prefix(),
    }
    settings.STORAGES = built["STORAGES"]
    settings.MEDIA_ACCEL_REDIRECT_PREFIX = built["MEDIA_ACCEL_REDIRECT_PREFIX"]
    return built


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _keys(bucket) -> list[str]:
    return sorted(item.key for item in bucket.objects.all())


def test_without_a_bucket_files_stay_on_the_local_disk(monkeypatch):
    monkeypatch.delenv("MEDIA_S3_BUCKET", raising=False)
    built = {"STORAGES": {"default": storage.media_storage()}}

    assert built["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


@pytest.mark.django_db
def test_an_uploaded_image_is_kept_in_the_bucket_and_shown_to_signed_in_readers_only(
    object_storage, bucket, officer_client, reader_client
):
    png = _png()
    response = officer_client.post(
        reverse("wagtailimages:add"),
        {"title": "Affiche", "file": SimpleUploadedFile("affiche.png", png), "collection": _root()},
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Affiche")
    assert f"portail/{image.file.name}" in _keys(bucket)
    rendition = image.get_rendition("fill-20x20|format-jpeg")  # read from and written to the bucket
    assert f"portail/{rendition.file.name}" in _keys(bucket)

    for url, expected in ((image.file.url, png), (rendition.url, None)):
        assert url.startswith("/media/")  # never the bucket's address
        served = reader_client.get(url)
        assert served.status_code == 200 and "X-Accel-Redirect" not in served
        body = _body(served)
        assert body == expected if expected else body.startswith(b"\xff\xd8")  # the JPEG rendition
        anonymous = Client().get(url)
        assert anonymous.status_code in (302, 401, 403) and png not in _body(anonymous)

    _assert_private(bucket, f"portail/{image.file.name}")


@pytest.mark.django_db
def test_an_uploaded_document_is_read_and_served_from_the_bucket(
    object_storage, bucket, officer_client, reader_client, django_capture_on_commit_callbacks
):
    content = sample_files.docx_bytes("Protocole de reprise après arrêt long")
    with django_capture_on_commit_callbacks(execute=True):  # the text is read by the task, after the upload
        response = officer_client.post(
            reverse("wagtaildocs:add"),
            {"title": "Protocole", "file": SimpleUploadedFile("protocole.docx", content), "collection": _root()},
        )
    assert response.status_code == 302
    document = PortalDocument.objects.get(title="Protocole")
    assert f"portail/{document.file.name}" in _keys(bucket)
    document.refresh_from_db()
    assert document.text_status == TextStatus.DONE and "reprise" in document.extracted_text

    served = reader_client.get(document.url)
    assert served.status_code == 200 and _body(served) == content
    anonymous = Client().get(document.url)
    assert anonymous.status_code in (302, 401, 403) and content not in _body(anonymous)
    _assert_private(bucket, f"portail/{document.file.name}")


def _assert_private(bucket, key: str) -> None:
    """No grant to everyone, and the object's address answers nothing without the keys."""
    grants = bucket.Object(key).Acl().grants
    assert not [grant for grant in grants if "AllUsers" in str(grant.get("Grantee", {}).get("URI", ""))]
    address = f"{bucket.meta.client.meta.endpoint_url}/{bucket.name}/{key}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(address, timeout=5)
    assert refused.value.code == 403


def _root() -> int:
    return Collection.get_first_root_node().pk


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return buffer.getvalue()
