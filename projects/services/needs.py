"""Needs sheets: submission from the front end."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.html import escape, linebreaks
from wagtail.coreutils import find_available_slug

from accounts.models import User
from base.text import title_slug
from people.models import Metier
from people.services import person_for_user

from ..choices import NeedStatus
from ..models import NeedsIndexPage, NeedsSheetPage, WorkingGroupPage
from .needs_status import record_submission


def _as_rich_text(text: str) -> str:
    return linebreaks(escape(text.strip())) if text.strip() else ""


@transaction.atomic
def submit_needs_sheet(
    index_page: NeedsIndexPage,
    user: User,
    *,
    title: str,
    need: str,
    context: str = "",
    expected_benefits: str = "",
    metiers: Iterable[Metier] = (),
    suggested_group: WorkingGroupPage | None = None,
) -> NeedsSheetPage:
    """Publish a new sheet with status "soumise", signed by the user's directory entry, and start its history."""
    sheet = NeedsSheetPage(
        title=title,
        slug=find_available_slug(index_page, title_slug(title)[:240] or "fiche"),
        need=_as_rich_text(need),
        context=_as_rich_text(context),
        expected_benefits=_as_rich_text(expected_benefits),
        suggested_group=suggested_group,
        status=NeedStatus.SUBMITTED,
        submitted_by=person_for_user(user),
        owner=user,
    )
    index_page.add_child(instance=sheet)
    sheet.metiers.set(metiers or [])
    revision = sheet.save_revision(user=user, log_action=True)
    # Any staff member may raise a need: the form publishes on their behalf, they hold no publish right.
    revision.publish(user=user, skip_permission_checks=True)
    record_submission(sheet, user)
    return sheet
