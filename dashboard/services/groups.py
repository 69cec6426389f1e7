"""The progress of every working group the reader may open: steps by state, indicators at target."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from projects.models import WorkingGroupPage
from projects.progress import STEP_COLUMNS, indicators_progress, step_counts

STEP_COLUMN_LABELS = {
    "done": "Réalisées",
    "doing": "En cours",
    "late": "En retard",
    "todo": "À faire",
    "abandoned": "Abandonnées",
}


@dataclass
class GroupProgress:
    page: WorkingGroupPage
    url: str
    steps: dict[str, int]
    indicators_reached: int
    indicators_total: int

    @property
    def step_values(self) -> list[int]:
        return [self.steps[column] for column in STEP_COLUMNS]


def groups_progress(reader) -> list[GroupProgress]:
    """One row per visible group, by title, in one query."""
    today = timezone.localdate()
    groups = WorkingGroupPage.objects.visible_to(reader).order_by("title")
    rows = []
    for group in groups:
        indicators = indicators_progress(group.indicators)
        rows.append(
            GroupProgress(
                page=group,
                url=group.get_url(reader if hasattr(reader, "META") else None),
                steps=step_counts(group.action_steps, today),
                indicators_reached=sum(1 for indicator in indicators if indicator.reached),
                indicators_total=len(indicators),
            )
        )
    return rows
