"""Uploaded files on S3-compatible object storage, reachable only through the portal.

The bucket stays private. A file's URL is the portal's own (/media/… for images, served by
portal.views.protected_media; Wagtail's document view for documents), never a public or pre-signed
bucket address: each download goes through a view that checks the session (and, for documents, the
collection's privacy), and the bucket's credentials never leave the application servers.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name)).lstrip("/")
