"""Background sending of the notification e-mails (django-tasks: the db_worker in production)."""

from __future__ import annotations

import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

from .emails import deliver, retry_delay
from .models import DeliveryStatus, EmailDelivery
from .quiet_hours import next_opening

logger = logging.getLogger(__name__)


@task()
def send_deliveries(delivery_ids: list[int]) -> None:
    """Send these deliveries; a failed one is tried again later (up to five attempts in all). Outside the
    working hours nothing leaves: the deliveries wait for the next opening."""
    now = timezone.now()
    opening = next_opening(now)
    if opening > now:
        EmailDelivery.objects.pending().filter(pk__in=delivery_ids).postpone_until(opening)
        enqueue_later(delivery_ids, opening)
        return
    for delivery_id in delivery_ids:
        if deliver(delivery_id) == DeliveryStatus.PENDING:
            attempts = EmailDelivery.objects.filter(pk=delivery_id).values_list("attempts", flat=True).first() or 1
            enqueue_later([delivery_id], timezone.now() + retry_delay(attempts))


def enqueue_later(delivery_ids: list[int], when) -> bool:
    """Enqueue for `when`. A backend that cannot defer (the tests' immediate one) leaves the deliveries
    pending, for the next run or `send_pending_emails`."""
    if not default_task_backend.supports_defer:
        return False
    send_deliveries.using(run_after=when).enqueue(delivery_ids)
    return True


def enqueue_deliveries(now_ids: list[int], digests) -> None:
    """Immediate deliveries go now, in batches; each digest waits for its send time."""
    for start in range(0, len(now_ids), 50):
        send_deliveries.enqueue(now_ids[start : start + 50])
    for delivery in digests:
        enqueue_later([delivery.pk], delivery.scheduled_for)
