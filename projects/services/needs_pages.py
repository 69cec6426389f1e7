"""What the needs pages show around a sheet: its history, supporters, comments and the officers' forms."""

from django.db.models import Prefetch

from .needs_status import allowed_statuses, is_needs_officer
from .needs_support import support_summary


def sheet_page_context(sheet, request) -> dict:
    """The participation part of a sheet's page, in a fixed number of queries whatever the sheet holds."""
    from ..forms import HideCommentForm, NeedCommentForm, NeedStatusForm

    officer = is_needs_officer(request.user)
    support_count, concerned = support_summary(sheet, request.user)
    context = {
        "history": list(sheet.status_changes.select_related("decided_by")),
        "support_count": support_count,
        "is_concerned": concerned,
        "comments": list(sheet.comments.for_page()),
        "comment_form": NeedCommentForm(),
        "is_needs_officer": officer,
        "status_form": None,
        "hide_form": None,
    }
    if officer:
        if allowed_statuses(sheet.status):
            context["status_form"] = NeedStatusForm(sheet=sheet, reader=request)
        context["hide_form"] = HideCommentForm()
    return context


def my_sheets(index_page, request) -> list:
    """The sheets of this index the reader raised (and may still open), latest first, with their history."""
    from ..models import NeedsSheetPage, NeedsStatusChange

    history = NeedsStatusChange.objects.select_related("decided_by").order_by("decided_at", "pk")
    return list(
        NeedsSheetPage.objects.child_of(index_page)
        .visible_to(request)
        .submitted_by_user(request.user)
        .with_support_count()
        .order_by("-date", "-pk")
        .prefetch_related(Prefetch("status_changes", queryset=history))
    )
