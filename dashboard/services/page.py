"""What the project dashboard shows its reader: each block as a chart and the same figures as a table."""

from __future__ import annotations

from django.utils.formats import date_format

from base.charts import bar_chart, stacked_bars
from projects.progress import STEP_COLUMNS

from .groups import STEP_COLUMN_LABELS, groups_progress
from .timeline import needs_by_status, trained_staff


def _month(day) -> str:
    return date_format(day, "M Y")


def dashboard_context(request) -> dict:
    groups = groups_progress(request)
    step_totals = {column: sum(group.steps[column] for group in groups) for column in STEP_COLUMNS}
    groups_chart = (
        stacked_bars(
            [group.page.title for group in groups],
            {STEP_COLUMN_LABELS[column]: [group.steps[column] for group in groups] for column in STEP_COLUMNS},
            title="Avancement des actions par groupe de travail",
            summary=", ".join(f"{step_totals[column]} {STEP_COLUMN_LABELS[column].lower()}" for column in STEP_COLUMNS),
        )
        if groups
        else None
    )

    needs = needs_by_status(request)
    latest_needs = ", ".join(f"{counts[-1]} {label.lower()}" for label, counts in needs.series.items())
    needs_chart = stacked_bars(
        [_month(month) for month in needs.months],
        needs.series,
        title="Fiches besoins par statut, fin de mois",
        summary=f"en {_month(needs.months[-1])} : {latest_needs}",
        horizontal=False,
    )

    trained = trained_staff()
    trained_counts = trained.series["Personnes formées"]
    trained_chart = bar_chart(
        [_month(month) for month in trained.months],
        trained_counts,
        title="Personnes formées à la conduite de projet (cumul)",
        name="Personnes formées",
        summary=f"{trained_counts[-1]} en {_month(trained.months[-1])}",
    )
    return {
        "groups_progress": groups,
        "step_columns": [STEP_COLUMN_LABELS[column] for column in STEP_COLUMNS],
        "groups_chart": groups_chart,
        "needs_timeline": needs,
        "needs_chart": needs_chart,
        "trained_timeline": trained,
        "trained_chart": trained_chart,
    }
