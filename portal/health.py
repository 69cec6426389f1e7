"""What /health/ reports: whether the database answers and how long the background tasks have been waiting.

One aggregate query on django_tasks_db's table, over the rows ready to run (its partial index), waiting at
most DATABASE_HEALTH_CHECK_TIMEOUT seconds (portal/database.py): a frozen database fails the check within
about that wait plus one connection attempt. A task waits from its enqueueing, or from its `run_after` time
when it was deferred (a digest e-mail planned for 7 h is not late before 7 h).

Old waiting tasks never make the check fail: the load balancer would take every application server out of
service because the task worker stopped. They are reported for monitoring (docs/deployment.md says what to
alert on).
"""

from django.db import connections, router
from django.db.models import Case, Count, F, Min, When
from django.db.models.functions import Greatest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from .database import quick_waits


def waiting_tasks() -> dict[str, int]:
    """{"waiting": tasks ready to run, "oldest_waiting_seconds": how long the oldest of them has waited, 0 when
    none}. Raises the database's error when it does not answer in time."""
    waiting_since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")),  # django_tasks_db's "not deferred"
        default=Greatest("enqueued_at", "run_after"),
    )
    with quick_waits(connections[router.db_for_read(DBTaskResult)]):
        summary = DBTaskResult.objects.ready().aggregate(waiting=Count("pk"), since=Min(waiting_since))
    oldest = summary["since"]
    age = max(int((timezone.now() - oldest).total_seconds()), 0) if oldest else 0
    return {"waiting": summary["waiting"], "oldest_waiting_seconds": age}
