"""« Tableau de gouvernance »: what the project officers watch, per section and per working group.

Pages by responsable, overdue reviews, open reports, pages without a responsable who can act; working groups
without activity; objectives of the projet de service that no active action sheet takes up; indicators not
measured for a while. Only pages the viewer may open are ever counted or listed (base.visibility).
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Page

from base.charts import STATUS_COLOURS, bar_chart, stacked_bars
from base.sites import site_for_request
from base.visibility import visible_pages
from projects.choices import GroupStatus
from projects.models import ServiceProjectPage, WorkingGroupMeeting, WorkingGroupPage
from projects.progress import OPEN_STATES, indicators_progress

from ..choices import OwnerSource
from .listing import GovernedRow, governed_rows
from .owners import governed_pages
from .reviews import add_months

DEFAULT_INACTIVE_MONTHS = 6
# Indicators have no period of their own: one is late when its last value is older than this (a setting).
DEFAULT_INDICATOR_MONTHS = 3


def indicator_months() -> int:
    return getattr(settings, "GOVERNANCE_INDICATOR_MONTHS", DEFAULT_INDICATOR_MONTHS)


@dataclass
class Scope:
    """The filters of the board: a section, a working group, a responsable (None: all)."""

    section: Page | None = None
    group: Page | None = None
    owner: object | None = None
    months: int = DEFAULT_INACTIVE_MONTHS


@dataclass
class Summary:
    """The figures of one section or one working group."""

    label: str
    pages: int = 0
    overdue: int = 0
    open_reports: int = 0
    orphaned: int = 0


@dataclass
class GroupActivity:
    page: WorkingGroupPage
    last_activity: datetime.date | None


@dataclass
class Objective:
    title: str
    project: ServiceProjectPage


@dataclass
class StaleIndicator:
    group: WorkingGroupPage
    name: str
    last_measured: datetime.date | None


@dataclass
class Board:
    rows: list[GovernedRow]
    by_owner: list[tuple[str, int]]
    by_section: list[Summary]
    by_group: list[Summary]
    inactive_groups: list[GroupActivity]
    uncovered_objectives: list[Objective]
    stale_indicators: list[StaleIndicator]
    months: int
    indicator_months: int
    charts: dict = field(default_factory=dict)

    @property
    def overdue(self) -> list[GovernedRow]:
        return [row for row in self.rows if row.state.overdue]

    @property
    def reported(self) -> list[GovernedRow]:
        return [row for row in self.rows if row.open_reports]

    @property
    def orphaned(self) -> list[GovernedRow]:
        return [row for row in self.rows if is_orphaned(row)]


def is_orphaned(row: GovernedRow) -> bool:
    """A page nobody in particular answers for: its chain of responsables (chosen, default, last publisher,
    pilot of its group) ended on the project officers as a whole. A needs sheet, which the officers answer for
    by default, is not one."""
    return row.state.owner.source == OwnerSource.OFFICERS


def owner_label(row: GovernedRow) -> str:
    person = row.state.owner.person
    return person.full_name if person is not None else str(OwnerSource.OFFICERS.label).capitalize()


def sections(request) -> list[Page]:
    """The home page's children the viewer may open."""
    site = site_for_request(request)
    if site is None:
        return []
    return list(visible_pages(Page.objects.child_of(site.root_page).live(), request).order_by("path"))


def groups_in_scope(request, scope: Scope):
    groups = visible_pages(WorkingGroupPage.objects.live(), request)
    if scope.section is not None:
        groups = groups.descendant_of(scope.section)
    if scope.group is not None:
        groups = groups.filter(pk=scope.group.pk)
    return groups.order_by("title", "pk")


def scoped_rows(request, scope: Scope) -> list[GovernedRow]:
    pages = governed_pages()
    for ancestor in (scope.section, scope.group):
        if ancestor is not None:
            pages = pages.descendant_of(ancestor, inclusive=True)
    rows = governed_rows(request, pages)
    if scope.owner is not None:
        rows = [row for row in rows if row.state.owner.person and row.state.owner.person.pk == scope.owner.pk]
    return rows


def summaries(rows: list[GovernedRow], ancestors: list[Page]) -> list[Summary]:
    """The figures of each ancestor (section or group) over the rows of pages under it (itself included)."""
    result = []
    for ancestor in ancestors:
        mine = [row for row in rows if row.page.path.startswith(ancestor.path)]
        result.append(
            Summary(
                ancestor.title,
                len(mine),
                sum(1 for row in mine if row.state.overdue),
                sum(row.open_reports for row in mine),
                sum(1 for row in mine if is_orphaned(row)),
            )
        )
    return result


def inactive_groups(request, groups: list[WorkingGroupPage], months: int, today: datetime.date) -> list:
    """Groups not closed with nothing since `months` months: no page published under them, no change of the
    group page (its action sheet is part of it), no meeting held."""
    groups = [group for group in groups if group.status != GroupStatus.CLOSED]
    if not groups:
        return []
    since = add_months(today, -months)
    latest: dict[int, datetime.date] = {}

    def seen(group, moment):
        if moment is not None:
            day = timezone.localdate(moment) if isinstance(moment, datetime.datetime) else moment
            latest[group.pk] = max(latest.get(group.pk, day), day)

    under = Q()
    for group in groups:
        under |= Q(path__startswith=group.path)
    published = visible_pages(Page.objects.live().filter(under), request).values_list("path", "last_published_at")
    for path, moment in published:
        for group in groups:
            if path.startswith(group.path):
                seen(group, moment)
    held = (
        WorkingGroupMeeting.objects.filter(page__in=[group.pk for group in groups], starts_at__lte=timezone.now())
        .values("page_id")
        .annotate(last=Max("starts_at"))
    )
    by_pk = {group.pk: group for group in groups}
    for item in held:
        seen(by_pk[item["page_id"]], item["last"])
    return [
        GroupActivity(group, latest.get(group.pk))
        for group in groups
        if latest.get(group.pk) is None or latest[group.pk] < since
    ]


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", strip_tags(text or "").casefold()).split())


def has_open_step(group: WorkingGroupPage) -> bool:
    return any(block.value.get("state") in OPEN_STATES for block in group.action_steps)


def uncovered_objectives(request, groups: list[WorkingGroupPage]) -> list[Objective]:
    """Objectives of the projet de service that no active action sheet takes up: an action sheet is active when
    its group is active and has a step to do or in progress; it takes up an objective when its « objectifs »
    name the objective's title (case and punctuation aside)."""
    sheets = [
        _words(group.action_objectives)
        for group in groups
        if group.status == GroupStatus.ACTIVE and has_open_step(group)
    ]
    projects = visible_pages(ServiceProjectPage.objects.live(), request).order_by("path")
    result = []
    for project in projects:
        for block in project.objectives:
            title = _words(block.value.get("title"))
            if title and not any(f" {title} " in f" {sheet} " for sheet in sheets):
                result.append(Objective(block.value.get("title"), project))
    return result


def stale_indicators(groups: list[WorkingGroupPage], months: int, today: datetime.date) -> list[StaleIndicator]:
    """Indicators of groups not closed whose last value is older than `months` months (or with none)."""
    since = add_months(today, -months)
    result = []
    for group in groups:
        if group.status == GroupStatus.CLOSED:
            continue
        for indicator in indicators_progress(group.indicators):
            last = indicator.latest.date if indicator.latest else None
            if last is None or last < since:
                result.append(StaleIndicator(group, indicator.name, last))
    return result


def board(request, scope: Scope, today: datetime.date | None = None) -> Board:
    today = today or timezone.localdate()
    rows = scoped_rows(request, scope)
    groups = list(groups_in_scope(request, scope))
    if scope.owner is not None:
        # A responsable's groups: those whose own page they answer for.
        mine = {row.page.pk for row in rows}
        groups = [group for group in groups if group.pk in mine]
    section_pages = [scope.section] if scope.section is not None else sections(request)
    owners = Counter(owner_label(row) for row in rows)
    result = Board(
        rows=rows,
        by_owner=sorted(owners.items(), key=lambda item: (-item[1], item[0])),
        by_section=summaries(rows, section_pages),
        by_group=summaries(rows, groups),
        inactive_groups=inactive_groups(request, groups, scope.months, today),
        uncovered_objectives=uncovered_objectives(request, groups_for_objectives(request, groups, scope)),
        stale_indicators=stale_indicators(groups, indicator_months(), today),
        months=scope.months,
        indicator_months=indicator_months(),
    )
    result.charts = charts(result)
    return result


def groups_for_objectives(request, groups: list[WorkingGroupPage], scope: Scope) -> list[WorkingGroupPage]:
    # An objective is taken up by any group of the service, whatever the filters: the filters narrow the
    # other tables, not what counts as covered.
    if scope.section is None and scope.group is None and scope.owner is None:
        return groups
    return list(visible_pages(WorkingGroupPage.objects.live(), request))


def charts(data: Board) -> dict:
    result = {}
    if data.by_owner:
        result["owners"] = bar_chart(
            [label for label, _count in data.by_owner],
            [count for _label, count in data.by_owner],
            title=_("Pages par responsable"),
            name=_("Pages"),
        )
    for key, items, title in (
        ("sections", data.by_section, _("Vérifications par rubrique")),
        ("groups", data.by_group, _("Vérifications par groupe de travail")),
    ):
        if items:
            result[key] = stacked_bars(
                [item.label for item in items],
                {
                    _("À jour"): [item.pages - item.overdue for item in items],
                    _("En retard"): [item.overdue for item in items],
                },
                title=title,
                colours=[STATUS_COLOURS["done"], STATUS_COLOURS["late"]],
            )
    return result


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _day(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def table(data: Board, name: str) -> tuple[list[str], list[list]] | None:
    """One table of the board as (header, rows) for the CSV export; None for an unknown name."""
    page_header = ["Page", "Responsable", "Origine du responsable", "Vérifiée le", "Prochaine vérification"]

    def page_line(row):
        state = row.state
        return [row.page.title, owner_label(row), state.owner.source_label, _day(state.checked_on),
                _day(state.next_review)]  # fmt: skip

    def summary_lines(items):
        return [[item.label, item.pages, item.overdue, item.open_reports, item.orphaned] for item in items]

    summary_header = ["Nom", _("Pages"), _("En retard"), "Signalements ouverts", "Sans responsable"]
    tables = {
        "responsables": lambda: (["Responsable", _("Pages")], [list(item) for item in data.by_owner]),
        "rubriques": lambda: (["Rubrique"] + summary_header[1:], summary_lines(data.by_section)),
        "groupes": lambda: (["Groupe de travail"] + summary_header[1:], summary_lines(data.by_group)),
        "en-retard": lambda: (page_header, [page_line(row) for row in data.overdue]),
        "signalements": lambda: (
            ["Page", "Responsable", "Signalements ouverts"],
            [[row.page.title, owner_label(row), row.open_reports] for row in data.reported],
        ),
        "sans-responsable": lambda: (page_header, [page_line(row) for row in data.orphaned]),
        "groupes-inactifs": lambda: (
            ["Groupe de travail", "Dernière activité"],
            [[item.page.title, _day(item.last_activity)] for item in data.inactive_groups],
        ),
        "objectifs": lambda: (
            ["Objectif", "Projet de service"],
            [[item.title, item.project.title] for item in data.uncovered_objectives],
        ),
        "indicateurs": lambda: (
            ["Groupe de travail", "Indicateur", "Dernière valeur"],
            [[item.group.title, item.name, _day(item.last_measured)] for item in data.stale_indicators],
        ),
    }
    if name not in tables:
        return None
    header, lines = tables[name]()
    return [safe_cell(cell) for cell in header], [[safe_cell(cell) for cell in line] for line in lines]


TABLES = (
    "responsables",
    "rubriques",
    "groupes",
    "en-retard",
    "signalements",
    "sans-responsable",
    "groupes-inactifs",
    "objectifs",
    "indicateurs",
)
