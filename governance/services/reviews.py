"""When a page is due for a review, and recording one (« Toujours exact ») without a new revision.

A page counts as checked on its last review, or else on its first publication. It is due when its type's
period (ReviewPeriods) has passed, or soon will (DUE_SOON), or when a change asked for a review (a linked
document replaced, its working group closed, its responsable gone, a linked page changed importantly); it is
overdue when the period has passed: readers then see a discreet notice.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from base.content_version import bump_content_version
from base.models import StandardPage
from documents.models import DocumentLibraryPage
from knowledge.models import ApproachPage, CaseStudyPage
from news.models import NewsPage
from projects.models import MicroProjectPage, WorkingGroupPage

from ..choices import ReviewReason
from ..models import PageReview, PageStewardship, ReviewPeriods
from .owners import Owner, resolve_owners, stewardships

# A page whose review falls within this many days is already on its responsable's list.
DUE_SOON = datetime.timedelta(days=30)


@dataclass(frozen=True)
class ReviewState:
    """Where a page stands: its responsable, when it was checked, when it is next due, and why it is due."""

    page_id: int
    owner: Owner
    checked_on: datetime.date | None
    next_review: datetime.date | None
    reason: str
    overdue: bool
    due: bool

    @property
    def reason_label(self) -> str:
        return ReviewReason(self.reason).label if self.reason else ""


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def period_months(page, periods: ReviewPeriods) -> int | None:
    """How many months a page of this type stays valid without a review (None: not reviewed by age)."""
    if isinstance(page, WorkingGroupPage | MicroProjectPage):
        return periods.working_group_months
    if isinstance(page, ApproachPage):
        return periods.approach_months
    if isinstance(page, CaseStudyPage):
        return periods.case_study_months
    if isinstance(page, NewsPage):
        return periods.news_months
    if isinstance(page, DocumentLibraryPage | StandardPage):
        return periods.document_months
    return periods.other_months


def review_states(pages, today: datetime.date | None = None, periods: ReviewPeriods | None = None) -> dict:
    """The ReviewState of each of these (specific) pages, by page id, in a constant number of queries."""
    pages = [getattr(page, "specific", page) for page in pages]
    today = today or timezone.localdate()
    periods = periods or ReviewPeriods.load()
    rows = stewardships([page.pk for page in pages])
    owners = resolve_owners(pages, rows)
    states = {}
    for page in pages:
        row = rows.get(page.pk)
        checked = row.last_reviewed_at if row and row.last_reviewed_at else page.first_published_at
        checked_on = timezone.localdate(checked) if checked else None
        months = period_months(page, periods)
        next_review = add_months(checked_on, months) if checked_on and months else None
        reason = row.review_reason if row else ""
        overdue = next_review is not None and next_review < today
        if not reason and next_review is not None and next_review <= today + DUE_SOON:
            reason = ReviewReason.AGE
        states[page.pk] = ReviewState(page.pk, owners[page.pk], checked_on, next_review, reason, overdue, bool(reason))
    return states


def review_state(page, today: datetime.date | None = None) -> ReviewState:
    page = getattr(page, "specific", page)
    return review_states([page], today)[page.pk]


@transaction.atomic
def mark_reviewed(page, user, comment: str = "") -> PageReview:
    """« Toujours exact »: the page is checked now, by `user`; no revision, the page itself is not saved."""
    row, _ = PageStewardship.objects.select_for_update().get_or_create(page_id=page.pk)
    review = PageReview.objects.create(page_id=page.pk, reviewed_by=user, comment=comment, reason=row.review_reason)
    row.last_reviewed_at = review.reviewed_at
    row.last_reviewed_by = user
    row.review_reason = ""
    row.review_requested_at = None
    row.reminded_at = row.escalated_at = None
    row.save()
    return review


@transaction.atomic
def request_review(page_ids, reason: str) -> int:
    """A change asks for a review of these pages now; a page already asked keeps its first reason.
    Returns how many pages were newly asked."""
    page_ids = set(page_ids)
    if not page_ids:
        return 0
    existing = set(PageStewardship.objects.for_pages(page_ids).values_list("page_id", flat=True))
    PageStewardship.objects.bulk_create([PageStewardship(page_id=pk) for pk in page_ids - existing])
    asked = (
        PageStewardship.objects.for_pages(page_ids)
        .filter(review_reason="")
        .update(review_reason=reason, review_requested_at=timezone.now(), reminded_at=None, escalated_at=None)
    )
    if asked:
        # bulk writes send no signal: the pages' footers change.
        bump_content_version()
    return asked


def set_owner(page, person) -> PageStewardship:
    """Choose the page's responsable (None: back to the default of its type)."""
    row, _ = PageStewardship.objects.get_or_create(page_id=page.pk)
    row.owner = person
    row.save(update_fields=["owner"])
    return row
