"""iCalendar exports of the agenda (what the reader may see only)."""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from base.machine_readable import machine_readable

from .services.agenda import calendar_events, visible_event_or_404
from .services.ical import calendar_for


def ics_response(calendar_bytes: bytes, filename: str) -> HttpResponse:
    """A calendar file, never kept by a shared cache (it holds what one reader may see)."""
    response = HttpResponse(calendar_bytes, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@machine_readable
def agenda_ics(request, reader=None):
    """The whole agenda (from thirty days ago on), to subscribe to from a calendar application.

    The reader is the request's, or the account of a personal address (no session).
    """
    events = calendar_events(request if reader is None else reader)
    return ics_response(calendar_for(events, request), "agenda.ics")


@machine_readable
def event_ics(request, event_id: int):
    event = visible_event_or_404(request, event_id)
    return ics_response(calendar_for([event], request), f"{event.slug}.ics")
