"""What the home page shows to the reader: my métier's news and agenda, my groups, key figures.

Every list and every count goes through the visibility rule (base.visibility): a page the reader may not
open is neither shown nor counted. Each piece is cached once: the agenda as a value (base.page_cache.shared),
the news and the key figures as the home page's shared fragments, so these two are computed only when their
fragment is not in the cache.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from base.caches import TIME_DEPENDENT_SECONDS
from base.context_processors import home_sections
from base.page_cache import shared
from events.models import EventPage
from news.models import NewsPage
from people.models import Metier, Person
from people.services import reader_person
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
    events: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    # URL of each section page the reader may open, by slug with "_" for "-" ("actualites", "groupes_de_travail"…).
    section_urls: dict = field(default_factory=dict)
    read_news: Callable[[], list] = list
    read_figures: Callable[[], KeyFigures | None] = lambda: None

    @cached_property
    def news(self) -> list:
        """My métier's latest news, read when first shown."""
        return self.read_news()

    @cached_property
    def figures(self) -> KeyFigures | None:
        """The key figures, read when first shown."""
        return self.read_figures()


def _user(reader):
    """The account of a request, or the account itself."""
    return getattr(reader, "user", reader)


def my_groups(reader):
    """The visible working groups in which the reader is pilot, member or referent, by title."""
    return WorkingGroupPage.objects.visible_to(reader).of_user(_user(reader)).order_by("title")


def key_figures(reader) -> KeyFigures:
    """Groups and needs sheets by status, events to come and held: only what the reader may see."""
    group_counts = WorkingGroupPage.objects.visible_to(reader).status_counts()
    need_counts = NeedsSheetPage.objects.visible_to(reader).status_counts()
    upcoming_events, events_held = EventPage.objects.visible_to(reader).upcoming_and_past_counts()
    return KeyFigures(
        groups_by_status=[(label, group_counts.get(value, 0)) for value, label in GroupStatus.choices],
        groups_total=sum(group_counts.values()),
        needs_by_status=[(label, need_counts.get(value, 0)) for value, label in NeedStatus.choices],
        needs_total=sum(need_counts.values()),
        upcoming_events=upcoming_events,
        events_held=events_held,
        trained_staff=Person.objects.filter(trained_in_project_management_on__isnull=False).count(),
    )


def section_urls(request) -> dict[str, str]:
    """The URLs of the sections that the reader may open (those of the main navigation, the dashboard…).

    Keyed by slug with underscores for hyphens, so that templates can read them ("groupes_de_travail").
    """
    return {section.slug.replace("-", "_"): section.get_url(request) for section in home_sections(request)}


def build_dashboard(request, news_count: int = 4) -> Dashboard:
    """The home page of this request's reader (a request, or an account for e-mails and tests)."""
    user = _user(request)
    authenticated = bool(user and user.is_authenticated)
    if hasattr(request, "user"):
        person = reader_person(request)
    else:
        person = Person.objects.filter(user=user).select_related("metier").first() if authenticated else None
    metier = person.metier if person else None
    news = (
        NewsPage.objects.visible_to(request)
        .for_metier(metier)
        .select_related("author", "image__collection", "working_group")
        .prefetch_related("metiers")
        .order_by("-date", "-pk")
    )
    events = EventPage.objects.visible_to(request).for_metier(metier).upcoming()
    # Shared by the readers of one métier refused the same pages (base.page_cache); "à venir" moves with
    # the clock, so events (and the figures' fragment) are kept a short time only.
    metier_pk = metier.pk if metier else None
    groups = list(my_groups(request)) if authenticated else []
    meetings = (
        WorkingGroupMeeting.objects.filter(page__in=[group.pk for group in groups])
        .upcoming()
        .select_related("page")[:UPCOMING_MEETINGS]
        if groups
        else []
    )
    return Dashboard(
        person=person,
        metier=metier,
        events=shared(
            request, "home-events", lambda: list(events[:UPCOMING_EVENTS]), metier_pk, timeout=TIME_DEPENDENT_SECONDS
        ),
        groups=groups,
        meetings=list(meetings),
        section_urls=section_urls(request) if hasattr(request, "user") else {},
        read_news=lambda: list(news[:news_count]),
        read_figures=lambda: key_figures(request),
    )
