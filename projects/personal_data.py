"""The needs sheets a person submitted, their comments and supports, for « Mes données »."""

from django.utils.html import strip_tags

from .models import NeedComment, NeedsSheetPage, NeedSupport


def collect_needs_sheets(user) -> list[dict]:
    return [
        {
            "title": sheet.title,
            "date": sheet.date,
            "status": sheet.get_status_display(),
            "need": strip_tags(sheet.need),
            "context": strip_tags(sheet.context),
            "expected_benefits": strip_tags(sheet.expected_benefits),
            "live": sheet.live,
        }
        for sheet in NeedsSheetPage.objects.filter(submitted_by__user=user).order_by("date", "pk")
    ]


def collect_comments(user) -> list[dict]:
    return [
        {"sheet": comment.sheet.title, "body": comment.body, "created_at": comment.created_at, "hidden": comment.hidden}
        for comment in NeedComment.objects.filter(author=user).select_related("sheet").order_by("created_at", "pk")
    ]


def collect_supports(user) -> list[dict]:
    return [
        {"sheet": support.sheet.title, "created_at": support.created_at}
        for support in NeedSupport.objects.filter(user=user).select_related("sheet").order_by("created_at", "pk")
    ]
