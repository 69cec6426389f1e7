"""Build iCalendar (RFC 5545) files from agenda events."""

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from ..models import EventPage


def calendar_for(events: Iterable[EventPage], request) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{settings.WAGTAIL_SITE_NAME} – agenda")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host()
    for page in events:
        event = Event()
        event.add("uid", f"evenement-{page.pk}@{host}")
        event.add("summary", page.title)
        # Local times with their TZID (Europe/Paris), as calendar applications show them.
        event.add("dtstart", timezone.localtime(page.start))
        event.add("dtend", timezone.localtime(page.effective_end))
        event.add("dtstamp", page.last_published_at or page.start)
        if page.location:
            event.add("location", page.location)
        if page.summary:
            event.add("description", page.summary)
        event.add("url", request.build_absolute_uri(page.get_url(request)))
        event.add("categories", [page.get_kind_display()])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
