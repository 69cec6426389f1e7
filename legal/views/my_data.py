"""« Mes données »: what the portal holds about the signed-in person, shown and downloaded (JSON, CSV)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..services.my_data import as_json, as_zip, collect_personal_data, export_name


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def my_data(request):
    sections = collect_personal_data(request.user)
    response = render(request, "legal/my_data.html", {"sections": sections})
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def my_data_json(request):
    content = as_json(collect_personal_data(request.user))
    return _download(content, "application/json; charset=utf-8", export_name(request.user, "json"))


@require_GET
def my_data_zip(request):
    content = as_zip(collect_personal_data(request.user))
    return _download(content, "application/zip", export_name(request.user, "zip"))
