"""Project-wide views: health check, signed-in access to uploaded images, hand-over to the sign-in page."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Only image files are served from MEDIA_ROOT; documents go through Wagtail's serve view,
# which applies collection privacy and logs downloads.
SERVED_MEDIA_FOLDERS = ("images", "original_images")


@login_not_required
@never_cache
@require_GET
def health(request):
    """Liveness and database check for the load balancer; reveals nothing else."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means unhealthy
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
    root = Path(settings.MEDIA_ROOT).resolve()
    file_path = (root / path).resolve()
    # The folder is checked after resolving: "images/../documents/x" must not reach the documents.
    try:
        relative = file_path.relative_to(root)
    except ValueError:
        raise Http404 from None
    if relative.parts[:1] not in {(folder,) for folder in SERVED_MEDIA_FOLDERS} or not file_path.is_file():
        raise Http404
    content_type = mimetypes.guess_type(file_path.name)[0] or "application/octet-stream"
    if settings.MEDIA_ACCEL_REDIRECT_PREFIX:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT_PREFIX.rstrip("/") + "/" + relative.as_posix()
    else:
        response = FileResponse(file_path.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response
