"""How far a working group's fiche action has come: late steps, indicators' progress toward their targets.

The group page and the project dashboard both read progress from here, so "late" and "reached" mean
the same thing everywhere.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from base.charts import format_number

STEP_LABELS = {
    "todo": _("À faire"),
    "doing": _("En cours"),
    "done": _("Réalisée"),
    "abandoned": _("Abandonnée"),
}
OPEN_STATES = ("todo", "doing")
# The dashboard's step columns, in order: "late" takes open steps past their due date out of todo/doing.
STEP_COLUMNS = ("done", "doing", "late", "todo", "abandoned")
INCREASE, DECREASE = "increase", "decrease"


def is_late(step, today: datetime.date | None = None) -> bool:
    """An open step (to do or in progress) whose due date has passed."""
    due = step.get("due")
    return bool(due) and step.get("state") in OPEN_STATES and due < (today or timezone.localdate())


def step_column(step, today: datetime.date | None = None) -> str:
    return "late" if is_late(step, today) else step.get("state") or "todo"


def step_counts(steps, today: datetime.date | None = None) -> dict[str, int]:
    counts = Counter(step_column(block.value, today) for block in steps)
    return {column: counts.get(column, 0) for column in STEP_COLUMNS}


@dataclass
class Measure:
    date: datetime.date
    value: Decimal
    comment: str = ""


@dataclass
class IndicatorProgress:
    name: str
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    target_label: str = ""
    target_date: datetime.date | None = None
    direction: str = INCREASE
    measures: list[Measure] = field(default_factory=list)

    @property
    def latest(self) -> Measure | None:
        return self.measures[-1] if self.measures else None

    @property
    def start(self) -> Decimal | None:
        """Where progress is counted from: the baseline, or else the first measured value."""
        if self.baseline is not None:
            return self.baseline
        return self.measures[0].value if self.measures else None

    @property
    def reached(self) -> bool:
        if self.target is None or self.latest is None:
            return False
        if self.direction == DECREASE:
            return self.latest.value <= self.target
        return self.latest.value >= self.target

    @property
    def percent(self) -> int | None:
        """Progress from the start to the target, between 0 and 100; None when it cannot be told."""
        if self.reached:
            return 100
        if self.target is None or self.latest is None or self.start is None:
            return None
        sign = -1 if self.direction == DECREASE else 1
        span = sign * (self.target - self.start)
        if span <= 0:
            return 0
        done = sign * (self.latest.value - self.start)
        return int(max(Decimal(0), min(Decimal(100), done * 100 / span)))

    @property
    def latest_text(self) -> str:
        return format_number(self.latest.value, self.unit) if self.latest else ""

    @property
    def baseline_text(self) -> str:
        return format_number(self.baseline, self.unit)

    @property
    def rows(self) -> list[tuple[datetime.date, str, str]]:
        """(date, value with its unit, comment) of each measure, oldest first: the table under the chart."""
        return [(measure.date, format_number(measure.value, self.unit), measure.comment) for measure in self.measures]

    @property
    def target_text(self) -> str:
        if self.target is not None:
            return format_number(self.target, self.unit)
        return self.target_label


def indicator_progress(value) -> IndicatorProgress:
    """The progress of one indicator block's value (a StructValue or a dict)."""
    measures = sorted(
        (
            Measure(item["date"], Decimal(item["value"]), item.get("comment") or "")
            for item in value.get("values") or []
        ),
        key=lambda measure: measure.date,
    )
    return IndicatorProgress(
        name=value.get("name") or "",
        unit=value.get("unit") or "",
        baseline=value.get("baseline"),
        target=value.get("target"),
        target_label=value.get("target_label") or "",
        target_date=value.get("target_date"),
        direction=value.get("direction") or INCREASE,
        measures=measures,
    )


def indicators_progress(indicators) -> list[IndicatorProgress]:
    return [indicator_progress(block.value) for block in indicators]


# Converting the former free-text targets ("Moins de 90 jours", "70 %", "10 par an").
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[\u00a0\u202f ]\d{3})+|\d+)(?:[.,](\d+))?\s*(%?)")
_DECREASE_WORDS = re.compile(r"\b(moins|inférieur|réduire|réduction|baisse|diminu)", re.IGNORECASE)


def parse_target(text: str) -> tuple[Decimal | None, str]:
    """The first number of a free-text target and its unit ("%" when it follows the number).

    Years ("d'ici 2027") are not targets: a four-digit number between 1900 and 2100 is skipped.
    """
    for match in _NUMBER.finditer(text or ""):
        whole, decimals, percent = match.groups()
        digits = re.sub(r"\D", "", whole)
        if not decimals and len(digits) == 4 and 1900 <= int(digits) <= 2100:
            continue
        try:
            number = Decimal(f"{digits}.{decimals}" if decimals else digits)
        except InvalidOperation:
            continue
        return number, percent
    return None, ""


def convert_indicator(value: dict) -> dict:
    """A former indicator block's raw value ({"name", "target"} as text) in the current shape.

    The original text is kept as the target's label; already converted values are returned unchanged.
    """
    if "values" in value:
        return value
    text = (value.get("target") or "").strip()
    number, unit = parse_target(text)
    return {
        "name": value.get("name", ""),
        "unit": unit,
        "baseline": None,
        "target": str(number) if number is not None else None,
        "target_label": text,
        "target_date": None,
        "direction": DECREASE if _DECREASE_WORDS.search(text) else INCREASE,
        "values": [],
    }
