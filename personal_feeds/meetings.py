"""A working group's meetings as a calendar, for the readers who may see the group."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from base.schedule import effective_end
from events.services.ical import absolute_url, finished, new_calendar, new_event, uid_host
from projects.models import WorkingGroupMeeting, WorkingGroupPage

LARGEST_ID = 2**63 - 1  # beyond it, no database column holds the id


def group_id_or_404(value: str) -> int:
    """The group id of an URL (ASCII digits only: "²" is a digit to Python, not to a database)."""
    if not (value.isascii() and value.isdigit()):
        raise Http404
    return int(value)


def visible_group_or_404(reader, group_id: int):
    """The working group, if the reader (request or account) may see it; 404 otherwise."""
    if group_id > LARGEST_ID:
        raise Http404
    return get_object_or_404(WorkingGroupPage.objects.visible_to(reader), pk=group_id)


def meetings_calendar(group, request=None) -> bytes:
    """Every meeting of the group, its agenda as description, linked to the group page's meetings."""
    calendar = new_calendar(f"réunions {group.title}")
    host = uid_host(request)
    url = absolute_url(f"{group.get_url(request)}#reunions", request)
    for meeting in WorkingGroupMeeting.objects.filter(page=group).order_by("starts_at", "pk"):
        calendar.add_component(
            new_event(
                uid=f"reunion-{meeting.pk}@{host}",
                title=f"{meeting.title} ({group.title})",
                start=meeting.starts_at,
                end=effective_end(meeting.starts_at),
                stamp=meeting.starts_at,
                location=meeting.location,
                description=meeting.agenda,
                url=url,
            )
        )
    return finished(calendar)
