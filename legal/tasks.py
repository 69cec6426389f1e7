"""The retention task (django-tasks): the worker starts it every day (operations.daily, PORTAL_DAILY_JOBS);
`manage.py apply_retention` runs it by hand and shows its progress."""

from django_tasks import task

from .services.retention import apply_retention


@task()
def apply_retention_periods() -> dict[str, int]:
    return apply_retention()
