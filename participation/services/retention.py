"""Read notifications past their retention period (base.retention) are deleted; unread ones stay."""

from __future__ import annotations

import datetime

from django.utils import timezone

from base.retention import read_notification_days

from ..models import Notification


def read_notifications_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=read_notification_days())


def purge_read_notifications(now: datetime.datetime | None = None, batch_size: int = 500, progress=None) -> int:
    """Delete, in batches, the notifications read before the cutoff; returns how many. Idempotent."""
    cutoff = read_notifications_cutoff(now)
    deleted = 0
    while True:
        ids = list(Notification.objects.read_before(cutoff).order_by().values_list("pk", flat=True)[:batch_size])
        if not ids:
            return deleted
        # The deliveries' links to them go with them (the many-to-many rows), the deliveries stay.
        Notification.objects.filter(pk__in=ids).delete()
        deleted += len(ids)
        if progress is not None:
            progress(len(ids))
