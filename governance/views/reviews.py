"""« Mes contenus à vérifier » and its « Toujours exact » button."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..forms import ReviewForm
from ..services.listing import my_rows, open_reports
from ..services.owners import answers_for, owner_of
from ..services.reviews import mark_reviewed
from .pages import governed_page_or_404


@require_GET
def my_reviews(request):
    rows = my_rows(request)
    context = {
        "due": [row for row in rows if row.state.due],
        "rows": rows,
        "reports": open_reports(request, rows),
        "form": ReviewForm(),
    }
    return render(request, "governance/my_reviews.html", context)


@require_POST
def confirm_review(request, page_id: int):
    page = governed_page_or_404(request, page_id)
    if not answers_for(owner_of(page), request.user):
        raise Http404
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("comment", []):
            messages.error(request, _("Commentaire : %(error)s") % {"error": error})
        return redirect("governance:my_reviews")
    mark_reviewed(page, request.user, form.cleaned_data["comment"])
    messages.success(request, _("« %(title)s » est notée comme toujours exacte.") % {"title": page.title})
    return redirect("governance:my_reviews")
