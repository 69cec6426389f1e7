"""The demo content is written around 24 November 2026; it moves by whole weeks so that it stays current.

Moving by weeks keeps meetings on their weekday. The dates are those of the week a page is created in: a later
load leaves the pages already there, and their dates, as they are.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

REFERENCE_DATE = date(2026, 11, 24)
PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class DemoCalendar:
    shift: timedelta

    @classmethod
    def for_today(cls, today: date | None = None) -> "DemoCalendar":
        today = today or timezone.localdate()
        return cls(timedelta(weeks=(today - REFERENCE_DATE).days // 7))

    def date(self, text: str) -> date:
        return date.fromisoformat(text) + self.shift

    def moment(self, text: str) -> datetime:
        """A Paris date and time, e.g. "2026-12-04T14:00"."""
        return datetime.fromisoformat(text).replace(tzinfo=PARIS) + self.shift

    def iso(self, text: str) -> str:
        """The same ISO date or date and time, moved."""
        if "T" in text:
            return (datetime.fromisoformat(text) + self.shift).isoformat(timespec="minutes")
        return self.date(text).isoformat()
