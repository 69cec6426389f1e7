"""What the project dashboard shows its reader: each block as a chart and the same figures as a table.

The blocks are computed only when the page's shared fragment is not in the cache (dashboard_page.html):
once per content version, visibility class and day, for every reader who may open the same pages.
"""

from __future__ import annotations

from functools import cached_property

from base.charts import STATUS_COLOURS, bar_chart, month_label, month_labels, stacked_bars
from projects.progress import STEP_COLUMNS

from .groups import STEP_COLUMN_LABELS, groups_progress
from .timeline import needs_by_status, trained_staff


class ProjectDashboard:
    """The dashboard's blocks for one reader, each computed when a template first reads it."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def groups_progress(self):
        return groups_progress(self.request)

    @property
    def step_columns(self) -> list[str]:
        return [STEP_COLUMN_LABELS[column] for column in STEP_COLUMNS]

    @cached_property
    def groups_chart(self):
        groups = self.groups_progress
        if not groups:
            return None
        totals = {column: sum(group.steps[column] for group in groups) for column in STEP_COLUMNS}
        return stacked_bars(
            [group.page.title for group in groups],
            {STEP_COLUMN_LABELS[column]: [group.steps[column] for group in groups] for column in STEP_COLUMNS},
            title="Avancement des actions par groupe de travail",
            summary=", ".join(f"{totals[column]} {STEP_COLUMN_LABELS[column].lower()}" for column in STEP_COLUMNS),
            colours=[STATUS_COLOURS[column] for column in STEP_COLUMNS],
        )

    @cached_property
    def needs_timeline(self):
        return needs_by_status(self.request)

    @cached_property
    def needs_chart(self):
        needs = self.needs_timeline
        latest = ", ".join(f"{counts[-1]} {label.lower()}" for label, counts in needs.series.items())
        return stacked_bars(
            month_labels(needs.months),
            needs.series,
            title="Fiches besoins par statut, fin de mois",
            summary=f"en {month_label(needs.months[-1])} : {latest}",
            horizontal=False,
            colours=[STATUS_COLOURS[key] for key in needs.keys],
        )

    @cached_property
    def trained_timeline(self):
        return trained_staff()

    @cached_property
    def trained_chart(self):
        trained = self.trained_timeline
        counts = trained.series["Personnes formées"]
        return bar_chart(
            month_labels(trained.months),
            counts,
            title="Personnes formées à la conduite de projet (cumul)",
            name="Personnes formées",
            summary=f"{counts[-1]} en {month_label(trained.months[-1])}",
        )
