"""Agenda listing and iCalendar exports."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from people.models import Metier
from portal.middleware import machine_readable

from .models import EventKind, EventPage
from .services.ical import calendar_for

EVENTS_PER_PAGE = 20


def event_index_context(index_page, request) -> dict:
    now = timezone.now()
    events = EventPage.objects.live().child_of(index_page).select_related("working_group").prefetch_related("metiers")
    period = request.GET.get("periode", "")
    kind = request.GET.get("type", "")
    metier = request.GET.get("metier", "")
    if period == "passes":
        events = events.filter(start__lt=now).order_by("-start")
    else:
        events = events.filter(start__gte=now.replace(hour=0, minute=0, second=0)).order_by("start")
    if kind in EventKind.values:
        events = events.filter(kind=kind)
    if metier:
        events = events.filter(metiers__slug=metier)
    return {
        "events": Paginator(events.distinct(), EVENTS_PER_PAGE).get_page(request.GET.get("page")),
        "kinds": EventKind.choices,
        "metiers": Metier.objects.all(),
        "selected_period": period,
        "selected_kind": kind,
        "selected_metier": metier,
    }


def _ics_response(calendar_bytes: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(calendar_bytes, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@machine_readable
def agenda_ics(request):
    """The whole agenda (from thirty days ago on), to subscribe to from a calendar application."""
    since = timezone.now() - timedelta(days=30)
    events = EventPage.objects.live().filter(start__gte=since).order_by("start")
    return _ics_response(calendar_for(events, request), "agenda.ics")


@machine_readable
def event_ics(request, event_id: int):
    event = get_object_or_404(EventPage.objects.live(), pk=event_id)
    return _ics_response(calendar_for([event], request), f"{event.slug}.ics")
