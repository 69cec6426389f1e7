"""The background task worker that outlives a database outage (`manage.py db_worker`).

django_tasks_db's worker stops at the first database error other than a locked SQLite file: a PostgreSQL
restart, a failover or a network cut ends it, and e-mails, text extraction and index updates then wait in the
queue, silently, until someone starts it again. This one says so once per outage, closes the broken
connections (Django opens new ones), waits for the database with a bounded backoff and goes on with the queue.
A task the outage interrupted, which could not be recorded as finished, is put back in the queue rather than
left "running" for ever (the portal's tasks may run twice: they check what is already done).

`--batch` still stops at the first error: a one-off run must fail where it can be seen. The long-running
worker also keeps the daily jobs on schedule (operations.daily); a batch run leaves them alone.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, ProgrammingError, connections
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .daily import keep_scheduled

logger = logging.getLogger("operations.worker")

FIRST_WAIT_SECONDS = 0.5
LONGEST_WAIT_SECONDS = 5.0
# What Django raises when the server is gone (refused, closed, restarting). Anything else, even raised while
# handling one of these, is a bug the worker must not wait on.
DATABASE_FAILURES = (OperationalError, InterfaceError)


class ResilientWorker(Worker):
    def __init__(self, **options):
        super().__init__(**options)
        self.interrupted_task: DBTaskResult | None = None

    def run(self) -> None:
        while True:
            try:
                self._requeue_interrupted_task()
                if not self.batch:
                    self._keep_daily_jobs_scheduled()
                return super().run()
            except DATABASE_FAILURES as error:
                if self.batch or not self.running:
                    raise
                self._wait_for_database(error)

    def _keep_daily_jobs_scheduled(self) -> None:
        try:
            keep_scheduled()
        except ProgrammingError as error:
            # Started before `migrate` on a deployment: the queue is served all the same; the next start,
            # after the migration, schedules the daily jobs.
            logger.warning("Tâches quotidiennes non planifiées (daily jobs not scheduled): %s", _first_line(error))

    def run_task(self, db_task_result: DBTaskResult) -> None:
        # Left set when recording the outcome fails: the database went away while the task ran.
        self.interrupted_task = db_task_result
        super().run_task(db_task_result)
        self.interrupted_task = None

    def _wait_for_database(self, error: BaseException) -> None:
        start = time.monotonic()
        logger.warning(
            "Base de données injoignable : les tâches de fond attendent, nouvel essai jusqu’à toutes les %g s "
            "(database unreachable, task worker waiting): %s",
            LONGEST_WAIT_SECONDS,
            _first_line(error),
        )
        wait = FIRST_WAIT_SECONDS
        while True:
            # A broken connection is never reused: Django opens a new one on the next query.
            connections.close_all()
            time.sleep(wait)
            try:
                # The queue itself, not only a connection: a server that accepts connections while it is
                # still starting up fails here, and the outage goes on (one line per outage, not per attempt).
                DBTaskResult.objects.exists()
            except DATABASE_FAILURES:
                wait = min(wait * 2, LONGEST_WAIT_SECONDS)
                continue
            logger.warning(
                "Base de données de nouveau joignable après %.0f s : les tâches de fond reprennent "
                "(database reachable again, task worker resuming).",
                time.monotonic() - start,
            )
            return

    def _requeue_interrupted_task(self) -> None:
        task = self.interrupted_task
        if task is None:
            return
        requeued = DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )
        self.interrupted_task = None
        if requeued:
            logger.warning(
                "Tâche %s (%s) interrompue par la panne : remise dans la file (task interrupted, queued again).",
                task.pk,
                task.task_path,
            )


def _first_line(error: BaseException) -> str:
    """psycopg's messages run over several lines (server, port, hint): the first one says enough."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
