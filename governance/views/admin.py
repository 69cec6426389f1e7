"""The administration's « Gouvernance des contenus »: every content page with its responsable, its next review,
its readers' answers and open reports, filterable; and « Responsable et vérification » of one page."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..filters import GovernanceFilterSet
from ..forms import OwnerForm
from ..models import PageReview, PageStewardship
from ..services.listing import governed_rows
from ..services.owners import governed_pages
from ..services.reviews import review_state, set_owner
from .pages import governed_page_or_404

CHANGE_STEWARDSHIP = "governance.change_pagestewardship"


@permission_required(CHANGE_STEWARDSHIP, raise_exception=True)
def governance_index(request):
    pages = governed_pages()
    filters = GovernanceFilterSet(request.GET or None, queryset=pages, request=request)
    filters.form.is_valid()
    cleaned = filters.form.cleaned_data if filters.is_bound else {}
    rows = governed_rows(request, filters.qs if filters.is_bound and "q" not in filters.form.errors else pages)
    owner, state = cleaned.get("owner"), cleaned.get("state")
    if owner:
        rows = [row for row in rows if row.state.owner.person and row.state.owner.person.pk == owner.pk]
    if state == "a-verifier":
        rows = [row for row in rows if row.state.due]
    elif state == "en-retard":
        rows = [row for row in rows if row.state.overdue]
    context = {
        "rows": rows,
        "filters": filters,
        "page_title": _("Gouvernance des contenus"),
        "header_icon": "user",
    }
    return TemplateResponse(request, "governance/admin/index.html", context)


@permission_required(CHANGE_STEWARDSHIP, raise_exception=True)
def stewardship_edit(request, page_id: int):
    page = governed_page_or_404(request, page_id)
    chosen = PageStewardship.objects.filter(page_id=page.pk).values_list("owner", flat=True).first()
    form = OwnerForm(request.POST or None, initial={"owner": chosen})
    if request.method == "POST" and form.is_valid():
        set_owner(page, form.cleaned_data["owner"])
        messages.success(request, _("Le responsable de « %(title)s » est enregistré.") % {"title": page.title})
        return redirect("governance_admin:index")
    context = {
        "target": page,
        "form": form,
        "state": review_state(page),
        "reviews": PageReview.objects.filter(page_id=page.pk).select_related("reviewed_by")[:20],
        "page_title": _("Responsable et vérification"),
        "page_subtitle": page.title,
        "header_icon": "user",
    }
    response = TemplateResponse(request, "governance/admin/stewardship.html", context)
    response.status_code = 400 if form.is_bound else 200
    return response
