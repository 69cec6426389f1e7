"""The pages a responsable answers for, with where each stands: « Mes contenus à vérifier » and the
administration's listing. Only pages the reader may open are ever listed or counted (base.visibility)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from base.caches import versioned
from base.content_version import content_version
from base.memo import remember, request_memo
from base.visibility import visible_pages

from ..models import FeedbackReport
from .feedback import usefulness
from .owners import answers_by_choice_or_default, governed_pages, is_project_officer
from .reviews import ReviewState, review_states

SESSION_OWNS_CONTENT = "governance_owns_content"


@dataclass
class GovernedRow:
    page: object
    state: ReviewState
    useful: int = 0
    not_useful: int = 0
    open_reports: int = 0

    @property
    def answers(self) -> int:
        return self.useful + self.not_useful


def governed_rows(reader, pages=None, today: datetime.date | None = None) -> list[GovernedRow]:
    """Every live governed page the reader may open (or those of `pages`), with its state and feedback."""
    pages = visible_pages(pages if pages is not None else governed_pages(), reader)
    pages = list(pages.order_by("title", "pk").specific())
    ids = [page.pk for page in pages]
    states = review_states(pages, today or timezone.localdate())
    counts = usefulness(ids)
    open_by_page = FeedbackReport.objects.open().on_pages(ids).values("page_id").annotate(n=Count("pk"))
    reports = dict(open_by_page.values_list("page_id", "n"))
    return [GovernedRow(page, states[page.pk], *counts.get(page.pk, (0, 0)), reports.get(page.pk, 0)) for page in pages]


def answered_by(row: GovernedRow, user, officer: bool) -> bool:
    owner = row.state.owner
    if owner.person is not None:
        return owner.person.user_id == user.pk
    return officer


def my_rows(request) -> list[GovernedRow]:
    """The pages the signed-in person answers for (project officers: also those of the officers as a whole)."""
    officer = is_project_officer(request.user)
    rows = [row for row in governed_rows(request) if answered_by(row, request.user, officer)]
    # The user menu's link on this very page needs no second look at every page's responsable.
    remember(request, "governance_owns_content", officer or bool(rows))
    return rows


def owns_content(request) -> bool:
    """Whether the signed-in account answers for some page (the user menu's link): once per content version,
    kept in the session beside that version, so that the menu costs no query on other pages."""
    user = request.user
    if not user.is_authenticated:
        return False

    def compute() -> bool:
        version = content_version()
        stored = request.session.get(SESSION_OWNS_CONTENT)
        if version is not None and stored and stored[0] == version:
            return stored[1]
        value = _owns_content(user)
        if version is not None:
            request.session[SESSION_OWNS_CONTENT] = [version, value]
        return value

    return request_memo(request, "governance_owns_content", compute)


def _owns_content(user) -> bool:
    # Those who answer for a page by choice or by their type's default; a page that falls back to someone
    # (they published it last, they pilot its group) reaches them through its reminders.
    return versioned("governance-owns-content", lambda: answers_by_choice_or_default(user), user.pk)


def open_reports(reader, rows: list[GovernedRow]):
    """Open reports on these pages (which the reader may open), oldest first."""
    ids = [row.page.pk for row in rows if row.open_reports]
    return list(
        FeedbackReport.objects.open().on_pages(ids).visible_to(reader).select_related("page").order_by("created_at")
    )
