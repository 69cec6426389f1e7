"""Project-wide views: health check, signed-in access to uploaded images, hand-over to the sign-in page."""

import posixpath

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.images import get_image_model

from base.visibility import can_view_in_collection

from .health import waiting_tasks
from .security import uploaded_file_headers

# Only image files are served from MEDIA_ROOT, to those their collection admits; documents go through
# Wagtail's serve view, which applies collection privacy and logs downloads.
SERVED_MEDIA_FOLDERS = ("images", "original_images")
MAX_NAME_LENGTH = 255


@login_not_required
@never_cache
@require_GET
def health(request):
    """Liveness, database and task queue check for the load balancer and monitoring; reveals no content.

    Served by portal.errors.HealthCheckMiddleware before any session or cache is read; fails within a short
    wait and the connect timeout when PostgreSQL is down or frozen. Old waiting tasks (a stopped worker) are
    reported, never a failure (portal/health.py).
    """
    try:
        tasks = waiting_tasks()
    except Exception:  # any database failure means unhealthy
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "tasks": tasks})


@login_not_required
@never_cache
def sign_in_elsewhere(request):
    """Wagtail's admin and restricted-page sign-in forms lead here: there is one sign-in page, the portal's."""
    target = resolve_url(settings.LOGIN_URL)
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target += "?" + urlencode({"next": next_url})
    return redirect(target)


def _stored_image(folder: str, name: str):
    """The image whose original (original_images/…) or rendition (images/…) is this file, with its collection,
    in one query; None for a file no image knows."""
    image_model = get_image_model()
    if folder == "original_images":
        return image_model.objects.select_related("collection").filter(file=name).first()
    rendition = image_model.get_rendition_model().objects.select_related("image__collection").filter(file=name).first()
    return rendition.image if rendition is not None else None


@require_GET
def protected_media(request, path: str):
    """Serve an uploaded image (original or rendition) to a signed-in user who may open it: the middleware has
    checked the session; the image's collection must not refuse the reader (base.visibility), as Wagtail's
    document view checks for documents. A refused image answers like an unknown file."""
    # Read through the storage (local folder or object storage). The folder is checked after
    # normalising: "images/../documents/x" must not reach the documents.
    name = posixpath.normpath(path)
    folder, _, file_name = name.partition("/")
    # No stored name holds a NUL or exceeds the file column (PostgreSQL refuses the first in a query).
    if folder not in SERVED_MEDIA_FOLDERS or not file_name or "\x00" in name or len(name) > MAX_NAME_LENGTH:
        raise Http404
    # Rendition names are predictable from the original's: each file is checked, not only the original.
    image = _stored_image(folder, name)
    if image is None or not can_view_in_collection(image, request) or not default_storage.exists(name):
        raise Http404
    # The type comes from an allow-list, never from the file: anything but a known image is downloaded.
    headers = uploaded_file_headers(posixpath.basename(name))
    if settings.MEDIA_ACCEL_REDIRECT_PREFIX:
        response = HttpResponse()
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT_PREFIX.rstrip("/") + "/" + name
    else:
        try:
            response = FileResponse(default_storage.open(name, "rb"))
        except IsADirectoryError:
            raise Http404 from None
    for header, value in headers.items():
        response[header] = value
    response["Cache-Control"] = "private, max-age=3600"
    return response
