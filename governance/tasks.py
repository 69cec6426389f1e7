"""Governance work done by the task worker rather than in the request that caused it."""

from __future__ import annotations

from django_tasks import task

from .services.departures import tell_officers_of_departure


@task()
def tell_officers_of_departure_later(person_id: int, person_name: str, page_ids: list[int]) -> int:
    return tell_officers_of_departure(person_id, person_name, page_ids)
