"""Readers' feedback: « Cette page vous a-t-elle été utile ? » and « Signaler un problème ».

Usefulness is kept as counts per page only: the portal records no person's reading or opinion (that would
need the staff representatives' consultation). The reader's own answer lives in their session, so that they
may change it once without being counted twice. A report names its author (they get the answer) and reaches
the page's responsable only if they may open the page.
"""

from __future__ import annotations

from enum import Enum

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from base.visibility import can_view_page
from participation.choices import NotificationKind
from participation.services.notify import create_notifications

from ..choices import ReportStatus
from ..models import FeedbackReport, PageUsefulness
from .owners import answers_for, owner_accounts, owner_of

SESSION_VOTES = "governance_votes"


class VoteOutcome(Enum):
    COUNTED = "counted"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    ALREADY_CHANGED = "already_changed"


def own_vote(session, page_id: int) -> str | None:
    """The reader's answer for this page in this session: "yes", "no" or None."""
    entry = session.get(SESSION_VOTES, {}).get(str(page_id))
    return entry["vote"] if entry else None


@transaction.atomic
def vote(page, session, useful: bool) -> VoteOutcome:
    """Count the reader's answer once; a second, different answer moves their vote once (and no more)."""
    votes = dict(session.get(SESSION_VOTES, {}))
    answer = "yes" if useful else "no"
    entry = votes.get(str(page.pk))
    if entry and entry["vote"] == answer:
        return VoteOutcome.UNCHANGED
    if entry and entry.get("changed"):
        return VoteOutcome.ALREADY_CHANGED
    PageUsefulness.objects.get_or_create(page_id=page.pk)
    counts = PageUsefulness.objects.filter(page_id=page.pk)
    if entry:
        moved = {"useful": F("useful") + 1, "not_useful": F("not_useful") - 1}
        if not useful:
            moved = {"useful": F("useful") - 1, "not_useful": F("not_useful") + 1}
        counts.filter(**({"not_useful__gt": 0} if useful else {"useful__gt": 0})).update(**moved)
    else:
        counts.update(**({"useful": F("useful") + 1} if useful else {"not_useful": F("not_useful") + 1}))
    votes[str(page.pk)] = {"vote": answer, "changed": bool(entry)}
    session[SESSION_VOTES] = votes
    return VoteOutcome.CHANGED if entry else VoteOutcome.COUNTED


def usefulness(page_ids) -> dict[int, tuple[int, int]]:
    """(useful, not useful) counts by page id; pages nobody answered for are absent."""
    rows = PageUsefulness.objects.for_pages(page_ids).values_list("page_id", "useful", "not_useful")
    return {page_id: (yes, no) for page_id, yes, no in rows}


@transaction.atomic
def report_problem(page, user, text: str) -> FeedbackReport:
    """Record a reader's report and tell the page's responsable (bell and e-mail), if they may open the page."""
    report = FeedbackReport.objects.create(page_id=page.pk, reporter=user, text=text)
    recipients = [account for account in owner_accounts(owner_of(page)) if account.pk != user.pk]
    recipients = [account for account in recipients if can_view_page(page, account)]
    message = _("Problème signalé sur « %(title)s » : %(text)s") % {"title": page.title, "text": text}
    create_notifications(recipients, page, NotificationKind.FEEDBACK, message[:500], f"report:{report.pk}")
    return report


def can_handle(report: FeedbackReport, user) -> bool:
    """The page's responsable, or a project officer, who may open the page."""
    page = report.page.specific
    return answers_for(owner_of(page), user) and can_view_page(page, user)


@transaction.atomic
def answer_report(report: FeedbackReport, user, status: str, reply: str) -> FeedbackReport:
    """Mark the report treated or declined; the reporter gets the reply if they may still open the page."""
    report.status = ReportStatus(status)
    report.reply = reply
    report.handled_by = user
    report.handled_at = timezone.now()
    report.save(update_fields=["status", "reply", "handled_by", "handled_at"])
    reporter = report.reporter
    page = report.page
    if reporter is not None and reporter.is_active and reporter.pk != user.pk and can_view_page(page, reporter):
        message = _("Votre signalement sur « %(title)s » : %(status)s. %(reply)s") % {
            "title": page.title,
            "status": report.get_status_display().lower(),
            "reply": reply,
        }
        create_notifications(
            [reporter], page, NotificationKind.FEEDBACK, message.strip()[:500], f"reply:{report.pk}", immediate=True
        )
    return report
