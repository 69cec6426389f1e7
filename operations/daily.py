"""Daily jobs (review reminders, retention of personal data…) kept on schedule by the task worker itself,
with no cron: django-tasks has no scheduler, but its database backend runs a task at a given time.

`run_daily_jobs` is one task in the queue, due at the next PORTAL_DAILY_JOBS_AT (local time). When it runs,
it enqueues each job of PORTAL_DAILY_JOBS (dotted paths of tasks) not yet started that day, then enqueues
itself for the next day. A worker that starts (`manage.py db_worker`) puts it in the queue when it is missing,
for right away if the day's time is past and the jobs have not run: a portal stopped at that hour catches up
when it comes back. DailyJobRun rows make each job run once a day, however many workers or scheduling tasks.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import default_task_backend, task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import DailyJobRun

logger = logging.getLogger(__name__)


# Long enough to see when each job last ran, short enough that the table stays a few hundred rows.
KEEP_RUNS_DAYS = 31


def daily_jobs() -> list[str]:
    return list(getattr(settings, "PORTAL_DAILY_JOBS", []))


def daily_time() -> datetime.time:
    return getattr(settings, "PORTAL_DAILY_JOBS_AT", datetime.time(6, 0))


def next_run(now: datetime.datetime) -> datetime.datetime:
    """The first daily time (local) strictly after `now`."""
    local = timezone.localtime(now)
    at = datetime.datetime.combine(local.date(), daily_time(), tzinfo=local.tzinfo)
    if at <= local:
        at = datetime.datetime.combine(local.date() + datetime.timedelta(days=1), daily_time(), tzinfo=local.tzinfo)
    # Rebuilt in the zone, so a change of summer time between now and then keeps the wall-clock time.
    return timezone.make_aware(at.replace(tzinfo=None))


def ran_today(now: datetime.datetime) -> bool:
    """Whether every daily job has started on the local day of `now`."""
    started = set(DailyJobRun.objects.filter(day=timezone.localdate(now)).values_list("job", flat=True))
    return set(daily_jobs()) <= started


def _waiting() -> bool:
    return DBTaskResult.objects.filter(task_path=run_daily_jobs.module_path, status=TaskResultStatus.READY).exists()


def keep_scheduled(now: datetime.datetime | None = None) -> datetime.datetime | None:
    """Put the scheduling task in the queue unless it waits there already; returns when it will run (None:
    nothing done). Without a queue that can defer (the immediate backend), there is nothing to keep."""
    if not daily_jobs() or not default_task_backend.supports_defer or _waiting():
        return None
    now = now or timezone.now()
    today_at = timezone.make_aware(datetime.datetime.combine(timezone.localdate(now), daily_time()))
    when = now if now >= today_at and not ran_today(now) else next_run(now)
    run_daily_jobs.using(run_after=when).enqueue()
    return when


@task()
def run_daily_jobs() -> list[str]:
    """Start the day's jobs not yet started, then wait in the queue for the next day."""
    now = timezone.now()
    day = timezone.localdate(now)
    started = []
    for path in daily_jobs():
        try:
            with transaction.atomic():
                DailyJobRun.objects.create(job=path, day=day)
        except IntegrityError:
            continue  # another worker started it today
        import_string(path).enqueue()
        started.append(path)
        logger.info("Tâche quotidienne lancée (daily job started): %s", path)
    DailyJobRun.objects.filter(day__lt=day - datetime.timedelta(days=KEEP_RUNS_DAYS)).delete()
    if default_task_backend.supports_defer and not _waiting():
        run_daily_jobs.using(run_after=next_run(now)).enqueue()
    return started
