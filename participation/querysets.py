"""Participation's domain filters, as chainable queryset methods."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from base.visibility import hidden_paths

from .choices import DeliveryStatus


class NotificationQuerySet(models.QuerySet):
    def openable_by(self, reader):
        """Notifications whose page the reader may open now (base.visibility, checked at read time)."""
        notifications = self.filter(page__live=True)
        for path in hidden_paths(reader, "page"):
            notifications = notifications.exclude(page__path__startswith=path)
        return notifications

    def for_reader(self, reader):
        """The reader's own notifications that they may still open (reader: a request or an account)."""
        user = getattr(reader, "user", reader)
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user).openable_by(reader)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def read_before(self, moment):
        """Notifications read before `moment`: past their retention period when `moment` is its start."""
        return self.filter(read_at__isnull=False, read_at__lt=moment)


class FollowQuerySet(models.QuerySet):
    def active(self):
        """Follows in force (an opt-out row says "I left this group's default follow")."""
        return self.filter(following=True)

    def opted_out(self):
        return self.filter(following=False)


class EmailDeliveryQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=DeliveryStatus.PENDING)

    def due(self, now=None):
        """Pending deliveries whose time has come (immediate ones, digests past their send time)."""
        now = now or timezone.now()
        return self.pending().filter(Q(scheduled_for__isnull=True) | Q(scheduled_for__lte=now))

    def postpone_until(self, moment) -> int:
        """Deliveries due before `moment` wait for it (a digest keeps a later time of its own)."""
        return self.filter(Q(scheduled_for__isnull=True) | Q(scheduled_for__lt=moment)).update(scheduled_for=moment)
