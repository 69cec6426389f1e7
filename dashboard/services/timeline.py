"""Month-end timelines for the dashboard: needs sheets by status, trained staff, month by month.

Each timeline is read in one query, whatever the number of pages or people, and counts only what
the reader may open (base.visibility).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from people.models import Person
from projects.models import NeedsSheetPage, NeedsStatusChange, NeedStatus

MONTHS_SHOWN = 12


@dataclass
class Timeline:
    months: list[datetime.date]  # the last day counted in each month (today for the current one)
    series: dict[str, list[int]]  # label → one count per month
    keys: tuple[str, ...] = ()  # the status of each series, in the same order (base.charts.STATUS_COLOURS)

    @property
    def rows(self) -> list[tuple[datetime.date, list[int]]]:
        """(month, counts in the series' order) for the table."""
        return [(month, [counts[index] for counts in self.series.values()]) for index, month in enumerate(self.months)]


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _previous_month(day: datetime.date) -> datetime.date:
    return _month_start(_month_start(day) - datetime.timedelta(days=1))


def month_ends(first: datetime.date | None, today: datetime.date) -> list[datetime.date]:
    """The end of each month of the last twelve (or since `first`, when later), today for the current month."""
    starts = [_month_start(today)]
    while len(starts) < MONTHS_SHOWN and (first is None or starts[-1] > _month_start(first)):
        starts.append(_previous_month(starts[-1]))
    starts.reverse()
    ends = [_next_month(start) - datetime.timedelta(days=1) for start in starts[:-1]]
    return ends + [today]


def _next_month(day: datetime.date) -> datetime.date:
    return (_month_start(day) + datetime.timedelta(days=32)).replace(day=1)


def needs_by_status(reader, today: datetime.date | None = None) -> Timeline:
    """How many visible needs sheets were in each status at the end of each month, from their history."""
    today = today or timezone.localdate()
    changes = list(
        NeedsStatusChange.objects.filter(sheet__in=NeedsSheetPage.objects.visible_to(reader).values("pk"))
        .order_by("decided_at", "pk")
        .values_list("sheet_id", "status", "decided_at")
    )
    dated = [(sheet, status, timezone.localdate(moment)) for sheet, status, moment in changes]
    months = month_ends(dated[0][2] if dated else None, today)
    current: dict[int, str] = {}
    series = {value: [] for value, _label in NeedStatus.choices}
    position = 0
    for month_end in months:
        while position < len(dated) and dated[position][2] <= month_end:
            sheet, status, _day = dated[position]
            current[sheet] = status
            position += 1
        for value in series:
            series[value].append(sum(1 for status in current.values() if status == value))
    labels = dict(NeedStatus.choices)
    return Timeline(
        months=months,
        series={str(labels[value]): counts for value, counts in series.items()},
        keys=tuple(series),
    )


def trained_staff(today: datetime.date | None = None) -> Timeline:
    """How many people had been trained in project management at the end of each month (cumulative)."""
    today = today or timezone.localdate()
    per_month = dict(
        Person.objects.filter(trained_in_project_management_on__isnull=False)
        .annotate(month=TruncMonth("trained_in_project_management_on"))
        .order_by()
        .values_list("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    per_month = {_month_start(month): count for month, count in per_month.items()}
    months = month_ends(min(per_month) if per_month else None, today)
    counts = []
    for month_end in months:
        counts.append(sum(count for month, count in per_month.items() if month <= month_end))
    return Timeline(months=months, series={"Personnes formées": counts})
