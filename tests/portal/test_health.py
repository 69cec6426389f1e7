"""/health/ reports the background tasks' wait, from django_tasks_db's table, in one query; old tasks never
make it fail (a stopped worker must not take the application servers out of service)."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from documents.tasks import extract_document_text


@pytest.fixture
def database_queue(settings):
    """Tasks stored in the database, as in production (the tests' default runs them at once)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def enqueued(age: datetime.timedelta, **using) -> DBTaskResult:
    result = extract_document_text.using(**using).enqueue(123456)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - age)
    return DBTaskResult.objects.get(pk=result.id)


def health_tasks(client, django_assert_num_queries) -> dict:
    with django_assert_num_queries(1):
        response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    return body["tasks"]


@pytest.mark.django_db
def test_the_oldest_waiting_task_s_age_is_reported(client, database_queue, django_assert_num_queries):
    assert health_tasks(client, django_assert_num_queries) == {"waiting": 0, "oldest_waiting_seconds": 0}
    enqueued(datetime.timedelta(seconds=42))
    enqueued(datetime.timedelta(seconds=5))
    tasks = health_tasks(client, django_assert_num_queries)
    assert tasks["waiting"] == 2
    assert 42 <= tasks["oldest_waiting_seconds"] <= 45


@pytest.mark.django_db
def test_a_deferred_task_waits_from_its_due_time(client, database_queue, django_assert_num_queries):
    now = timezone.now()
    # Planned for later (a digest e-mail): not waiting yet.
    enqueued(datetime.timedelta(days=2), run_after=now + datetime.timedelta(hours=1))
    assert health_tasks(client, django_assert_num_queries) == {"waiting": 0, "oldest_waiting_seconds": 0}
    # Due ten seconds ago, enqueued an hour ago: it has waited ten seconds.
    enqueued(datetime.timedelta(hours=1), run_after=now - datetime.timedelta(seconds=10))
    tasks = health_tasks(client, django_assert_num_queries)
    assert tasks["waiting"] == 1
    assert 10 <= tasks["oldest_waiting_seconds"] <= 13


@pytest.mark.django_db
def test_running_and_finished_tasks_are_not_waiting(client, database_queue, django_assert_num_queries):
    for status in (TaskResultStatus.RUNNING, TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
        task = enqueued(datetime.timedelta(minutes=30))
        DBTaskResult.objects.filter(pk=task.pk).update(status=status)
    assert health_tasks(client, django_assert_num_queries) == {"waiting": 0, "oldest_waiting_seconds": 0}


@pytest.mark.django_db
def test_a_stopped_worker_does_not_make_the_server_unhealthy(client, database_queue, django_assert_num_queries):
    enqueued(datetime.timedelta(days=3))
    tasks = health_tasks(client, django_assert_num_queries)
    assert tasks == {"waiting": 1, "oldest_waiting_seconds": tasks["oldest_waiting_seconds"]}
    assert tasks["oldest_waiting_seconds"] >= 3 * 24 * 3600
