"""What governance holds about a person, for « Mes données »: the problems they reported (with the answers),
the reviews they recorded and the pages they are responsable for. Usefulness votes are counts only: nothing
of them is kept per person."""

from .models import FeedbackReport, PageReview, PageStewardship


def collect_reports(user) -> list[dict]:
    reports = FeedbackReport.objects.filter(reporter=user).select_related("page").order_by("created_at", "pk")
    return [
        {
            "page": report.page.title,
            "text": report.text,
            "created_at": report.created_at,
            "status": report.get_status_display(),
            "reply": report.reply,
            "handled_at": report.handled_at,
        }
        for report in reports
    ]


def collect_reviews(user) -> list[dict]:
    reviews = PageReview.objects.filter(reviewed_by=user).select_related("page").order_by("reviewed_at", "pk")
    return [
        {"page": review.page.title, "reviewed_at": review.reviewed_at, "comment": review.comment} for review in reviews
    ]


def collect_stewardships(user) -> list[dict]:
    chosen = PageStewardship.objects.filter(owner__user=user).select_related("page").order_by("page__title", "pk")
    return [
        {"page": stewardship.page.title, "last_reviewed_at": stewardship.last_reviewed_at} for stewardship in chosen
    ]
