"""Governance work done by the task worker rather than in the request that caused it."""

from __future__ import annotations

import dataclasses

from django_tasks import task

from .services.departures import tell_officers_of_departure
from .services.reminders import remind_reviews


@task()
def tell_officers_of_departure_later(person_id: int, person_name: str, page_ids: list[int]) -> int:
    return tell_officers_of_departure(person_id, person_name, page_ids)


@task()
def remind_reviews_daily() -> dict[str, int]:
    """The daily reminders (operations.daily runs it; `manage.py remind_reviews` does the same by hand)."""
    return dataclasses.asdict(remind_reviews())
