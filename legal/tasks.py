"""The retention task (django-tasks): enqueue it daily (cron: `manage.py apply_retention --enqueue`) or run
the command itself, which shows its progress."""

from django_tasks import task

from .services.retention import apply_retention


@task()
def apply_retention_periods() -> dict[str, int]:
    return apply_retention()
