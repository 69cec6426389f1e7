"""Review reminders and the retention of personal data run every day with no cron: the task worker keeps them
on schedule (operations.daily). Tasks in the database as in production, a frozen clock (Paris time), the
portal's own worker."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import ProgrammingError, connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from governance.models import PageStewardship
from governance.tasks import remind_reviews_daily
from operations import daily
from operations.models import DailyJobRun
from operations.worker import ResilientWorker
from participation.models import Notification

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
JOBS = ["governance.tasks.remind_reviews_daily", "legal.tasks.apply_retention_periods"]


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def clock(monkeypatch, settings):
    """A frozen clock, tasks stored in the database from now on (ask for it after the fixtures that make
    pages), the daily jobs of the production settings at 06:00."""

    class Clock:
        now = paris(2026, 12, 8, 7, 30)  # a Tuesday, after the daily time

    frozen = Clock()
    monkeypatch.setattr(timezone, "now", lambda: frozen.now)
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PORTAL_DAILY_JOBS = JOBS
    settings.PORTAL_DAILY_JOBS_AT = datetime.time(6, 0)
    return frozen


def start_worker(tasks: int) -> None:
    """The long-running worker, as systemd or `make run` starts it, stopped after `tasks` tasks."""
    ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=tasks,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def waiting_runs() -> list[datetime.datetime]:
    rows = DBTaskResult.objects.filter(task_path=daily.run_daily_jobs.module_path, status=TaskResultStatus.READY)
    return [timezone.localtime(row.run_after, PARIS) for row in rows]


@pytest.fixture
def due_page(owned_page):
    PageStewardship.objects.filter(page=owned_page).update(last_reviewed_at=paris(2024, 1, 1, 9, 0))
    return owned_page


def test_a_worker_started_after_the_hour_catches_up_then_waits_for_the_next_morning(due_page, reader, clock):
    start_worker(tasks=3)  # the scheduling task, then the two jobs
    assert Notification.objects.filter(recipient=reader, kind="review", page=due_page).count() == 1
    assert sorted(DailyJobRun.objects.values_list("job", flat=True)) == sorted(JOBS)
    assert waiting_runs() == [paris(2026, 12, 9, 6, 0)]

    # Restarted the same day: nothing runs twice, nothing more waits.
    clock.now = paris(2026, 12, 8, 15, 0)
    assert daily.keep_scheduled() is None
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).delete()  # even with the queue lost
    assert daily.keep_scheduled() == paris(2026, 12, 9, 6, 0)


def test_the_next_morning_the_jobs_run_again(due_page, reader, project_officer, settings, clock):
    settings.GOVERNANCE_ESCALATION_DAYS = 1
    clock.now = paris(2026, 12, 8, 6, 0)
    start_worker(tasks=3)
    clock.now = paris(2026, 12, 9, 6, 0)
    start_worker(tasks=3)  # the waiting scheduling task is due: the reminder escalates
    assert Notification.objects.filter(recipient=project_officer, kind="review", page=due_page).count() == 1
    assert DailyJobRun.objects.filter(day=datetime.date(2026, 12, 9)).count() == 2
    assert waiting_runs() == [paris(2026, 12, 10, 6, 0)]


def test_a_worker_started_before_the_hour_waits_for_it(due_page, reader, clock):
    clock.now = paris(2026, 12, 8, 5, 0)
    assert daily.keep_scheduled() == paris(2026, 12, 8, 6, 0)
    start_worker(tasks=0)  # starts and finds nothing due
    assert not Notification.objects.filter(recipient=reader).exists()
    assert waiting_runs() == [paris(2026, 12, 8, 6, 0)]


def test_two_workers_scheduling_at_once_start_each_job_once(due_page, reader, clock):
    daily.run_daily_jobs.using(run_after=clock.now).enqueue()
    daily.run_daily_jobs.using(run_after=clock.now).enqueue()
    start_worker(tasks=4)
    assert DailyJobRun.objects.count() == 2
    assert Notification.objects.filter(recipient=reader, kind="review").count() == 1


def test_the_daily_time_keeps_its_wall_clock_hour_across_a_change_of_time(clock):
    assert daily.next_run(paris(2026, 10, 24, 7, 0)) == paris(2026, 10, 25, 6, 0)
    assert daily.next_run(paris(2026, 3, 28, 7, 0)) == paris(2026, 3, 29, 6, 0)


def test_a_worker_started_before_the_migration_still_serves_the_queue(due_page, reader, clock, caplog):
    def no_table_yet(execute, sql, params, many, context):
        if DailyJobRun._meta.db_table in sql:
            raise ProgrammingError(f'relation "{DailyJobRun._meta.db_table}" does not exist')
        return execute(sql, params, many, context)

    remind_reviews_daily.enqueue()
    with connection.execute_wrapper(no_table_yet):
        start_worker(tasks=1)
    assert Notification.objects.filter(recipient=reader, kind="review").count() == 1
    assert "Tâches quotidiennes non planifiées" in caplog.text
