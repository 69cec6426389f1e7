"""What a working group's page shows: its people, meetings, documents, news, events, micro-projects and
retained needs, each limited to what the reader may see (base.visibility), in a constant number of queries.

WorkingGroupPage.get_context calls it: it reaches the group's members, meetings and documents through the
group's relations, never by importing the page types."""

import operator
from functools import partial

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from accounts.access import reader_can_access_admin
from base.charts import format_number, line_chart
from base.visibility import can_view_in_collection, visible_in_collections
from documents.models import PortalDocument
from people.models import Person

from .choices import MemberRole, NeedStatus
from .progress import STEP_LABELS, IndicatorProgress, indicators_progress, is_late

NEWS_SHOWN = 5
EVENTS_SHOWN = 5


def _members(group):
    """Pilots and members, in their order, with the referent: one query for all of these people."""
    members = group.members.all()
    # In a preview the members are the form's, not yet saved: no query to shape then.
    if not hasattr(members, "query"):
        return _people_by_role(list(members))
    memberships = members.filter(person=OuterRef("pk"))
    people = list(
        Person.objects.filter(Q(group_memberships__page=group) | Q(pk=group.referent_id))
        .annotate(role=Subquery(memberships.values("role")[:1]), rank=Subquery(memberships.values("sort_order")[:1]))
        .select_related("metier", "photo")
        .prefetch_related("photo__renditions")
        .distinct()
        .order_by("rank", "pk")
    )
    for person in people:
        if person.pk == group.referent_id:
            group.referent = person  # the sidebar's referent, without a query of its own
    pilots = [person for person in people if person.role == MemberRole.PILOT]
    participants = [person for person in people if person.role == MemberRole.MEMBER]
    return pilots, participants


def _people_by_role(members):
    pilots = [member.person for member in members if member.role == MemberRole.PILOT]
    participants = [member.person for member in members if member.role == MemberRole.MEMBER]
    return pilots, participants


def _meetings(group, request):
    """Upcoming and past meetings (base.schedule), each with the minutes file the reader may open, if any."""
    # The saved meetings, even in a preview (whose form's meetings are not in the database).
    meetings = group.meetings.get_live_queryset().select_related("minutes_document__collection")
    upcoming, past = meetings.split_upcoming_past()
    for meeting in past + upcoming:
        document = meeting.minutes_document
        meeting.shown_minutes_document = (
            document if document is not None and can_view_in_collection(document, request) else None
        )
    return upcoming, past


def _documents(group, request):
    visible = visible_in_collections(PortalDocument.objects.all(), request)
    return list(
        group.documents.get_live_queryset()
        .filter(document__in=visible)
        .select_related("document")
        .order_by("sort_order")
    )


def _steps(group) -> list[dict]:
    """The fiche action's steps, each with its state's label and whether it is late."""
    today = timezone.localdate()
    return [
        {
            "step": block.value,
            "state": block.value.get("state") or "todo",
            "label": STEP_LABELS.get(block.value.get("state"), STEP_LABELS["todo"]),
            "late": is_late(block.value, today),
        }
        for block in group.action_steps
    ]


def _indicator_summary(progress: IndicatorProgress) -> str:
    latest = progress.latest
    parts = []
    if latest is not None:
        parts.append(f"dernière valeur {format_number(latest.value, progress.unit)} le {latest.date:%d/%m/%Y}")
    if progress.target_text:
        parts.append(f"cible {progress.target_text}")
    if progress.reached:
        parts.append("cible atteinte")
    return ", ".join(parts)


def _indicators(group) -> list[dict]:
    """Each indicator's progress toward its target, with a chart of its values when it has some."""
    items = []
    for progress in indicators_progress(group.indicators):
        chart = None
        if progress.measures:
            chart = line_chart(
                {progress.name: [(measure.date, measure.value) for measure in progress.measures]},
                title=f"Évolution de l’indicateur « {progress.name} »",
                target=progress.target,
                unit=progress.unit,
                summary=_indicator_summary(progress),
            )
        items.append({"progress": progress, "chart": chart, "summary": _indicator_summary(progress)})
    return items


# What the page shows the same way to every reader of one visibility class: the template renders it in
# shared fragments (base.page_cache), so it is computed only when a fragment is not in the cache.
SHARED_PARTS = (
    "referent",
    "pilots",
    "participants",
    "upcoming_meetings",
    "past_meetings",
    "group_documents",
    "group_news",
    "group_events",
    "micro_projects",
    "retained_needs",
    "steps",
    "indicator_items",
)


def group_page_context(group, request) -> dict:
    """The context of a working group's page for this request: the shared parts lazily, all read together
    on first use; the personal part (can_edit) at once."""
    parts = SimpleLazyObject(lambda: _shared_parts(group, request))
    context = {name: SimpleLazyObject(partial(operator.getitem, parts, name)) for name in SHARED_PARTS}
    context["can_edit"] = can_edit_group(group, request)
    return context


def _shared_parts(group, request) -> dict:
    """People, meetings, documents, news, events, micro-projects, retained needs and the fiche action."""
    pilots, participants = _members(group)
    upcoming_meetings, past_meetings = _meetings(group, request)
    news = (
        group.news.visible_to(request)
        .prefetch_related(Prefetch("image__renditions"))
        .select_related("image__collection")
        .order_by("-date", "-pk")[:NEWS_SHOWN]
    )
    return {
        "referent": group.referent,  # read by _members with the other people
        "pilots": pilots,
        "participants": participants,
        "upcoming_meetings": upcoming_meetings,
        "past_meetings": past_meetings,
        "group_documents": _documents(group, request),
        "group_news": list(news),
        "group_events": list(group.events.visible_to(request).upcoming()[:EVENTS_SHOWN]),
        "micro_projects": list(group.micro_project_pages().visible_to(request).select_related("lead").order_by("path")),
        "retained_needs": list(
            group.suggested_needs.visible_to(request).filter(status=NeedStatus.RETAINED).order_by("title")
        ),
        "steps": _steps(group),
        "indicator_items": _indicators(group),
    }


def can_edit_group(group, request) -> bool:
    """Whether the reader may edit this group in the administration (its pilots, project officers).

    Readers without access to the administration are answered without asking for page permissions.
    """
    return reader_can_access_admin(request) and group.permissions_for_user(request.user).can_edit()
