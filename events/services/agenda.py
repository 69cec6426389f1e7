"""The events a reader may see, for the calendar exports."""

from datetime import timedelta

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import EventPage

CALENDAR_HISTORY = timedelta(days=30)
LARGEST_ID = 2**63 - 1  # beyond it, no database column holds the id


def calendar_events(reader, now=None):
    """Events the reader (a request or an account) may see that started thirty days ago or later, soonest first."""
    since = (now or timezone.now()) - CALENDAR_HISTORY
    return EventPage.objects.visible_to(reader).filter(start__gte=since).order_by("start", "pk")


def visible_event_or_404(request, event_id: int) -> EventPage:
    """One event the request may see (404 when missing, not live or restricted away from the reader)."""
    if event_id > LARGEST_ID:
        raise Http404
    return get_object_or_404(EventPage.objects.visible_to(request), pk=event_id)
