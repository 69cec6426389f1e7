"""Administration of needs sheets: "Changer le statut" next to a sheet, through the same service as the portal."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from .forms import NeedStatusForm
from .models import NeedsSheetPage
from .services.needs_status import is_needs_officer

STATUS_URL_NAME = "projects_needs_status"


def needs_status_view(request, page_id: int):
    """The sheet's history and the form of its next step (projects.services.needs_status.change_status)."""
    if not is_needs_officer(request.user):
        raise PermissionDenied
    if page_id >= 2**31:
        raise Http404
    sheet = get_object_or_404(NeedsSheetPage, pk=page_id)
    form = NeedStatusForm(request.POST if request.method == "POST" else None, sheet=sheet, reader=request.user)
    if request.method == "POST":
        change = form.save(by=request.user)
        if change is not None:
            messages.success(
                request, _("La fiche est désormais « %(status)s ».") % {"status": change.get_status_display()}
            )
            return redirect("wagtailadmin_pages:edit", sheet.pk)
    context = {
        "sheet": sheet,
        "form": form,
        "history": sheet.status_changes.select_related("decided_by"),
        "page_title": _("Changer le statut"),
        "page_subtitle": sheet.title,
        "header_icon": "tasks",
    }
    response = TemplateResponse(request, "projects/needs_admin_status.html", context)
    response.status_code = 400 if form.is_bound else 200
    return response


@hooks.register("register_admin_urls")
def needs_status_urls():
    return [path("fiches-besoins/<int:page_id>/statut/", needs_status_view, name=STATUS_URL_NAME)]


def _status_button(page, user, priority):
    if issubclass(page.specific_class or type(page), NeedsSheetPage) and is_needs_officer(user):
        url = reverse(STATUS_URL_NAME, args=[page.pk])
        yield Button(gettext_lazy("Changer le statut"), url, icon_name="tasks", priority=priority)


@hooks.register("register_page_header_buttons")
def needs_status_header_button(page, user, view_name, next_url=None):
    yield from _status_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def needs_status_listing_button(page, user, next_url=None):
    yield from _status_button(page, user, priority=12)
