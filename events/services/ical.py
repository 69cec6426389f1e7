"""Build iCalendar (RFC 5545) files from agenda events (and, with the same pieces, from group meetings)."""

from collections.abc import Iterable
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from base.text import printable

from ..models import EventPage

# RFC 5545 TEXT allows no control character but tab (icalendar escapes line breaks).
ical_text = printable


def absolute_url(url: str, request=None) -> str:
    """The URL made absolute: on the request's host, or on the portal's address without a request."""
    return request.build_absolute_uri(url) if request is not None else urljoin(settings.WAGTAILADMIN_BASE_URL, url)


def uid_host(request=None) -> str:
    return request.get_host() if request is not None else urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc


def new_calendar(name: str) -> Calendar:
    """An empty calendar of the portal, named `name` in calendar applications."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", ical_text(f"{settings.WAGTAIL_SITE_NAME} – {name}"))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def new_event(uid: str, title: str, start, end, stamp, location="", description="", url="") -> Event:
    """One VEVENT with local times and their TZID (Europe/Paris), as calendar applications show them."""
    event = Event()
    event.add("uid", uid)
    event.add("summary", ical_text(title))
    event.add("dtstart", timezone.localtime(start))
    event.add("dtend", timezone.localtime(end))
    event.add("dtstamp", stamp)
    if location:
        event.add("location", ical_text(location))
    if description:
        event.add("description", ical_text(description))
    if url:
        event.add("url", url)
    return event


def finished(calendar: Calendar) -> bytes:
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_for(events: Iterable[EventPage], request=None) -> bytes:
    """The agenda events as a calendar; links on the request's host (the portal's address without one)."""
    calendar = new_calendar("agenda")
    host = uid_host(request)
    for page in events:
        event = new_event(
            uid=f"evenement-{page.pk}@{host}",
            title=page.title,
            start=page.start,
            end=page.effective_end,
            stamp=page.last_published_at or page.start,
            location=page.location,
            description=page.summary,
            url=absolute_url(page.get_url(request), request),
        )
        event.add("categories", [page.get_kind_display()])
        calendar.add_component(event)
    return finished(calendar)
