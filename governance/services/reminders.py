"""Reminders of pages due for a review: their responsable is told once per due date; when nobody has checked
the page GOVERNANCE_ESCALATION_DAYS later, the project officers are told, once too. Running it again changes
nothing (each reminder is marked on the page's stewardship, each notification is unique per event)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from base.visibility import can_view_page
from participation.choices import NotificationKind
from participation.services.notify import create_notifications

from ..models import PageStewardship
from .owners import governed_pages, owner_accounts, project_officers
from .reviews import review_states

BATCH = 200


def escalation_delay() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "GOVERNANCE_ESCALATION_DAYS", 14))


@dataclass
class ReminderReport:
    pages: int = 0
    due: int = 0
    reminded: int = 0
    escalated: int = 0


def remind_reviews(now: datetime.datetime | None = None, progress: Callable[[int, int], None] | None = None):
    """Tell the responsables of due pages, then the project officers of pages left unchecked too long."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    report = ReminderReport()
    ids = list(governed_pages().order_by("pk").values_list("pk", flat=True))
    report.pages = len(ids)
    officers = list(project_officers())
    for start in range(0, len(ids), BATCH):
        pages = list(governed_pages().filter(pk__in=ids[start : start + BATCH]).specific())
        states = review_states(pages, today)
        rows = {row.page_id: row for row in PageStewardship.objects.for_pages([p.pk for p in pages])}
        for page in pages:
            state = states[page.pk]
            if not state.due:
                continue
            report.due += 1
            row = rows.get(page.pk) or PageStewardship.objects.get_or_create(page_id=page.pk)[0]
            if row.reminded_at is None:
                _tell(owner_accounts(state.owner), page, _("Page à vérifier : « %(title)s »"), "review", state)
                row.reminded_at = now
                row.save(update_fields=["reminded_at"])
                report.reminded += 1
            elif row.escalated_at is None and now - row.reminded_at >= escalation_delay():
                message = _("Page non vérifiée depuis le rappel à son responsable : « %(title)s »")
                _tell(officers, page, message, "review-escalated", state)
                row.escalated_at = now
                row.save(update_fields=["escalated_at"])
                report.escalated += 1
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    return report


def _tell(accounts, page, message: str, event: str, state) -> None:
    recipients = [account for account in accounts if can_view_page(page, account)]
    text = message % {"title": page.title}
    if state.reason_label:
        text = f"{text} ({state.reason_label})"
    key = f"{event}:{state.checked_on or ''}:{state.reason}"
    create_notifications(recipients, page, NotificationKind.REVIEW, text[:500], key)
