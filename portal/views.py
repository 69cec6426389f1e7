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

from .errors import database_is_reachable
from .security import uploaded_file_headers

# Only image files are served from MEDIA_ROOT; documents go through Wagtail's serve view,
# which applies collection privacy and logs downloads.
SERVED_MEDIA_FOLDERS = ("images", "original_images")


@login_not_required
@never_cache
@require_GET
def health(request):
    """Liveness and database check for the load balancer; reveals nothing else.

    Served by portal.errors.HealthCheckMiddleware before any session or cache is read; fails within the
    database connect timeout when PostgreSQL is down or frozen.
    """
    if not database_is_reachable():
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


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


@require_GET
def protected_media(request, path: str):
    """Serve an uploaded image to a signed-in user (the middleware has checked the session)."""
    # Read through the storage (local folder or object storage). The folder is checked after
    # normalising: "images/../documents/x" must not reach the documents.
    name = posixpath.normpath(path)
    folder, _, file_name = name.partition("/")
    if folder not in SERVED_MEDIA_FOLDERS or not file_name or not default_storage.exists(name):
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
