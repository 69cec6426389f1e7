"""Needs sheets: submission from the front end."""

from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from people.services import person_for_user

from ..choices import NeedStatus
from .needs_status import record_submission


def _as_rich_text(text: str) -> str:
    return linebreaks(escape(text.strip())) if text.strip() else ""


def handle_submission(index_page, request):
    """The needs form of this request and, when it was valid, the sheet it published (else None)."""
    from ..forms import NeedsSheetForm

    # An empty POST is still a submission to validate (request.POST is then falsy).
    form = NeedsSheetForm(request.POST if request.method == "POST" else None, request=request)
    if request.method == "POST" and form.is_valid():
        return form, submit_needs_sheet(index_page, request.user, form.cleaned_data)
    return form, None


@transaction.atomic
def submit_needs_sheet(index_page, user, data: dict):
    """Publish a new sheet with status "soumise", signed by the user's directory entry, and start its history."""
    from ..models import NeedsSheetPage

    sheet = NeedsSheetPage(
        title=data["title"],
        slug=find_available_slug(index_page, slugify(data["title"])[:240] or "fiche"),
        need=_as_rich_text(data["need"]),
        context=_as_rich_text(data.get("context", "")),
        expected_benefits=_as_rich_text(data.get("expected_benefits", "")),
        suggested_group=data.get("suggested_group"),
        status=NeedStatus.SUBMITTED,
        submitted_by=person_for_user(user),
        owner=user,
    )
    index_page.add_child(instance=sheet)
    sheet.metiers.set(data.get("metiers") or [])
    revision = sheet.save_revision(user=user, log_action=True)
    # Any staff member may raise a need: the form publishes on their behalf, they hold no publish right.
    revision.publish(user=user, skip_permission_checks=True)
    record_submission(sheet, user)
    return sheet
