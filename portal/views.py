"""Project-wide views: health check and signed-in access to uploaded images."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
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


@require_GET
def protected_media(request, path: str):
    """Serve an uploaded image to a signed-in user (the middleware has checked the session)."""
    folder = path.split("/", 1)[0]
    if folder not in SERVED_MEDIA_FOLDERS:
        raise Http404
    root = Path(settings.MEDIA_ROOT).resolve()
    file_path = (root / path).resolve()
    if root not in file_path.parents or not file_path.is_file():
        raise Http404
    content_type = mimetypes.guess_type(file_path.name)[0] or "application/octet-stream"
    if settings.MEDIA_ACCEL_REDIRECT_PREFIX:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT_PREFIX.rstrip("/") + "/" + path
    else:
        response = FileResponse(file_path.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response
