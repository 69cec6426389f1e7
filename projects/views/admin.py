"""The administration's "Changer le statut" of a needs sheet, through the same service as the portal."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..models import NeedsSheetPage
from ..permissions import MANAGE_NEEDS
from .needs import apply_status_form, status_changed_message


@permission_required(MANAGE_NEEDS, raise_exception=True)
def needs_status(request, page_id: int):
    """The sheet's history and the form of its next step (projects.services.needs_status.change_status)."""
    if page_id >= 2**31:
        raise Http404
    sheet = get_object_or_404(NeedsSheetPage, pk=page_id)
    form = sheet.status_form(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        change = apply_status_form(form, sheet, request.user)
        if change is not None:
            messages.success(request, status_changed_message(change))
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
