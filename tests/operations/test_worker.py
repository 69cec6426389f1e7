"""In-process: the task worker waits through database failures and goes on with the queue; a task the outage
interrupted runs again; `--batch` and other errors still stop it. A real PostgreSQL restart under the worker:
tests/faults/test_outages.py."""

import logging
import signal

import pytest
from django.core.management import call_command, get_commands
from django.db import OperationalError, ProgrammingError, connection
from django.db.transaction import TransactionManagementError
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from documents.tasks import extract_document_text
from operations import worker as worker_module
from operations.worker import ResilientWorker

TASK_TABLE = DBTaskResult._meta.db_table


@pytest.fixture
def database_queue(settings, monkeypatch):
    """Tasks stored in the database, as in production; the worker's waits made instant and its closing of
    connections left out (on PostgreSQL it would end the test's transaction; the real restart test closes them);
    no daily jobs (tests/governance/test_daily_jobs.py)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PORTAL_DAILY_JOBS = []
    monkeypatch.setattr(worker_module, "FIRST_WAIT_SECONDS", 0)
    monkeypatch.setattr(worker_module.connections, "close_all", lambda: None)
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def failing(count: int, error_class=OperationalError, *, when=lambda sql, params: True):
    """The next `count` queries on the task table matching `when` fail as if the server had gone."""
    left = [count]

    def wrapper(execute, sql, params, many, context):
        if left[0] and TASK_TABLE in sql and when(sql, params):
            left[0] -= 1
            raise error_class("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    return connection.execute_wrapper(wrapper)


def make_worker(**options) -> ResilientWorker:
    defaults = {
        "queue_names": ["default"],
        "interval": 0,
        "batch": False,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": 1,
        "worker_id": "test-worker",
        "excluded_queue_names": [],
    }
    return ResilientWorker(**{**defaults, **options})


@pytest.mark.django_db
def test_the_worker_waits_for_the_database_then_runs_the_queue(database_queue, caplog):
    task = extract_document_text.enqueue(123456)
    with caplog.at_level(logging.WARNING, logger="operations.worker"), failing(3):
        make_worker().run()
    assert DBTaskResult.objects.get(pk=task.id).status == TaskResultStatus.SUCCESSFUL
    messages = [record.getMessage() for record in caplog.records]
    # One line when the outage starts, one when it ends, however many attempts in between.
    assert len([message for message in messages if "injoignable" in message]) == 1
    assert len([message for message in messages if "de nouveau joignable" in message]) == 1


# Outside a test transaction: a failed save would mark it for rollback, which a real outage does not do.
@pytest.mark.django_db(transaction=True)
def test_a_task_interrupted_by_the_outage_is_queued_again(database_queue, caplog):
    task = extract_document_text.enqueue(123456)

    def recording_outcome(sql, params):
        return sql.startswith("UPDATE") and any(value in (params or ()) for value in ("SUCCESSFUL", "FAILED"))

    # Three tries to record the success, three to record the failure (django_tasks_db's retries): all fail.
    with caplog.at_level(logging.WARNING, logger="operations.worker"), failing(6, when=recording_outcome):
        make_worker().run()
    result = DBTaskResult.objects.get(pk=task.id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.worker_ids == ["test-worker", "test-worker"]
    assert any("remise dans la file" in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_batch_mode_and_other_errors_still_stop_the_worker(database_queue):
    extract_document_text.enqueue(123456)
    with failing(1), pytest.raises(OperationalError):
        make_worker(batch=True).run()
    with failing(1, ProgrammingError), pytest.raises(ProgrammingError):
        make_worker().run()
    with failing(1, TransactionManagementError), pytest.raises(TransactionManagementError):
        make_worker().run()


@pytest.fixture
def signal_handlers():
    """The command sets its own SIGINT and SIGTERM handlers: the test process gets its own back."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.mark.django_db
def test_manage_db_worker_is_the_portal_s_and_keeps_batch(database_queue, signal_handlers):
    assert get_commands()["db_worker"] == "operations"
    task = extract_document_text.enqueue(123456)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert DBTaskResult.objects.get(pk=task.id).status == TaskResultStatus.SUCCESSFUL
    assert db_worker.Worker is not ResilientWorker  # django_tasks_db's module is left as it was
