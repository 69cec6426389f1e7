"""iCalendar exports of the agenda (what the reader may see only)."""

from django.http import HttpResponse

from portal.middleware import machine_readable

from .services.agenda import calendar_events, visible_event_or_404
from .services.ical import calendar_for


def _ics_response(calendar_bytes: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(calendar_bytes, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@machine_readable
def agenda_ics(request):
    """The whole agenda (from thirty days ago on), to subscribe to from a calendar application."""
    return _ics_response(calendar_for(calendar_events(request), request), "agenda.ics")


@machine_readable
def event_ics(request, event_id: int):
    event = visible_event_or_404(request, event_id)
    return _ics_response(calendar_for([event], request), f"{event.slug}.ics")
