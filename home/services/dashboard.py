"""What the home page shows to the signed-in user."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from events.models import EventPage
from news.models import NewsPage
from people.models import Metier, Person
from projects.models import GroupStatus, NeedsSheetPage, NeedStatus, WorkingGroupMeeting, WorkingGroupPage

UPCOMING_EVENTS = 5
UPCOMING_MEETINGS = 5


@dataclass
class KeyFigures:
    groups_by_status: list[tuple[str, int]]
    groups_total: int
    needs_by_status: list[tuple[str, int]]
    needs_total: int
    upcoming_events: int
    events_held: int
    trained_staff: int


@dataclass
class Dashboard:
    person: Person | None
    metier: Metier | None
    news: list = field(default_factory=list)
    events: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    figures: KeyFigures | None = None


def _for_metier(queryset, metier: Metier | None):
    """Pages meant for this métier, plus those meant for everyone (no métier chosen)."""
    if metier is None:
        return queryset
    return queryset.filter(Q(metiers=metier) | Q(metiers__isnull=True)).distinct()


def my_groups(user):
    return (
        WorkingGroupPage.objects.live()
        .filter(Q(members__person__user=user) | Q(referent__user=user))
        .distinct()
        .order_by("title")
    )


def key_figures() -> KeyFigures:
    now = timezone.now()
    # order_by() drops the page manager's ordering by tree path, which would split the GROUP BY per page.
    group_counts = dict(
        WorkingGroupPage.objects.live()
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    need_counts = dict(
        NeedsSheetPage.objects.live()
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return KeyFigures(
        groups_by_status=[(label, group_counts.get(value, 0)) for value, label in GroupStatus.choices],
        groups_total=sum(group_counts.values()),
        needs_by_status=[(label, need_counts.get(value, 0)) for value, label in NeedStatus.choices],
        needs_total=sum(need_counts.values()),
        upcoming_events=EventPage.objects.live().filter(start__gte=now).count(),
        events_held=EventPage.objects.live().filter(start__lt=now).count(),
        trained_staff=Person.objects.filter(trained_in_project_management_on__isnull=False).count(),
    )


def build_dashboard(user, news_count: int = 4) -> Dashboard:
    person = Person.objects.filter(user=user).select_related("metier").first() if user.is_authenticated else None
    metier = person.metier if person else None
    now = timezone.now()
    news = _for_metier(NewsPage.objects.live(), metier).select_related("author", "image").order_by("-date", "-pk")
    events = _for_metier(EventPage.objects.live().filter(start__gte=now), metier).order_by("start")
    groups = list(my_groups(user)) if user.is_authenticated else []
    meetings = (
        WorkingGroupMeeting.objects.filter(page__in=groups, starts_at__gte=now)
        .select_related("page")
        .order_by("starts_at")
        if groups
        else []
    )
    return Dashboard(
        person=person,
        metier=metier,
        news=list(news[:news_count]),
        events=list(events[:UPCOMING_EVENTS]),
        groups=groups,
        meetings=list(meetings[:UPCOMING_MEETINGS]),
        figures=key_figures(),
    )
