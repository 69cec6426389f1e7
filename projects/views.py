"""Context builders and views for working groups and needs sheets; rules live in projects.services."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from people.models import Metier

from .forms import NeedsSheetForm
from .models import GroupStatus, NeedsSheetPage, NeedStatus, WorkingGroupPage
from .services.needs import submit_needs_sheet

NEEDS_PER_PAGE = 20


def group_index_context(index_page, request) -> dict:
    groups = (
        WorkingGroupPage.objects.child_of(index_page)
        .live()
        .select_related("referent")
        .prefetch_related("members__person", "metiers")
        .order_by("title")
    )
    status = request.GET.get("statut", "")
    metier = request.GET.get("metier", "")
    if status in GroupStatus.values:
        groups = groups.filter(status=status)
    if metier:
        groups = groups.filter(metiers__slug=metier)
    return {
        "groups": groups,
        "statuses": GroupStatus.choices,
        "selected_status": status,
        "metiers": Metier.objects.all(),
        "selected_metier": metier,
    }


def group_page_context(group: WorkingGroupPage, request) -> dict:
    now = timezone.now()
    meetings = list(group.meetings.all().select_related("minutes_document").order_by("starts_at"))
    user = request.user
    return {
        "pilots": group.pilots,
        "participants": group.participants,
        "upcoming_meetings": [m for m in meetings if m.starts_at >= now],
        "past_meetings": sorted((m for m in meetings if m.starts_at < now), key=lambda m: m.starts_at, reverse=True),
        "group_documents": group.documents.all().select_related("document"),
        "group_news": group.news.live().order_by("-date")[:5],
        "group_events": group.events.live().filter(start__gte=now).order_by("start")[:5],
        "micro_projects": group.get_children().live().specific(),
        "retained_needs": group.suggested_needs.live().filter(status=NeedStatus.RETAINED),
        "can_edit": user.is_authenticated and group.permissions_for_user(user).can_edit(),
    }


def needs_index(request, index_page):
    sheets = NeedsSheetPage.objects.child_of(index_page).live().select_related("submitted_by").order_by("-date", "-pk")
    status = request.GET.get("statut", "")
    if status in NeedStatus.values:
        sheets = sheets.filter(status=status)
    counts = dict.fromkeys(NeedStatus.values, 0)
    for value in NeedsSheetPage.objects.child_of(index_page).live().values_list("status", flat=True):
        counts[value] += 1
    paginator = Paginator(sheets, NEEDS_PER_PAGE)
    return TemplateResponse(
        request,
        "projects/needs_index_page.html",
        {
            "page": index_page,
            "self": index_page,
            "sheets": paginator.get_page(request.GET.get("page")),
            "statuses": [(value, label, counts[value]) for value, label in NeedStatus.choices],
            "selected_status": status,
        },
    )


def submit_need(request, index_page):
    # An empty POST is still a submission to validate (request.POST is then falsy).
    form = NeedsSheetForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        sheet = submit_needs_sheet(index_page, request.user, form.cleaned_data)
        messages.success(request, _("Merci : votre fiche « %(title)s » est enregistrée.") % {"title": sheet.title})
        return redirect(sheet.url)
    return TemplateResponse(
        request,
        "projects/needs_submit.html",
        {"page": index_page, "self": index_page, "form": form},
        status=400 if form.is_bound else 200,
    )
