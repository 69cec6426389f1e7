"""Needs sheets: submission from the front end."""

from django.db import transaction
from django.utils.html import escape, linebreaks

from base.services.pages import available_slug
from people.services import person_for_user

from ..models import NeedsIndexPage, NeedsSheetPage, NeedStatus


def _as_rich_text(text: str) -> str:
    return linebreaks(escape(text.strip())) if text.strip() else ""


@transaction.atomic
def submit_needs_sheet(index_page: NeedsIndexPage, user, data: dict) -> NeedsSheetPage:
    """Publish a new sheet with status "soumise", signed by the user's directory entry."""
    sheet = NeedsSheetPage(
        title=data["title"],
        slug=available_slug(index_page, data["title"]),
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
    return sheet
